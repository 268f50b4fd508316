import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GroupEntity } from '../groups/group.entity.js';
import { MeetingEntity } from '../meetings/entities/meeting.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { ActionItemStatus } from './action-item.enums.js';

@Entity('action_item')
@Index('ix_action_item_group_status', ['groupId', 'status'])
@Index('ix_action_item_assignee', ['assigneeId'])
@Index('ix_action_item_protocol', ['protocolId'])
export class ActionItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') groupId: string;
  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_action_item_group' })
  group?: GroupEntity;
  @Column('text') title: string;
  @Column('uuid', { nullable: true }) assigneeId: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_action_item_assignee' })
  assignee?: PersonEntity;
  @Column('uuid', { nullable: true }) assigneeOrganizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_organization_id', foreignKeyConstraintName: 'fk_action_item_assignee_organization' })
  assigneeOrganization?: OrganizationEntity;
  @Column('date', { nullable: true }) dueOn: string | null;
  @Column({ type: 'enum', enum: ActionItemStatus, enumName: 'action_item_status', default: ActionItemStatus.OPEN }) status: ActionItemStatus;
  @Column('uuid', { nullable: true }) originMeetingId: string | null;
  @ManyToOne(() => MeetingEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'origin_meeting_id', foreignKeyConstraintName: 'fk_action_item_origin_meeting' })
  originMeeting?: MeetingEntity;
  /** The protocol and agenda item it was decided under, if any (no FK: protocols reference us too). */
  @Column('uuid', { nullable: true }) protocolId: string | null;
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  /** Whether its agenda item was public; carried-over items inherit it. */
  @Column('boolean', { default: true }) public: boolean;
  @Column('uuid', { nullable: true }) createdById: string | null;
  /** When and by whom it was last set to DONE or DROPPED; cleared when it is opened again. */
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  @Column('uuid', { nullable: true }) closedById: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'closed_by_id', foreignKeyConstraintName: 'fk_action_item_closed_by' })
  closedBy?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
