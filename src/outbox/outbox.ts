import type { EntityManager } from 'typeorm';

/** The PostgreSQL channel recordEvent notifies when an event commits (see OutboxWakeup). */
export const OUTBOX_CHANNEL = 'interkom_outbox';

/** The domain events other systems (the Matrix bridge, e-mail) hear of. */
export type DomainEventType =
  | 'MeetingScheduled'
  | 'MeetingRescheduled'
  | 'MeetingCancelled'
  | 'AgendaChanged'
  | 'ProtocolPublished'
  | 'ProtocolCorrected'
  | 'ProtocolApproved'
  | 'ProtocolRevised'
  | 'ActionItemAssigned'
  | 'MeetingSeriesScheduled'
  /** The series' definition changed from a date on, or it was ended: its one VEVENT is sent again (higher SEQUENCE). */
  | 'MeetingSeriesChanged'
  | 'MeetingReminder'
  | 'NetworkCreated'
  | 'GroupCreated'
  | 'GroupMembershipChanged'
  | 'GroupJoinRequestDecided'
  | 'MatrixAccountLinked'
  | 'ChatReply'
  | 'WebinarScheduled'
  | 'WebinarCancelled'
  | 'WebinarRegistrationConfirmed';

export interface DomainEvent {
  type: DomainEventType;
  aggregateType: 'Meeting' | 'Protocol' | 'ActionItem' | 'MeetingSeries' | 'Network' | 'Group' | 'Person' | 'Chat' | 'Webinar';
  aggregateId: string;
  groupId: string | null;
  payload: Record<string, unknown>;
}

/**
 * The events that may concern someone by e-mail. Each gets the mail channel's fan-out row with it
 * (mail_delivery), whatever the configuration, so that nothing is lost before SMTP_URL is set.
 */
export const MAIL_EVENT_TYPES: ReadonlySet<DomainEventType> = new Set<DomainEventType>([
  'MeetingScheduled',
  'MeetingRescheduled',
  'MeetingCancelled',
  'ProtocolPublished',
  'ProtocolCorrected',
  'ProtocolApproved',
  'ProtocolRevised',
  'ActionItemAssigned',
  'MeetingSeriesScheduled',
  'MeetingSeriesChanged',
  'GroupJoinRequestDecided',
  'WebinarRegistrationConfirmed',
]);

/**
 * Removes a person's Matrix ID from every event that carried it (erasure, Art. 17 GDPR), delivered
 * or waiting: the account link's own event, and room-command replies of earlier versions, which
 * kept the sender they answered (`to`; replies no longer store it). Inside the erasure's transaction.
 */
export async function forgetMatrixUserInEvents(tx: EntityManager, personId: string, matrixUserId: string | null): Promise<void> {
  await tx.query(`UPDATE outbox_event SET payload = payload - 'matrixUserId' WHERE type = 'MatrixAccountLinked' AND aggregate_id = $1`, [personId]);
  if (matrixUserId) await tx.query(`UPDATE outbox_event SET payload = payload - 'to' WHERE type = 'ChatReply' AND payload->>'to' = $1`, [matrixUserId]);
}

/**
 * Records an event inside the caller's transaction, so it exists exactly when the change does,
 * with one delivery state per channel: the Matrix channel's on the event row, the mail channel's
 * in mail_delivery. Never call a remote system here: delivery happens after commit, from the outbox.
 *
 * The same statement notifies OUTBOX_CHANNEL with the channels concerned: PostgreSQL delivers the
 * notification when the transaction commits (never for a rollback), and folds equal ones of one
 * transaction into one, so the workers of every process drain at once (OutboxWakeup).
 */
export async function recordEvent(tx: EntityManager, event: DomainEvent): Promise<void> {
  const mail = MAIL_EVENT_TYPES.has(event.type);
  await tx.query(
    `WITH e AS (INSERT INTO outbox_event (type, aggregate_type, aggregate_id, group_id, payload) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id, seq),
          m AS (INSERT INTO mail_delivery (event_id, seq) SELECT id, seq FROM e WHERE $6::boolean)
     SELECT pg_notify('${OUTBOX_CHANNEL}', $7) FROM e`,
    [event.type, event.aggregateType, event.aggregateId, event.groupId, JSON.stringify(event.payload), mail, mail ? 'matrix,mail' : 'matrix'],
  );
}

/**
 * The latest event of a type about one aggregate (newest by seq), for writers that coalesce their
 * announcements (a revision in review is announced at most once per quiet window); null when none.
 */
export async function latestEventOf(tx: EntityManager, type: DomainEventType, aggregateId: string): Promise<{ payload: Record<string, unknown> } | null> {
  const [row] = await tx.query<{ payload: Record<string, unknown> }[]>(
    'SELECT payload FROM outbox_event WHERE type = $1 AND aggregate_id = $2 ORDER BY seq DESC LIMIT 1',
    [type, aggregateId],
  );
  return row ?? null;
}
