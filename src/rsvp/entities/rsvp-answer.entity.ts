import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MeetingEntity } from '../../meetings/entities/meeting.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { RsvpAnswer, RsvpSource } from '../rsvp.enums.js';

/** What a person answered for one meeting (their own answer; a series answer lives in rsvp_series_answer). */
@Entity('rsvp_answer')
@Index('ix_rsvp_answer_person', ['personId'])
export class RsvpAnswerEntity {
  @PrimaryColumn('uuid') meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_rsvp_answer_meeting' })
  meeting?: MeetingEntity;
  @PrimaryColumn('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_rsvp_answer_person' })
  person?: PersonEntity;
  @Column({ type: 'enum', enum: RsvpAnswer, enumName: 'rsvp_answer_kind' }) answer: RsvpAnswer;
  /** A deputy with an account (DEPUTY). */
  @Column('uuid', { nullable: true }) deputyPersonId: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deputy_person_id', foreignKeyConstraintName: 'fk_rsvp_answer_deputy' })
  deputyPerson?: PersonEntity;
  /** A deputy without an account, as the mail program named them (DELEGATED-TO): kept, never dropped. */
  @Column('text', { nullable: true }) deputyName: string | null;
  @Column('text', { nullable: true }) deputyEmail: string | null;
  @Column('text', { nullable: true }) comment: string | null;
  /** The meeting's SEQUENCE the answer was given for: lower than the meeting's now = before the change. */
  @Column('int') sequence: number;
  @Column({ type: 'enum', enum: RsvpSource, enumName: 'rsvp_source' }) source: RsvpSource;
  @Column('timestamptz') answeredAt: Date;
}

/** A person's answer for a whole series: every occurrence they have not answered on its own. */
@Entity('rsvp_series_answer')
export class RsvpSeriesAnswerEntity {
  /** No FK: the scheduling module owns meeting_series (rows go with the series' erasure via its occurrences). */
  @PrimaryColumn('uuid') seriesId: string;
  @PrimaryColumn('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_rsvp_series_answer_person' })
  person?: PersonEntity;
  @Column({ type: 'enum', enum: RsvpAnswer, enumName: 'rsvp_answer_kind' }) answer: RsvpAnswer;
  @Column('uuid', { nullable: true }) deputyPersonId: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deputy_person_id', foreignKeyConstraintName: 'fk_rsvp_series_answer_deputy' })
  deputyPerson?: PersonEntity;
  @Column('text', { nullable: true }) deputyName: string | null;
  @Column('text', { nullable: true }) deputyEmail: string | null;
  @Column('text', { nullable: true }) comment: string | null;
  @Column('int') sequence: number;
  @Column({ type: 'enum', enum: RsvpSource, enumName: 'rsvp_source' }) source: RsvpSource;
  /** Applies to the occurrences that had not ended at this time. */
  @Column('timestamptz') answeredAt: Date;
}
