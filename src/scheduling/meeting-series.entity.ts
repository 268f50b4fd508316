import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GroupEntity } from '../groups/group.entity.js';
import { HolidayPolicy } from './scheduling.enums.js';

/**
 * A recurring meeting: an RRULE in local wall-clock time. Occurrences are materialised as real
 * meetings (series_id, occurrence_date) for a rolling horizon.
 */
@Entity('meeting_series')
@Index('ix_meeting_series_group', ['groupId'])
export class MeetingSeriesEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') groupId: string;
  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_meeting_series_group' })
  group?: GroupEntity;
  @Column('text') title: string;
  @Column('text') rrule: string;
  @Column('text') timeZone: string;
  @Column('varchar', { length: 5 }) startTime: string;
  @Column('int') durationMinutes: number;
  @Column({ type: 'enum', enum: HolidayPolicy, enumName: 'holiday_policy' }) holidayPolicy: HolidayPolicy;
  @Column('text', { array: true }) holidayRegions: string[];
  @Column('date') startsOn: string;
  /** The rule's DTSTART; moves to effectiveFrom when an update changes the rule. */
  @Column('date') anchorOn: string;
  /** Occurrences before this date were made by an earlier definition and are never regenerated. */
  @Column('date') generateFrom: string;
  @Column('date', { nullable: true }) until: string | null;
  @Column('text', { nullable: true }) location: string | null;
  @Column('text', { nullable: true }) onlineUrl: string | null;
  /** Occurrences exist up to this date. */
  @Column('date') materializedUntil: string;
  /** RFC 5545 SEQUENCE of the series' one VEVENT: raised on every change of the definition (and its end). */
  @Column('int', { default: 0 }) sequence: number;
  @Column('uuid', { nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A date the rule would have had but a holiday took (policy SKIP), with the reason. */
@Entity('meeting_series_skip')
export class MeetingSeriesSkipEntity {
  @PrimaryColumn('uuid') seriesId: string;
  @ManyToOne(() => MeetingSeriesEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'series_id', foreignKeyConstraintName: 'fk_meeting_series_skip_series' })
  series?: MeetingSeriesEntity;
  @PrimaryColumn('date') date: string;
  @Column('text') reason: string;
}
