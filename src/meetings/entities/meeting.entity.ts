import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GroupEntity } from '../../groups/group.entity.js';

@Entity('meeting')
@Index('ix_meeting_group_starts', ['groupId', 'startsAt'])
@Index('uq_meeting_series_occurrence', ['seriesId', 'occurrenceDate'], { unique: true, where: '"series_id" IS NOT NULL' })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') groupId: string;
  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_meeting_group' })
  group?: GroupEntity;
  /** Set for occurrences of a series (no FK here: the series module owns that table). */
  @Column('uuid', { nullable: true }) seriesId: string | null;
  /** The series rule's date for this occurrence: its identity, even when a holiday moved it. */
  @Column('date', { nullable: true }) occurrenceDate: string | null;
  /** An occurrence edited on its own (rescheduled, cancelled): series updates leave it alone. */
  @Column('boolean', { default: false }) detached: boolean;
  @Column('text') title: string;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('text') timeZone: string;
  /** Only SCHEDULED or CANCELLED are stored; HELD is derived. */
  @Column('boolean', { default: false }) cancelled: boolean;
  @Column('text', { nullable: true }) cancelReason: string | null;
  @Column('text', { nullable: true }) location: string | null;
  @Column('text', { nullable: true }) onlineUrl: string | null;
  /** True once attendance was recorded or a protocol started: evidence that it took place. */
  @Column('boolean', { default: false }) hasRecord: boolean;
  /** Raised on every change of time, place or status (calendar SEQUENCE). */
  @Column('int', { default: 0 }) sequence: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
