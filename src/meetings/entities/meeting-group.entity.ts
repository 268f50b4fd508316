import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GroupEntity } from '../../groups/group.entity.js';
import { MeetingEntity } from './meeting.entity.js';

/** The additional groups of a joint meeting. */
@Entity('meeting_group')
@Index('ix_meeting_group_group', ['groupId'])
export class MeetingGroupEntity {
  @PrimaryColumn('uuid') meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_group_meeting' })
  meeting?: MeetingEntity;
  @PrimaryColumn('uuid') groupId: string;
  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_meeting_group_group' })
  group?: GroupEntity;
}
