// P3 of issue 13 (BENCH_MATRIX=1, under the Synapse lock): the hub's Matrix delivery against
// direct sends to the same test Synapse, which is the limit here. Run it as
//   flock /tmp/interkom-synapse.lock env BENCH_MATRIX=1 BENCH_ONLY=matrix npm run bench
// A hub process without outbox worker records the events (new meetings: one announcement each);
// then a second hub process with the worker starts and the time until the outbox is empty counts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { matrixApi, synapse, SYNAPSE } from '../support/synapse.js';

const EVENTS = Number(process.env.BENCH_MATRIX_EVENTS ?? 150);
const ROUNDS = Number(process.env.BENCH_MATRIX_ROUNDS ?? 3);
const SERVER = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HERE = new URL('.', import.meta.url).pathname;
const MATRIX_ENV = {
  MATRIX_HOMESERVER_URL: SYNAPSE.baseUrl, MATRIX_SERVER_NAME: SYNAPSE.serverName, MATRIX_AS_TOKEN: SYNAPSE.asToken,
  MATRIX_HS_TOKEN: SYNAPSE.hsToken, MATRIX_BOT_LOCALPART: 'interkom', MATRIX_OUTBOX_POLL_MS: '50', MATRIX_TIMEOUT_MS: '10000',
};

async function hub(env: Record<string, string>): Promise<{ child: ChildProcess; info: Record<string, string> }> {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', join(HERE, 'hub-server.ts')], {
    env: { ...process.env, ...MATRIX_ENV, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
  return { child, info: JSON.parse(line) };
}

const stop = async (child: ChildProcess) => {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
};

async function waitDrained(db: pg.Client, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE delivered_at IS NULL AND dead_at IS NULL`)).rows;
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} outbox events still pending`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Direct sends of `n` messages into a room as the bot, `inFlight` at a time; messages per second.
 * `content`: what each message carries (default a short plain notice; the hub's own message, with
 * its HTML and marker, for the like-for-like limit).
 */
async function direct(roomId: string, n: number, inFlight: number, content?: Record<string, unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        const i = next++;
        const txn = `bench-${Date.now()}-${i}-${Math.random()}`;
        const body = content ? { ...content, ...Object.fromEntries(Object.keys(content).filter((k) => k.startsWith('net.interkom')).map((k) => [k, txn])) } : { msgtype: 'm.notice', body: `Bench ${i}` };
        await matrixApi('PUT', `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${txn}`, body);
      }
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

/** The content of the newest message the hub's bot posted into a room (its announcements). */
async function hubMessage(roomId: string): Promise<Record<string, unknown>> {
  const page = await matrixApi<{ chunk: { type: string; content: Record<string, unknown> }[] }>('GET', `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=20`);
  const message = page.chunk.find((e) => e.type === 'm.room.message' && e.content.formatted_body);
  if (!message) throw new Error('no announcement of the hub found in the room');
  return message.content;
}

export async function runMatrixBench(): Promise<void> {
  synapse('all');
  const database = 'interkom_bench_matrix';
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-bench-matrix-'));
  const env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir };
  const db = new pg.Client({ connectionString: url.toString() });
  try {
    // The demo networks, their Spaces and group rooms first (not measured).
    const setup = await hub({ ...env, BENCH_FACTOR: '1', MATRIX_OUTBOX_WORKER: 'true' });
    await db.connect();
    await waitDrained(db);
    const groups = (await db.query(`SELECT g.id, g.matrix_room_id FROM work_group g JOIN network n ON n.id = g.network_id WHERE n.slug = 'readi' ORDER BY g.name LIMIT 3`)).rows;
    await stop(setup.child);
    const recorder = await hub({ ...env, MATRIX_OUTBOX_WORKER: 'false' });
    const gql = (query: string, variables: Record<string, unknown>) =>
      fetch(`http://127.0.0.1:${recorder.info.port}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${recorder.info.token}` }, body: JSON.stringify({ query, variables }),
      }).then((r) => r.json() as Promise<{ errors?: unknown }>);
    const record = async (groupIds: string[], perGroup: number) => {
      for (let i = 0; i < perGroup; i++) {
        for (const groupId of groupIds) {
          const startsAt = new Date(Date.now() + (30 + i) * 86_400_000);
          const r = await gql('mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
            input: { groupId, title: `Bench ${i}`, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
          });
          if (r.errors) throw new Error(JSON.stringify(r.errors));
        }
      }
      return (await db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE delivered_at IS NULL AND dead_at IS NULL`)).rows[0].n as number;
    };
    const deliver = async () => {
      const worker = await hub({ ...env, MATRIX_OUTBOX_WORKER: 'true' });
      const started = performance.now();
      await waitDrained(db);
      const seconds = (performance.now() - started) / 1000;
      await stop(worker.child);
      return seconds;
    };
    // Rounds alternate the senders (the test Synapse's own rate drifts during a run); medians and
    // each round's ratio against direct one-at-a-time sends of the hub's own message are printed.
    const room = groups[0].matrix_room_id as string;
    const rates: Record<string, number[]> = {};
    const note = (sender: string, rate: number) => (rates[sender] ??= []).push(rate);
    for (let round = 0; round < ROUNDS; round++) {
      const one = await record([groups[0].id], EVENTS);
      note(`hub, 1 group × ${EVENTS}`, one / (await deliver()));
      const same = await hubMessage(room);
      note("direct, one at a time (the hub's message)", await direct(room, EVENTS, 1, same));
      const perGroup = Math.round(EVENTS / 3);
      const three = await record(groups.map((g) => g.id), perGroup);
      note(`hub, 3 groups × ${perGroup}`, three / (await deliver()));
      note('direct, one at a time (plain notice)', await direct(room, EVENTS, 1));
      note('direct, 4 in flight (plain notice)', await direct(room, EVENTS, 4));
    }
    await stop(recorder.child);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const limit = rates["direct, one at a time (the hub's message)"];
    console.log(`\nMatrix delivery to the test Synapse (events recorded first, then delivered by one worker process; ${ROUNDS} rounds, alternating)\n`);
    console.log('| sender | messages per round | messages/s, median (rounds) | ratio to direct one at a time, per round |\n|---|---|---|---|');
    for (const [sender, xs] of Object.entries(rates)) {
      const ratios = xs.map((x, i) => (x / limit[i]).toFixed(2)).join(', ');
      console.log(`| ${sender} | ${EVENTS} | ${median(xs).toFixed(1)} (${xs.map((x) => x.toFixed(1)).join(', ')}) | ${ratios} |`);
    }
  } finally {
    await db.end().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
