import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { NetworkRole } from '../network.enums.js';
import { NetworkEntity } from './network.entity.js';

/** A person's one role in a network, held on behalf of an organization. */
@Entity('network_role')
@Index('uq_network_role_person', ['networkId', 'personId'], { unique: true })
@Index('ix_network_role_person', ['personId'])
export class NetworkRoleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') networkId: string;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'fk_network_role_network' })
  network?: NetworkEntity;
  @Column('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_network_role_person' })
  person?: PersonEntity;
  @Column({ type: 'enum', enum: NetworkRole, enumName: 'network_role_kind' }) role: NetworkRole;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_network_role_organization' })
  organization?: OrganizationEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
