import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { AttendanceRole, AttendanceStatus } from '../meeting.enums.js';
import { MeetingEntity } from './meeting.entity.js';

@Entity('attendance')
export class AttendanceEntity {
  @PrimaryColumn('uuid') meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_attendance_meeting' })
  meeting?: MeetingEntity;
  @PrimaryColumn('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_attendance_person' })
  person?: PersonEntity;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_attendance_organization' })
  organization?: OrganizationEntity;
  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_status' }) status: AttendanceStatus;
  /** DEPUTY: attends for `organizationId` (in Vertretung); EXTERNAL is for external_attendee only. */
  @Column({ type: 'enum', enum: AttendanceRole, enumName: 'attendance_role', default: AttendanceRole.MEMBER }) role: AttendanceRole;
  @UpdateDateColumn({ type: 'timestamptz' }) recordedAt: Date;
}
