import { dateTime, sha256 } from './oparl-format.js';
import type { OparlRecord } from './oparl-render.js';
import { OparlUrls } from '../oparl-urls.js';

/** What the ledger (oparl_object) holds of an object. */
export interface LedgerState {
  hash: string;
  deleted: boolean;
  created: Date;
  modified: Date;
}

/** A rendered object compared with the ledger: what to store, and whether it changed. */
export interface SettledRecord extends OparlRecord {
  /** SHA-256 of exactly the data stored (embedded created/modified included). */
  hash: string;
  changed: boolean;
  /** `now` when it changed, else as the ledger has it. */
  modified: Date;
}

/**
 * Compares a render with the ledger. First every embedded object gets the created and modified
 * it has at its own URL (OParl 1.1 §3.1: embedded objects carry both, new in 1.1): an object is
 * settled after those it embeds (Membership in Person, AgendaItem and File in Meeting). Then the
 * hash covers exactly the data stored, so
 * - a parent changes when an object it embeds changed (§2.8 asks for that of 1.0 clients too);
 * - a row an earlier rendering stored in another form (dates with a fraction, no embedded times,
 *   links back to the parent, empty lists) differs from the new rendering, and the first render
 *   of an updated instance (always forced) writes it again; a row already right stays as it is.
 */
export function settle(records: OparlRecord[], known: Map<string, LedgerState>, now: Date, pathOf: (url: string) => string | null): SettledRecord[] {
  const byPath = new Map(records.map((r) => [r.path, r]));
  const settled = new Map<string, SettledRecord>();
  const visit = (record: OparlRecord, trail: Set<string>): SettledRecord => {
    const done = settled.get(record.path);
    if (done) return done;
    if (trail.has(record.path)) throw new Error(`OParl view: ${record.path} embeds itself`);
    trail.add(record.path);
    for (const object of embedded(record.data)) {
      const path = pathOf(String(object.id));
      const own = path === null ? undefined : byPath.get(path);
      // Every embedded object is also served at its own URL (§3): a render that breaks this is a bug.
      if (!own) throw new Error(`OParl view: ${record.path} embeds ${String(object.id)}, which is not rendered itself`);
      const times = visit(own, trail);
      object.created = dateTime(known.get(own.path)?.created ?? own.created);
      object.modified = dateTime(times.modified);
    }
    const hash = sha256(JSON.stringify(record.data));
    const before = known.get(record.path);
    const changed = !before || before.deleted || before.hash !== hash;
    const result: SettledRecord = { ...record, hash, changed, modified: changed ? now : before.modified };
    settled.set(record.path, result);
    return result;
  };
  return records.map((r) => visit(r, new Set()));
}

/** The objects a record embeds: property values, or items of list properties, that are OParl objects. */
function embedded(data: Record<string, unknown>): Record<string, unknown>[] {
  return Object.values(data)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { type?: unknown }).type === 'string');
}

/**
 * When the System began, stored with its row the first time and kept: on a new hub the first
 * render; on a hub whose ledger is older than its System row, the oldest change the ledger still
 * records (the public view, and so the System that leads to it, existed by then).
 */
export function systemCreated(known: Map<string, LedgerState>, now: Date): Date {
  const own = known.get(OparlUrls.system);
  if (own) return own.created;
  return [...known.values()].reduce((earliest, k) => (k.modified < earliest ? k.modified : earliest), now);
}

/**
 * One instant for everything a render notices, in a later second than every modified the ledger
 * holds: clients see date-times in whole seconds (§2.4), and an object changed twice within a
 * second must still show a new modified (§3.1: a client updates by it). At most a second ahead of
 * the clock, and only when the last render was less than a second ago.
 */
export function renderInstant(known: Map<string, LedgerState>, clock: Date): Date {
  let latest = 0;
  for (const k of known.values()) latest = Math.max(latest, k.modified.getTime());
  const nextSecond = Math.floor(latest / 1000) * 1000 + 1000;
  return nextSecond > clock.getTime() ? new Date(nextSecond) : clock;
}
