// The only file that imports matrix-js-sdk.
import { ConnectionError, createClient, MatrixError, Method, type MatrixClient } from 'matrix-js-sdk';
import type { MatrixConfig } from '../config/config.js';
import { ChatError, ChatPort, MARKER_KEY, type ChatMessage, type DesiredMember, type MembershipChanges, type RoomSpec } from './chat.port.js';

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, getChild: () => silent };

/** Matrix as an application service: the bot acts with the as_token; every call has a timeout. */
export class MatrixAdapter extends ChatPort {
  private readonly client: MatrixClient;
  readonly botUserId: string;

  constructor(private readonly config: MatrixConfig) {
    super();
    this.botUserId = `@${config.botLocalpart}:${config.serverName}`;
    this.client = createClient({ baseUrl: config.homeserverUrl, userId: this.botUserId, accessToken: config.asToken, logger: silent as never });
  }

  async ensureRoom(spec: RoomSpec): Promise<string> {
    const alias = `#${spec.alias}:${this.config.serverName}`;
    const initialState: { type: string; state_key: string; content: Record<string, unknown> }[] = [
      { type: spec.marker.type, state_key: '', content: spec.marker.content },
    ];
    if (spec.parentSpaceId) initialState.push({ type: 'm.space.parent', state_key: spec.parentSpaceId, content: { via: [this.config.serverName], canonical: true } });
    try {
      const created = await this.call<{ room_id: string }>(Method.Post, '/createRoom', undefined, {
        room_alias_name: spec.alias,
        name: spec.name,
        ...(spec.topic ? { topic: spec.topic } : {}),
        preset: 'private_chat',
        visibility: 'private',
        initial_state: initialState,
        ...(spec.space ? { creation_content: { type: 'm.space' } } : {}),
        power_level_content_override: { users: { [this.botUserId]: 100 }, invite: 50, kick: 50 },
      });
      return created.room_id;
    } catch (error) {
      // M_ROOM_IN_USE: the alias was taken when asked; 409: taken between the check and this room's own claim on it.
      if (error instanceof ChatError && /M_ROOM_IN_USE|\(409\)/.test(error.message)) return this.existingRoom(alias, spec);
      throw error;
    }
  }

  /**
   * The room an alias already names, once it is set up: Synapse may answer the alias while the
   * room's creator (an earlier attempt, another process) is still sending its first state. The
   * room counts as ready when the bot's power level and the hub's marker are in it; until then (at
   * most the call timeout) it is asked again, then the caller gets a retryable error.
   */
  private async existingRoom(alias: string, spec: RoomSpec): Promise<string> {
    const deadline = Date.now() + this.config.timeoutMs;
    for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
      const roomId = await this.optional<{ room_id: string }>(`/directory/room/${enc(alias)}`);
      if (roomId) {
        const id = roomId.room_id;
        const levels = await this.optional<{ users?: Record<string, number> }>(`/rooms/${enc(id)}/state/m.room.power_levels/`);
        const marker = levels?.users?.[this.botUserId] === 100 && (await this.optional(`/rooms/${enc(id)}/state/${enc(spec.marker.type)}/`));
        if (marker) return id;
      }
      if (Date.now() + delay > deadline) throw new ChatError(`M_ROOM_IN_USE: the room ${alias} exists but is not set up yet`, true);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** A GET that answers null while the thing is not there (404) or not readable by the bot yet (403: not joined). */
  private async optional<T = unknown>(path: string): Promise<T | null> {
    try {
      return await this.call<T>(Method.Get, path);
    } catch (error) {
      if (error instanceof ChatError && /\((403|404)\)/.test(error.message)) return null;
      throw error;
    }
  }

  async linkChild(spaceId: string, childId: string, order: string): Promise<void> {
    const via = { via: [this.config.serverName] };
    const safeOrder = order.replace(/[^\x20-\x7E]/g, '_');
    await this.call(Method.Put, `/rooms/${enc(spaceId)}/state/m.space.child/${enc(childId)}`, undefined, { ...via, suggested: true, order: safeOrder });
    await this.call(Method.Put, `/rooms/${enc(childId)}/state/m.space.parent/${enc(spaceId)}`, undefined, { ...via, canonical: true });
  }

  async syncMembers(roomId: string, desired: DesiredMember[], kickReason: string): Promise<MembershipChanges> {
    const { chunk } = await this.call<{ chunk: { state_key: string; sender: string; content: { membership: string } }[] }>(Method.Get, `/rooms/${enc(roomId)}/members`);
    const current = new Map(chunk.map((e) => [e.state_key, e.content.membership]));
    // Someone who left or declined by themselves is not invited again and again; a kick is drift.
    const leftOnTheirOwn = new Set(chunk.filter((e) => e.content.membership === 'leave' && e.sender === e.state_key).map((e) => e.state_key));
    const wanted = new Map(desired.map((d) => [d.userId, d.powerLevel]));
    const changes: MembershipChanges = { invited: [], kicked: [], powerLevelsChanged: false };
    for (const { userId } of desired) {
      const m = current.get(userId);
      if (m === 'join' || m === 'invite') continue;
      if (m === 'ban' || leftOnTheirOwn.has(userId)) continue; // a ban stands; so does leaving by choice
      await this.call(Method.Post, `/rooms/${enc(roomId)}/invite`, undefined, { user_id: userId, reason: 'Mitglied der Gruppe in Interkom' });
      changes.invited.push(userId);
    }
    for (const [userId, m] of current) {
      if (userId === this.botUserId || wanted.has(userId) || (m !== 'join' && m !== 'invite')) continue;
      await this.call(Method.Post, `/rooms/${enc(roomId)}/kick`, undefined, { user_id: userId, reason: kickReason });
      changes.kicked.push(userId);
    }
    const levels = await this.call<{ users?: Record<string, number> }>(Method.Get, `/rooms/${enc(roomId)}/state/m.room.power_levels/`);
    const users: Record<string, number> = { [this.botUserId]: 100 };
    for (const d of desired) if (d.powerLevel > 0) users[d.userId] = d.powerLevel;
    const before = JSON.stringify(Object.entries(levels.users ?? {}).sort());
    if (before !== JSON.stringify(Object.entries(users).sort())) {
      await this.call(Method.Put, `/rooms/${enc(roomId)}/state/m.room.power_levels/`, undefined, { ...levels, users });
      changes.powerLevelsChanged = true;
    }
    return changes;
  }

  async post(roomId: string, deliveryId: string, message: ChatMessage, uncertain: boolean): Promise<string> {
    if (uncertain) {
      const existing = await this.findMarked(roomId, deliveryId);
      if (existing) return existing;
    }
    const content = { msgtype: 'm.notice', body: message.body, format: 'org.matrix.custom.html', formatted_body: message.html, [MARKER_KEY]: deliveryId };
    const sent = await this.call<{ event_id: string }>(Method.Put, `/rooms/${enc(roomId)}/send/m.room.message/${enc(deliveryId)}`, undefined, content);
    return sent.event_id;
  }

  /** Synapse forgets transaction ids on restart: look for our marker in the recent timeline. */
  private async findMarked(roomId: string, deliveryId: string): Promise<string | null> {
    const page = await this.call<{ chunk: { event_id: string; sender: string; content?: Record<string, unknown> }[] }>(
      Method.Get,
      `/rooms/${enc(roomId)}/messages`,
      { dir: 'b', limit: '100' },
    );
    return page.chunk.find((e) => e.sender === this.botUserId && e.content?.[MARKER_KEY] === deliveryId)?.event_id ?? null;
  }

  private async call<T = unknown>(method: Method, path: string, query?: Record<string, string>, body?: unknown): Promise<T> {
    try {
      return await this.client.http.authedRequest<T>(method, path, query, body as never, { localTimeoutMs: this.config.timeoutMs, priority: 'auto' } as never);
    } catch (error) {
      throw toChatError(error);
    }
  }
}

const enc = encodeURIComponent;

function toChatError(error: unknown): ChatError {
  if (error instanceof MatrixError) {
    const status = error.httpStatus ?? 0;
    const retryAfter = (error.data as { retry_after_ms?: number } | undefined)?.retry_after_ms ?? null;
    return new ChatError(`${error.errcode ?? 'M_UNKNOWN'} (${status}): ${error.message}`, status === 429 || status >= 500, retryAfter);
  }
  if (error instanceof ConnectionError) return new ChatError(`connection failed: ${error.message}`, true);
  if (error instanceof Error && (error.name === 'AbortError' || /timed? ?out|abort/i.test(error.message))) return new ChatError(`timeout: ${error.message}`, true);
  return new ChatError(error instanceof Error ? error.message : String(error), false);
}
