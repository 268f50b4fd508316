import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** After this many attempts a row is a dead letter (every channel). */
export const MAX_ATTEMPTS = 8;

/** base·2^(attempts−1): with 1 s 1 s, 2 s, 4 s … at most 5 minutes; a server's retry-after wins when longer. */
export function backoffMs(attempts: number, retryAfterMs: number | null, baseMs = 1000): number {
  return Math.max(Math.min(2 ** (attempts - 1) * baseMs, 300_000), retryAfterMs ?? 0);
}

/** What a channel says about a failed delivery. */
export interface DeliveryFailure {
  /** Temporary (429/4xx, 5xx of a homeserver, connection, timeout): retried with backoff. */
  retryable: boolean;
  retryAfterMs: number | null;
  message: string;
}

/** The columns every leased row returns. */
export interface LeasedRow {
  id: string;
  attempts: number;
  /** Set by the claim: every later update of the row is conditional on it (null: not leased). */
  lease_token: string | null;
  /** Set by the claim: the row's order key as text (null: none); a claim's rows of one key go out in order. */
  orderKey?: string | null;
}

export interface ChannelCounts {
  /** Waiting for their first attempt. */
  pending: number;
  /** Failed at least once, will be retried. */
  failed: number;
  deadLetter: number;
  delivered: number;
  /** When the oldest row still waiting was written (null: nothing waits). */
  oldestPendingAt: Date | null;
}

export interface LeaseQueueOptions {
  /** A table with the delivery columns: seq, attempts, available_at, delivered_at, dead_at, last_error, locked_until, remote_id, created_at. */
  table: string;
  /** Rows with the same value here go out one at a time, in the order of seq (NULL: no order). */
  orderColumn: string;
  /** Further condition on a candidate row `e` (SQL), e.g. which rows this worker delivers. */
  where?: string;
  /** Which rows `status` counts (SQL on `e`); default all. */
  statusWhere?: string;
  /** Columns of `e` to return from a claim. */
  returning: string;
  leaseMs: number;
  retryBaseMs: number;
}

/**
 * The rows a claim may take (`candidates`): the first undelivered row of every order key that is
 * due, unleased and passes `where`, plus due rows without a key. The keys are walked through the
 * (order key, seq) index one by one (a loose index scan), so a claim costs one index probe per key
 * with rows waiting, not a scan of the whole backlog: catching up after an outage stays as fast as
 * normal operation. Run under the claim's FOR UPDATE SKIP LOCKED; `$1` is the batch size.
 * `settled` names a CTE of rows the same statement records as delivered (see claimAfter).
 */
export function claimCandidates(table: string, key: string, where?: string, settled?: string): string {
  const waiting = 'delivered_at IS NULL AND dead_at IS NULL';
  // Rows this same statement records as delivered (the CTE `settled`) are no longer heads: its snapshot still sees them waiting.
  const on = (alias: string) => `${alias}.delivered_at IS NULL AND ${alias}.dead_at IS NULL${settled ? ` AND ${alias}.id NOT IN (SELECT id FROM ${settled})` : ''}`;
  const ready = `e.available_at <= now() AND (e.locked_until IS NULL OR e.locked_until < now())${where ? ` AND (${where})` : ''}`;
  return `RECURSIVE order_keys(k) AS (
      (SELECT ${key} FROM ${table} WHERE ${waiting} AND ${key} IS NOT NULL ORDER BY ${key} LIMIT 1)
      UNION ALL
      SELECT (SELECT t.${key} FROM ${table} t WHERE t.delivered_at IS NULL AND t.dead_at IS NULL AND t.${key} > order_keys.k ORDER BY t.${key} LIMIT 1)
        FROM order_keys WHERE order_keys.k IS NOT NULL
    ),
    heads AS (
      SELECT h.id FROM order_keys
        CROSS JOIN LATERAL (SELECT t.id FROM ${table} t WHERE t.${key} = order_keys.k AND ${on('t')} ORDER BY t.seq LIMIT 1) h
       WHERE order_keys.k IS NOT NULL
    ),
    candidates AS (
      SELECT e.id FROM ${table} e WHERE e.id IN (SELECT id FROM heads) AND ${ready}
      UNION ALL
      (SELECT e.id FROM ${table} e WHERE e.${key} IS NULL AND ${on('e')} AND ${ready} ORDER BY e.seq LIMIT $1)
    )`;
}

/**
 * The statement of LeaseQueue.claimAfter: $1 batch (groups), $2 lease seconds, $3 lease token,
 * $4–$6 the deliveries to record (ids, remote ids, their lease tokens), $7 the run length.
 */
export function claimStatement(opts: Pick<LeaseQueueOptions, 'table' | 'orderColumn' | 'where' | 'returning'>): string {
  const { table, orderColumn: key, where, returning } = opts;
  const waiting = (e: string) => `${e}.delivered_at IS NULL AND ${e}.dead_at IS NULL`;
  const ready = (e: string) => `${e}.available_at <= now() AND (${e}.locked_until IS NULL OR ${e}.locked_until < now())`;
  return `WITH RECURSIVE settled AS (
         UPDATE ${table} t SET delivered_at = now(), remote_id = d.remote_id, locked_until = NULL, last_error = NULL
           FROM unnest($4::uuid[], $5::text[], $6::uuid[]) AS d(id, remote_id, token)
          WHERE t.id = d.id AND t.lease_token IS NOT DISTINCT FROM d.token AND t.delivered_at IS NULL AND t.dead_at IS NULL
          RETURNING t.id
       ),
       ${claimCandidates(table, key, where, 'settled').replace(/^RECURSIVE /, '')},
       heads_locked AS (
         SELECT e.id, e.${key} AS k, e.seq FROM ${table} e
          WHERE e.id IN (SELECT id FROM candidates) AND ${waiting('e')} AND ${ready('e')}
          ORDER BY e.seq LIMIT $1 FOR UPDATE SKIP LOCKED
       ),
       runs AS (
         SELECT h.id, h.k, 0::bigint AS pos FROM heads_locked h
         UNION ALL
         SELECT x.id, h.k, x.pos FROM heads_locked h CROSS JOIN LATERAL (
           SELECT y.id, row_number() OVER (ORDER BY y.seq) AS pos, bool_and(y.ok) OVER (ORDER BY y.seq) AS all_ok FROM (
             SELECT e.id, e.seq, (${ready('e')}${where ? ` AND (${where})` : ''}) AS ok FROM ${table} e
              WHERE h.k IS NOT NULL AND e.${key} = h.k AND e.seq > h.seq AND ${waiting('e')} AND e.id NOT IN (SELECT id FROM settled)
              ORDER BY e.seq LIMIT $7::int - 1) y
         ) x WHERE x.all_ok
       ),
       claimed AS (
         UPDATE ${table} SET locked_until = now() + make_interval(secs => $2::double precision), attempts = attempts + 1, lease_token = $3
          WHERE id IN (SELECT id FROM runs) AND ${waiting(table)} AND ${ready(table)}
          RETURNING ${returning}, attempts, lease_token, seq AS seq__
       )
       SELECT c.*, r.k::text AS key__, r.pos::int AS pos__, (SELECT array_agg(id) FROM settled) AS settled__
         FROM (SELECT 1) AS one LEFT JOIN claimed c ON true LEFT JOIN runs r ON r.id = c.id ORDER BY c.seq__`;
}

/**
 * The delivery machinery of one outbox channel, on a table of its own rows: claims with
 * FOR UPDATE SKIP LOCKED under a lease (any number of workers and instances), one row at a time
 * per order key in seq order, backoff for temporary failures, dead letters after MAX_ATTEMPTS.
 * A claim counts an attempt; giving a row back (shutdown) does not. A killed worker's rows come
 * back when their lease ends. Each claim writes a fresh lease token, and every later update
 * (renew, delivered, failed, release) only touches the row while it still carries that token: a
 * worker whose lease ran out and was taken over learns so (false / `lost`) and overwrites nothing.
 */
export class LeaseQueue<Row extends LeasedRow> {
  constructor(
    private readonly db: DataSource,
    private readonly opts: LeaseQueueOptions,
  ) {}

  /** How long a claim holds its rows. */
  get leaseMs(): number {
    return this.opts.leaseMs;
  }

  /** Claims up to `batch` due rows, at most one per order key, in seq order. */
  async claim(batch: number): Promise<Row[]> {
    return (await this.claimAfter([], batch)).rows;
  }

  /**
   * Records the deliveries in `done` (each only under its claim's lease token, as `delivered` does)
   * and claims the next rows, in one statement: one round trip and one commit instead of one more
   * per row. A recorded row stops being its group's head within the statement, so the group's next
   * row can be claimed at once; a row that was not recorded (its lease was lost) keeps its group's
   * head, and nothing of that group is claimed. `delivered` lists the ids that were recorded.
   *
   * `run` > 1 claims, behind each group head the claim locks, the group's next rows too (in seq
   * order, as long as each is due and unleased, at most `run` in all): the worker sends them one
   * after another without a claim in between. Only a claim that locks a group's head takes rows
   * behind it, so two workers never split a group; a row behind the head that changed between the
   * statement's snapshot and its update is not claimed, and the rows after it are given back at
   * once, so a claim is always a gapless start of its group's waiting rows.
   */
  async claimAfter(done: { row: Row; remoteId: string | null }[], batch: number, run = 1): Promise<{ rows: Row[]; delivered: Set<string> }> {
    const result = await this.db.query<(Row & { settled__: string[] | null; seq__: string | null; key__: string | null; pos__: number | null })[]>(
      claimStatement(this.opts),
      [batch, this.opts.leaseMs / 1000, randomUUID(), done.map((d) => d.row.id), done.map((d) => d.remoteId), done.map((d) => d.row.lease_token), Math.max(1, run)],
    );
    const claimed = result.filter((r) => r.id !== null);
    // A gapless start of each group: a run row that was not claimed ends its group's run here.
    const next = new Map<string, number>();
    const rows: Row[] = [];
    const giveBack: Row[] = [];
    for (const { settled__: _s, seq__: _q, key__: k, pos__: pos, ...rest } of claimed) {
      const row = { ...rest, orderKey: k } as unknown as Row;
      const expected = k === null ? 0 : (next.get(k) ?? 0);
      if (k !== null) next.set(k, expected === pos ? expected + 1 : -1);
      (expected === pos ? rows : giveBack).push(row);
    }
    if (giveBack.length) await this.release(giveBack);
    return { rows, delivered: new Set(result[0]?.settled__ ?? []) };
  }

  /** Extends the lease of a row this worker still holds (before delivering it); false: the lease was lost. */
  async renew(row: Row): Promise<boolean> {
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE ${this.opts.table} SET locked_until = now() + make_interval(secs => $3::double precision)
        WHERE id = $1 AND lease_token IS NOT DISTINCT FROM $2::uuid AND delivered_at IS NULL AND dead_at IS NULL`,
      [row.id, row.lease_token, this.opts.leaseMs / 1000],
    );
    return count === 1;
  }

  /** Gives claimed rows back untouched (no lease, the claim's attempt not counted): only rows still under their claim's lease token. */
  async release(rows: Row[]): Promise<void> {
    await this.db.query(
      `UPDATE ${this.opts.table} t SET locked_until = NULL, attempts = attempts - 1, lease_token = NULL
         FROM unnest($1::uuid[], $2::uuid[]) AS x(id, token)
        WHERE t.id = x.id AND t.lease_token IS NOT DISTINCT FROM x.token AND t.delivered_at IS NULL AND t.dead_at IS NULL`,
      [rows.map((r) => r.id), rows.map((r) => r.lease_token)],
    );
  }

  /** Records a delivery; false when the row's lease was lost meanwhile (nothing is written then). */
  async delivered(row: Row, remoteId: string | null): Promise<boolean> {
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE ${this.opts.table} SET delivered_at = now(), remote_id = $3, locked_until = NULL, last_error = NULL
        WHERE id = $1 AND lease_token IS NOT DISTINCT FROM $2::uuid AND delivered_at IS NULL AND dead_at IS NULL`,
      [row.id, row.lease_token, remoteId],
    );
    return count === 1;
  }

  /** Schedules a retry or makes the row a dead letter; says which, and the delay (`lost`: the lease was lost, nothing written). */
  async failed(row: Row, failure: DeliveryFailure): Promise<{ dead: boolean; delayMs: number; lost: boolean }> {
    const message = failure.message.slice(0, 2000);
    const mine = `id = $1 AND lease_token IS NOT DISTINCT FROM $2::uuid AND delivered_at IS NULL AND dead_at IS NULL`;
    if (failure.retryable && row.attempts < MAX_ATTEMPTS) {
      const delayMs = backoffMs(row.attempts, failure.retryAfterMs, this.opts.retryBaseMs);
      const [, count] = await this.db.query<[unknown[], number]>(
        `UPDATE ${this.opts.table} SET available_at = now() + make_interval(secs => $3), locked_until = NULL, last_error = $4 WHERE ${mine}`,
        [row.id, row.lease_token, delayMs / 1000, message],
      );
      return { dead: false, delayMs, lost: count !== 1 };
    }
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE ${this.opts.table} SET dead_at = now(), locked_until = NULL, last_error = $3 WHERE ${mine}`,
      [row.id, row.lease_token, message],
    );
    return { dead: true, delayMs: 0, lost: count !== 1 };
  }

  /** Counts of this channel's rows (those `statusWhere` selects). */
  async status(): Promise<ChannelCounts> {
    const { table, statusWhere: where } = this.opts;
    const [r] = await this.db.query(
      `SELECT count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL AND last_error IS NULL)::int AS pending,
              count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL AND last_error IS NOT NULL)::int AS failed,
              count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS "deadLetter",
              count(*) FILTER (WHERE delivered_at IS NOT NULL)::int AS delivered,
              min(created_at) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL) AS "oldestPendingAt"
         FROM ${table} e ${where ? `WHERE ${where}` : ''}`,
    );
    return r;
  }

  /** Puts dead letters back in line; returns how many. */
  async retryDeadLetters(): Promise<number> {
    const { table, statusWhere: where } = this.opts;
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE ${table} e SET dead_at = NULL, attempts = 0, available_at = now(), last_error = NULL WHERE e.dead_at IS NOT NULL ${where ? `AND (${where})` : ''}`,
    );
    return count;
  }
}
