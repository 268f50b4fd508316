import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A domain event written in the same transaction as the change that caused it. The Matrix bridge
 * delivers them after commit; until then (or without a homeserver) they stay here.
 */
@Entity('outbox_event')
@Index('ix_outbox_event_pending', ['availableAt'], { where: `"delivered_at" IS NULL AND "dead_at" IS NULL` })
/** A claim walks the groups with rows waiting through this index (lease-queue.ts, claimCandidates). */
@Index('ix_outbox_event_order', ['groupId', 'seq'], { where: `"delivered_at" IS NULL AND "dead_at" IS NULL` })
/** latestEventOf: the newest event of a type about one aggregate (a revision's announcement window). */
@Index('ix_outbox_event_aggregate', ['aggregateId', 'type', 'seq'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Delivery order: a group's events go out one after another, in the order they were written. */
  @Column('bigint') @Generated('increment') seq: string;
  @Column('text') type: string;
  @Column('text') aggregateType: string;
  @Column('uuid') aggregateId: string;
  /** The group whose room should hear of it, when there is one. */
  @Column('uuid', { nullable: true }) groupId: string | null;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('int', { default: 0 }) attempts: number;
  @Column('timestamptz', { default: () => 'now()' }) availableAt: Date;
  @Column('timestamptz', { nullable: true }) deliveredAt: Date | null;
  @Column('timestamptz', { nullable: true }) deadAt: Date | null;
  @Column('text', { nullable: true }) lastError: string | null;
  /** A worker's lease; when it runs out (the worker died), another worker may take the row. */
  @Column('timestamptz', { nullable: true }) lockedUntil: Date | null;
  /** The claim that set the lease; completion updates are conditional on it. */
  @Column('uuid', { nullable: true }) leaseToken: string | null;
  /** What the remote side returned, e.g. the Matrix event id. */
  @Column('text', { nullable: true }) remoteId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
