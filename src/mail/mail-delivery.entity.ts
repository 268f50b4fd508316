import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxEventEntity } from '../outbox/outbox-event.entity.js';
import { PersonEntity } from '../people/person.entity.js';

/**
 * The mail channel's delivery state, apart from the Matrix channel's (which lives on the outbox
 * row). An event that may concern someone by mail gets one row without a person, written with the
 * event; the mail worker fans it out into one row per recipient, and each of those is one e-mail
 * with its own attempts, lease, backoff and dead letter. The Message-ID is derived from the
 * event's outbox id and the person, so a resent mail is recognisably the same mail.
 */
@Entity('mail_delivery')
@Index('uq_mail_delivery_recipient', ['eventId', 'personId'], { unique: true, where: '"person_id" IS NOT NULL' })
@Index('uq_mail_delivery_fanout', ['eventId'], { unique: true, where: '"person_id" IS NULL' })
@Index('ix_mail_delivery_pending', ['availableAt'], { where: '"delivered_at" IS NULL AND "dead_at" IS NULL' })
@Index('ix_mail_delivery_order', ['personId', 'seq'], { where: '"delivered_at" IS NULL AND "dead_at" IS NULL' })
export class MailDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') eventId: string;
  @ManyToOne(() => OutboxEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_mail_delivery_event' })
  event?: OutboxEventEntity;
  /** The recipient; null on the event's fan-out row. */
  @Column('uuid', { nullable: true }) personId: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_mail_delivery_person' })
  person?: PersonEntity;
  /** The event's seq: a person's mails go out in the order their events were written. */
  @Column('bigint') seq: string;
  @Column('int', { default: 0 }) attempts: number;
  @Column('timestamptz', { default: () => 'now()' }) availableAt: Date;
  @Column('timestamptz', { nullable: true }) deliveredAt: Date | null;
  @Column('timestamptz', { nullable: true }) deadAt: Date | null;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('timestamptz', { nullable: true }) lockedUntil: Date | null;
  /** The claim that set the lease; completion updates are conditional on it. */
  @Column('uuid', { nullable: true }) leaseToken: string | null;
  /** The server's answer (e.g. "250 OK: queued as …"), or why nothing was sent ("skipped: …"). */
  @Column('text', { nullable: true }) remoteId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
