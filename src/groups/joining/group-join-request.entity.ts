import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JoinRequestStatus } from '../../networks/network.enums.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { GroupEntity } from '../group.entity.js';

/**
 * A role holder's request to join a group. At most one PENDING request per person and group: the
 * partial unique index settles concurrent requests (the losers get CONFLICT).
 */
@Entity('group_join_request')
@Index('uq_group_join_request_pending', ['groupId', 'personId'], { unique: true, where: `"status" = 'PENDING'` })
@Index('ix_group_join_request_person', ['personId'])
export class GroupJoinRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') groupId: string;
  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_group_join_request_group' })
  group?: GroupEntity;
  @Column('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_group_join_request_person' })
  person?: PersonEntity;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_group_join_request_organization' })
  organization?: OrganizationEntity;
  @Column('text', { nullable: true }) message: string | null;
  @Column({ type: 'enum', enum: JoinRequestStatus, enumName: 'join_request_status' }) status: JoinRequestStatus;
  @Column('uuid', { nullable: true }) decidedById: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'fk_group_join_request_decided_by' })
  decidedBy?: PersonEntity;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
