import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NetworkEntity } from '../networks/entities/network.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { DEFAULT_OBJECTION_DAYS, GroupJoinPolicy, GroupLevel, ProtocolApprovalMode } from './group.enums.js';

// "group" is an SQL keyword, hence the table name.
@Entity('work_group')
@Index('ix_work_group_network', ['networkId'])
@Index('uq_work_group_matrix_room', ['matrixRoomId'], { unique: true, where: '"matrix_room_id" IS NOT NULL' })
@Index('ix_work_group_parent', ['parentId'])
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') networkId: string;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'fk_work_group_network' })
  network?: NetworkEntity;
  @Column({ type: 'enum', enum: GroupLevel, enumName: 'group_level' }) level: GroupLevel;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('uuid', { nullable: true }) parentId: string | null;
  @ManyToOne(() => GroupEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_work_group_parent' })
  parent?: GroupEntity;
  @Column('uuid', { nullable: true }) leadOrganizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lead_organization_id', foreignKeyConstraintName: 'fk_work_group_lead_organization' })
  leadOrganization?: OrganizationEntity;
  @Column('text', { nullable: true }) matrixRoomId: string | null;
  @Column({ type: 'enum', enum: GroupJoinPolicy, enumName: 'group_join_policy', default: GroupJoinPolicy.APPROVAL }) joinPolicy: GroupJoinPolicy;
  /** How the group's protocols are approved; groups from before issue 21 kept MODERATION. */
  @Column({ type: 'enum', enum: ProtocolApprovalMode, enumName: 'protocol_approval_mode', default: ProtocolApprovalMode.OBJECTION_PERIOD })
  protocolApprovalMode: ProtocolApprovalMode;
  /** The Widerspruchsfrist in days (mode OBJECTION_PERIOD). */
  @Column('int', { default: DEFAULT_OBJECTION_DAYS }) objectionPeriodDays: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
