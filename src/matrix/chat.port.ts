/**
 * What the hub needs from a chat system. The domain and the outbox worker speak only this; the
 * Matrix adapter is the one place that knows matrix-js-sdk.
 */
export interface RoomSpec {
  /** Deterministic alias localpart: a retried creation finds the room instead of making a second. */
  alias: string;
  name: string;
  topic: string | null;
  /** A state event marking the room with the hub object it belongs to. */
  marker: { type: string; content: Record<string, unknown> };
  space: boolean;
  /** For a room: the Space it belongs to. */
  parentSpaceId?: string;
}

export interface DesiredMember {
  userId: string;
  powerLevel: number;
}

export interface MembershipChanges {
  invited: string[];
  kicked: string[];
  powerLevelsChanged: boolean;
}

export interface ChatMessage {
  body: string;
  html: string;
}

export abstract class ChatPort {
  /** The room (or Space) for the spec; created once, found again on every later call. */
  abstract ensureRoom(spec: RoomSpec): Promise<string>;
  /** Declares `childId` a child of `spaceId` (m.space.child and m.space.parent); `order` sorts children. */
  abstract linkChild(spaceId: string, childId: string, order: string): Promise<void>;
  /** Invites the missing, kicks those not desired (with a reason), sets power levels. */
  abstract syncMembers(roomId: string, desired: DesiredMember[], kickReason: string): Promise<MembershipChanges>;
  /**
   * Posts a message exactly once per `deliveryId`: the id is the transaction id and a marker in
   * the content; after an uncertain earlier attempt the room is searched for the marker first.
   */
  abstract post(roomId: string, deliveryId: string, message: ChatMessage, uncertain: boolean): Promise<string>;
}

/** Whether a failure may go away by itself (429, 5xx, connection, timeout), so a retry makes sense. */
export class ChatError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

export const MARKER_KEY = 'net.interkom.outbox_id';
