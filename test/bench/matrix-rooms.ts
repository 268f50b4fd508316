// Reading the bench's rooms on the test Synapse (matrix.ts): when announcements appeared, and which.
// Times come from the events' own origin_server_ts (Synapse's clock, the bench's machine), so
// watching the rooms can be slow (4 looks a second) and adds no load that competes with the
// deliveries being measured.
import { matrixApi } from '../support/synapse.js';

export interface Announcement {
  room: string;
  title: string;
  content: Record<string, unknown>;
  /** When Synapse accepted it (ms since the epoch). */
  at: number;
}

type Event = { type: string; content: Record<string, unknown>; origin_server_ts: number };
const enc = encodeURIComponent;

/** A room's newest `limit` messages (newest first). */
async function newest(room: string, limit: number, from?: string): Promise<{ chunk: Event[]; end?: string }> {
  const query = new URLSearchParams({ dir: 'b', limit: String(limit), ...(from ? { from } : {}) });
  return matrixApi('GET', `/rooms/${enc(room)}/messages?${query}`);
}

const carries = (e: Event, text: string) => e.type === 'm.room.message' && String(e.content.body ?? '').includes(text);

/** Waits until each room has its last expected title (a group's announcements go out in order: its last one means all). */
export async function waitForLast(lastOf: Map<string, string>): Promise<void> {
  const waiting = new Set(lastOf.keys());
  const deadline = Date.now() + 600_000;
  while (waiting.size) {
    if (Date.now() > deadline) throw new Error(`announcements missing after 10 minutes in ${waiting.size} room(s)`);
    await new Promise((r) => setTimeout(r, 250));
    for (const room of [...waiting]) if ((await newest(room, 5)).chunk.some((e) => carries(e, lastOf.get(room)!))) waiting.delete(room);
  }
}

/** A room's messages carrying `tag` among its newest `limit` (oldest first). */
export async function announcementsOf(room: string, tag: string, limit: number): Promise<Announcement[]> {
  const found: Announcement[] = [];
  let from: string | undefined;
  for (let read = 0; read < limit; ) {
    const page = await newest(room, Math.min(500, limit - read), from);
    for (const e of page.chunk) if (carries(e, tag)) found.push({ room, title: '', content: e.content, at: e.origin_server_ts });
    read += page.chunk.length;
    if (!page.end || !page.chunk.length) break;
    from = page.end;
  }
  return found.reverse();
}

/** When Synapse accepted an event (origin_server_ts). */
export async function acceptedAt(room: string, eventId: string): Promise<number> {
  return (await matrixApi<Event>('GET', `/rooms/${enc(room)}/event/${enc(eventId)}`)).origin_server_ts;
}
