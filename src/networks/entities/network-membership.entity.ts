import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { MembershipStatus } from '../network.enums.js';
import { NetworkEntity } from './network.entity.js';

/**
 * One period of an organization's membership in a network. Ending a membership keeps the row
 * (status ENDED, `until` set), so the history of who belonged when stays.
 */
@Entity('network_membership')
@Index('uq_network_membership_current', ['networkId', 'organizationId'], { unique: true, where: `"status" <> 'ENDED'` })
export class NetworkMembershipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') networkId: string;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'fk_network_membership_network' })
  network?: NetworkEntity;
  @Column('uuid') organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_network_membership_organization' })
  organization?: OrganizationEntity;
  @Column({ type: 'enum', enum: MembershipStatus, enumName: 'membership_status' }) status: MembershipStatus;
  @Column('date', { nullable: true }) since: string | null;
  @Column('date', { nullable: true }) until: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
