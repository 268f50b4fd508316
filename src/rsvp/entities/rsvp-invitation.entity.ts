import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PersonEntity } from '../../people/person.entity.js';

/**
 * One person's invitation to one calendar event (UID): the unguessable token of the ORGANIZER
 * address their invitation names (local+token@domain) and the SEQUENCE last sent to them.
 */
@Entity('rsvp_invitation')
@Index('uq_rsvp_invitation_person_uid', ['personId', 'uid'], { unique: true })
@Index('uq_rsvp_invitation_token', ['token'], { unique: true })
export class RsvpInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_rsvp_invitation_person' })
  person?: PersonEntity;
  /** 32 lower-case hex digits (128 bits from the system's CSPRNG). */
  @Column('text') token: string;
  @Column('text') uid: string;
  /** The meeting the UID names (a single meeting), or null for a series. */
  @Column('uuid', { nullable: true }) meetingId: string | null;
  /** The series the UID names (one recurring VEVENT), or null. */
  @Column('uuid', { nullable: true }) seriesId: string | null;
  /** The highest SEQUENCE sent to the person for the event as a whole. */
  @Column('int') sequence: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** The SEQUENCE last sent for one occurrence of a series (a RECURRENCE-ID override). */
@Entity('rsvp_invitation_occurrence')
export class RsvpInvitationOccurrenceEntity {
  @PrimaryColumn('uuid') invitationId: string;
  @ManyToOne(() => RsvpInvitationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'fk_rsvp_invitation_occurrence_invitation' })
  invitation?: RsvpInvitationEntity;
  @PrimaryColumn('timestamptz') recurrenceId: Date;
  @Column('int') sequence: number;
}

/** Every iMIP reply handed over, by Message-ID, with what became of it: one message is applied once. */
@Entity('rsvp_mail_reply')
export class RsvpMailReplyEntity {
  @PrimaryColumn('text') messageId: string;
  @Column('text') outcome: string;
  @Column('uuid', { nullable: true }) invitationId: string | null;
  @Column('timestamptz') receivedAt: Date;
}
