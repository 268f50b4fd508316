import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MeetingEntity } from './meeting.entity.js';

/** One reminder per meeting and start time: a rescheduled meeting is reminded of again. */
@Entity('meeting_reminder')
export class MeetingReminderEntity {
  @PrimaryColumn('uuid') meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_reminder_meeting' })
  meeting?: MeetingEntity;
  @PrimaryColumn('timestamptz') startsAt: Date;
}
