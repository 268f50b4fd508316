import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { JoinPolicy } from '../network.enums.js';

@Entity('network')
@Index('uq_network_slug', ['slug'], { unique: true })
@Index('uq_network_matrix_space', ['matrixSpaceId'], { unique: true, where: '"matrix_space_id" IS NOT NULL' })
export class NetworkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('varchar', { length: 50 }) slug: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column({ type: 'enum', enum: JoinPolicy, enumName: 'join_policy' }) joinPolicy: JoinPolicy;
  @Column('uuid', { nullable: true }) moderatorOrganizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'moderator_organization_id', foreignKeyConstraintName: 'fk_network_moderator_organization' })
  moderatorOrganization?: OrganizationEntity;
  @Column('text', { nullable: true }) matrixSpaceId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
