import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonEntity } from '../../people/person.entity.js';
import { MeetingChangeKind } from '../meeting.enums.js';
import { MeetingEntity } from './meeting.entity.js';

/** The history of a meeting's schedule: when it was planned, moved or cancelled, by whom and why. */
@Entity('meeting_change')
@Index('ix_meeting_change_meeting', ['meetingId'])
export class MeetingChangeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_change_meeting' })
  meeting?: MeetingEntity;
  @Column({ type: 'enum', enum: MeetingChangeKind, enumName: 'meeting_change_kind' }) kind: MeetingChangeKind;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('timestamptz', { nullable: true }) previousStartsAt: Date | null;
  @Column('timestamptz', { nullable: true }) previousEndsAt: Date | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('uuid', { nullable: true }) changedById: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'changed_by_id', foreignKeyConstraintName: 'fk_meeting_change_person' })
  changedBy?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
