/** What the ledger (oparl_object) holds of an object. */
export interface LedgerState {
  hash: string;
  deleted: boolean;
  created: Date;
  modified: Date;
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
