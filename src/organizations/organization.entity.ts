import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationKind } from './organization.enums.js';

@Entity('organization')
@Index('uq_organization_municipality_key', ['municipalityKey'], { unique: true, where: '"municipality_key" IS NOT NULL' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' }) kind: OrganizationKind;
  /** ISO 3166-2 code such as DE-BW. */
  @Column('varchar', { length: 6, nullable: true }) federalState: string | null;
  /** Amtlicher Gemeindeschlüssel, 8 digits. */
  @Column('char', { length: 8, nullable: true }) municipalityKey: string | null;
  @Column('text', { nullable: true }) website: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
