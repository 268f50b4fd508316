import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { claimCandidates, claimStatement, LeaseQueue, type LeasedRow } from '../../src/outbox/lease-queue.js';
import { freshDatabase, TestHub } from '../support/test-hub.js';

type Row = LeasedRow & { group_id: string | null; seq: string };

/** Work done by a plan: every row a node produced or looked at and threw away, over all its loops. */
function rowsTouched(plan: Record<string, unknown>): number {
  const loops = Number(plan['Actual Loops'] ?? 1);
  const own = (Number(plan['Actual Rows'] ?? 0) + Number(plan['Rows Removed by Filter'] ?? 0) + Number(plan['Rows Removed by Index Recheck'] ?? 0)) * loops;
  return own + ((plan.Plans as Record<string, unknown>[] | undefined) ?? []).reduce((sum, p) => sum + rowsTouched(p), 0);
}

describe('claiming outbox rows', () => {
  let hub: TestHub;
  let db: DataSource;
  let queue: LeaseQueue<Row>;
  beforeAll(async () => {
    hub = await TestHub.start({ DATABASE_URL: await freshDatabase('claim'), MAIL_OUTBOX_WORKER: 'false', MATRIX_OUTBOX_WORKER: 'false' });
    db = hub.hub.app.get(DataSource);
    queue = new LeaseQueue<Row>(db, { table: 'outbox_event', orderColumn: 'group_id', returning: 'id, group_id, seq', leaseMs: 60_000, retryBaseMs: 1000 });
  });
  afterAll(() => hub.stop());

  /** `perGroup` rows in each group, interleaved as they would be written, plus `loose` rows without a group. */
  async function enqueue(groups: string[], perGroup: number, loose = 0): Promise<void> {
    await db.query(
      `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, group_id, payload)
       SELECT 'ClaimTest', 'Test', gen_random_uuid(), ($1::uuid[])[1 + i % array_length($1::uuid[], 1)], '{}'::jsonb
         FROM generate_series(0, $2::int - 1) i`,
      [groups, groups.length * perGroup],
    );
    if (loose) {
      await db.query(`INSERT INTO outbox_event (type, aggregate_type, aggregate_id, group_id, payload) SELECT 'ClaimTest', 'Test', gen_random_uuid(), NULL, '{}'::jsonb FROM generate_series(1, $1::int)`, [loose]);
    }
  }
  const clear = () => db.query(`DELETE FROM outbox_event`);

  it('takes the first waiting row of every group and rows without a group; a leased head holds its group back', async () => {
    await clear();
    const groups = [randomUUID(), randomUUID(), randomUUID()];
    await enqueue(groups, 4, 2);
    const firsts = await db.query<{ id: string }[]>(`SELECT DISTINCT ON (group_id) id FROM outbox_event WHERE group_id IS NOT NULL ORDER BY group_id, seq`);

    const claimed = await queue.claim(10);
    expect(claimed.filter((r) => r.group_id).map((r) => r.id).sort()).toEqual(firsts.map((r) => r.id).sort());
    expect(claimed.filter((r) => !r.group_id)).toHaveLength(2);
    // Everything claimed is leased: nothing else of those groups may go out meanwhile.
    expect(await queue.claim(10)).toEqual([]);

    // Delivering one group's head lets its second row through, and only that.
    const head = claimed.find((r) => r.group_id === groups[0])!;
    expect(await queue.delivered(head, null)).toBe(true);
    const next = await queue.claim(10);
    expect(next.map((r) => r.group_id)).toEqual([groups[0]]);
    expect(BigInt(next[0].seq)).toBeGreaterThan(BigInt(head.seq));
  });

  it('records deliveries and claims the next rows in one statement; a row whose lease was lost holds its group back', async () => {
    await clear();
    const groups = [randomUUID(), randomUUID()];
    await enqueue(groups, 3);
    const [a, b] = groups.map((group) => ({ group }));
    const first = await queue.claim(10);
    const headA = first.find((r) => r.group_id === a.group)!;
    const headB = first.find((r) => r.group_id === b.group)!;
    // Group B's lease was taken over by another worker meanwhile (a new token): its record must not count.
    await db.query(`UPDATE outbox_event SET lease_token = gen_random_uuid() WHERE id = $1`, [headB.id]);
    const { rows, delivered } = await queue.claimAfter([{ row: headA, remoteId: '$a' }, { row: headB, remoteId: '$b' }], 10);
    expect([...delivered]).toEqual([headA.id]);
    // A's second row comes with the same statement; nothing of B, whose head is still out.
    expect(rows.map((r) => r.group_id)).toEqual([a.group]);
    expect(BigInt(rows[0].seq)).toBeGreaterThan(BigInt(headA.seq));
    const [stored] = await db.query<{ a: string | null; b: string | null }[]>(
      `SELECT (SELECT remote_id FROM outbox_event WHERE id = $1 AND delivered_at IS NOT NULL) AS a,
              (SELECT remote_id FROM outbox_event WHERE id = $2 AND delivered_at IS NOT NULL) AS b`,
      [headA.id, headB.id],
    );
    expect(stored).toEqual({ a: '$a', b: null });
    // Recording nothing is a plain claim.
    expect(await queue.claimAfter([], 10)).toEqual({ rows: [], delivered: new Set() });
  });

  it('takes a run of each group\'s next rows behind its head, gapless and in order, and records a whole run with the next claim', async () => {
    await clear();
    const groups = [randomUUID(), randomUUID()];
    await enqueue(groups, 4);
    const order = await db.query<{ id: string; group_id: string }[]>(`SELECT id, group_id FROM outbox_event ORDER BY seq`);
    const ofGroup = (g: string) => order.filter((r) => r.group_id === g).map((r) => r.id);

    const { rows } = await queue.claimAfter([], 10, 3);
    expect(rows.map((r) => r.id)).toEqual(order.filter((r) => ofGroup(r.group_id).indexOf(r.id) < 3).map((r) => r.id));
    expect(rows.map((r) => r.orderKey)).toEqual(rows.map((r) => r.group_id));
    // Both groups are out: nothing more, whatever the run length.
    expect(await queue.claimAfter([], 10, 10)).toEqual({ rows: [], delivered: new Set() });

    // Group A's run delivered and recorded by the next claim, which takes A's last row; B's run is still out.
    const runA = rows.filter((r) => r.group_id === groups[0]);
    const next = await queue.claimAfter(runA.map((row) => ({ row, remoteId: null })), 10, 3);
    expect([...next.delivered].sort()).toEqual(runA.map((r) => r.id).sort());
    expect(next.rows.map((r) => r.id)).toEqual([ofGroup(groups[0])[3]]);
  });

  it('ends a run before a row that is not due, so a group never goes out with a gap', async () => {
    await clear();
    const group = randomUUID();
    await enqueue([group], 5);
    const ids = (await db.query<{ id: string }[]>(`SELECT id FROM outbox_event ORDER BY seq`)).map((r) => r.id);
    await db.query(`UPDATE outbox_event SET available_at = now() + interval '1 hour' WHERE id = $1`, [ids[2]]);
    const { rows } = await queue.claimAfter([], 10, 5);
    expect(rows.map((r) => r.id)).toEqual(ids.slice(0, 2));
    // Recorded, the row that waits for its retry is the group's head: nothing goes out behind it.
    const after = await queue.claimAfter(rows.map((row) => ({ row, remoteId: null })), 10, 5);
    expect(after.rows).toEqual([]);
    expect(after.delivered.size).toBe(2);
  });

  it('skips a group whose head waits for its retry, and respects the batch size', async () => {
    await clear();
    const groups = Array.from({ length: 5 }, () => randomUUID());
    await enqueue(groups, 3);
    await db.query(`UPDATE outbox_event SET available_at = now() + interval '1 hour'
                     WHERE id = (SELECT id FROM outbox_event WHERE group_id = $1 ORDER BY seq LIMIT 1)`, [groups[0]]);
    const claimed = await queue.claim(3);
    expect(claimed).toHaveLength(3);
    expect(claimed.map((r) => r.group_id)).not.toContain(groups[0]);
    const rest = await queue.claim(10);
    expect(rest.map((r) => r.group_id).sort()).toEqual(groups.slice(1).filter((g) => !claimed.some((c) => c.group_id === g)).sort());
  });

  it('costs the same with 3,000 rows waiting as with 100 (one index probe per group, not a scan of the backlog)', async () => {
    const work = async (perGroup: number) => {
      await clear();
      await enqueue([randomUUID(), randomUUID(), randomUUID()], perGroup);
      await db.query('ANALYZE outbox_event');
      const [{ 'QUERY PLAN': [plan] }] = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) WITH ${claimCandidates('outbox_event', 'group_id')} SELECT id FROM candidates`, [10]);
      return rowsTouched(plan.Plan);
    };
    const small = await work(33);
    const large = await work(1000);
    // Three groups: a few dozen rows looked at either way (the old claim looked at every waiting row).
    expect(large).toBeLessThanOrEqual(small + 10);
    expect(large).toBeLessThan(100);
  });

  it('claims runs at the same cost with 9,000 rows waiting as with 900 (the whole statement, rolled back)', async () => {
    const work = async (perGroup: number) => {
      await clear();
      await enqueue([randomUUID(), randomUUID(), randomUUID()], perGroup);
      await db.query('ANALYZE outbox_event');
      const runner = db.createQueryRunner();
      await runner.startTransaction();
      try {
        const [{ 'QUERY PLAN': [plan] }] = await runner.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${claimStatement({ table: 'outbox_event', orderColumn: 'group_id', returning: 'id' })}`, [
          10, 60, randomUUID(), [], [], [], 10,
        ]);
        return rowsTouched(plan.Plan);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };
    // Both large enough for index plans (on a few dozen rows PostgreSQL rightly scans the table).
    const small = await work(300);
    const large = await work(3000);
    // Three heads and up to 3 × 9 rows behind them, whatever the backlog: the same plan work (about
    // 600 rows counted over all its nodes) with 900 and with 9,000 rows waiting.
    expect(large).toBeLessThanOrEqual(small + 20);
    expect(large).toBeLessThan(1000);
  });
});
