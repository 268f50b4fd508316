import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PersonEntity } from '../../people/person.entity.js';
import { AttendanceRole, AttendanceStatus } from '../meeting.enums.js';
import { MeetingEntity } from './meeting.entity.js';

/**
 * Someone at a meeting without an account (an external expert, a citizen, a consultant): a name
 * and an organization as typed in by the moderation. Visible only to the meeting's groups; named
 * in public (OParl) only with `consentToPublish`. Deleted with the meeting or by the moderation.
 */
@Entity('external_attendee')
@Index('ix_external_attendee_meeting', ['meetingId'])
export class ExternalAttendeeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_external_attendee_meeting' })
  meeting?: MeetingEntity;
  @Column('text') name: string;
  @Column('text', { nullable: true }) organizationName: string | null;
  @Column({ type: 'enum', enum: AttendanceRole, enumName: 'attendance_role' }) role: AttendanceRole;
  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_status' }) status: AttendanceStatus;
  /** The person agreed to be named in the public record (OParl); withdrawable at any time. */
  @Column('boolean', { default: false }) consentToPublish: boolean;
  @Column('uuid', { nullable: true }) recordedById: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_id', foreignKeyConstraintName: 'fk_external_attendee_recorded_by' })
  recordedBy?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
