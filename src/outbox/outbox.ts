import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity.js';

/** The domain events other systems (the Matrix bridge) hear of. */
export type DomainEventType =
  | 'MeetingScheduled'
  | 'MeetingRescheduled'
  | 'MeetingCancelled'
  | 'AgendaChanged'
  | 'ProtocolPublished'
  | 'ActionItemAssigned'
  | 'MeetingSeriesScheduled'
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
 * Records an event inside the caller's transaction, so it exists exactly when the change does.
 * Never call a remote system here: delivery happens after commit, from the outbox.
 */
export async function recordEvent(tx: EntityManager, event: DomainEvent): Promise<void> {
  await tx.getRepository(OutboxEventEntity).insert({
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    groupId: event.groupId,
    payload: event.payload as never,
  });
}
