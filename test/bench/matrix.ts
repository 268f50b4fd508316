// The Matrix bridge against direct sends to the same test Synapse (BENCH_MATRIX=1, under the
// Synapse lock), issue 24's method. Run it as
//   flock /tmp/interkom-synapse.lock env BENCH_MATRIX=1 BENCH_ONLY=matrix npm run bench
// One hub process with its outbox worker (default poll, as in production) takes the meetings;
// rounds alternate on the same rooms:
// - hub: BENCH_MATRIX_EVENTS meetings (150) created through GraphQL, 4 requests at a time, over one
//   or three groups, timed from the first request until the last announcement is in each room;
// - direct: the hub's own messages of that round resent as the bot, one at a time, in the same order.
// Each round's ratio is hub rate / direct rate; each hub process first runs a round of
// BENCH_MATRIX_WARMUP meetings (30) that is not measured. BENCH_MATRIX_LISTEN=true,false measures with the
// wake-up on commit (OUTBOX_LISTEN=true) and with the poll alone (the behaviour before issue 24).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { MARKER_KEY } from '../../src/matrix/chat.port.js';
import { matrixApi, synapse, SYNAPSE_HUB_ENV } from '../support/synapse.js';
import { acceptedAt, announcementsOf, waitForLast, type Announcement } from './matrix-rooms.js';

const MEETINGS = Number(process.env.BENCH_MATRIX_EVENTS ?? 150);
const ROUNDS = Number(process.env.BENCH_MATRIX_ROUNDS ?? 5);
const MODES = (process.env.BENCH_MATRIX_LISTEN ?? 'true,false').split(',');
const IN_FLIGHT = 4;
/** Meetings of the unmeasured round each hub process starts with. */
const WARMUP = Number(process.env.BENCH_MATRIX_WARMUP ?? 30);
const SERVER = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HERE = new URL('.', import.meta.url).pathname;
const MATRIX_ENV = { ...SYNAPSE_HUB_ENV, MATRIX_TIMEOUT_MS: '10000' };

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

interface Round {
  ratio: number;
  hubRate: number;
  directRate: number;
  /** From the first request to the first announcement in a room (the idle worker's reaction). */
  firstMs: number;
  duplicates: number;
  losses: number;
}

/**
 * The hub's round: creates the meetings (round-robin over the groups, IN_FLIGHT at a time) and
 * waits for the last announcement of each room; timed from the first request to the moment
 * Synapse accepted the last announcement.
 */
async function hubRound(gql: Gql, groups: { id: string; room: string }[], tag: string, meetings = MEETINGS) {
  const titles = Array.from({ length: meetings }, (_, i) => ({ title: `${tag} #${String(i).padStart(3, '0')}`, group: groups[i % groups.length] }));
  const lastOf = new Map(groups.map((g) => [g.room, titles.filter((t) => t.group === g).at(-1)!.title]));
  const started = Date.now();
  let firstAnswered = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < titles.length) {
        const { title, group } = titles[next++];
        const startsAt = new Date(Date.now() + (30 + next) * 86_400_000);
        const r = await gql('mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
          input: { groupId: group.id, title, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
        });
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        firstAnswered ||= Date.now();
      }
    }),
  );
  const answered = Date.now();
  await waitForLast(lastOf);
  // What arrived, each title once and none missing (read before the direct round resends them).
  const sent: Announcement[] = [];
  let duplicates = 0;
  let losses = 0;
  for (const g of groups) {
    const seen = await announcementsOf(g.room, tag, meetings * 2);
    for (const { title } of titles.filter((t) => t.group === g)) {
      const copies = seen.filter((m) => String(m.content.body).includes(title));
      if (!copies.length) losses++;
      duplicates += Math.max(0, copies.length - 1);
      if (copies[0]) sent.push({ ...copies[0], title });
    }
  }
  sent.sort((x, y) => x.title.localeCompare(y.title));
  const first = Math.min(...sent.map((m) => m.at));
  const last = Math.max(...sent.map((m) => m.at));
  return { rate: meetings / ((last - started) / 1000), firstMs: first - started, firstAnsweredMs: firstAnswered - started, answeredMs: answered - started, sent, duplicates, losses };
}

/**
 * The direct round: the hub's own messages of the round, resent as the bot one at a time in the
 * order they were created; timed like the hub's, to the moment Synapse accepted the last one.
 */
async function directRound(sent: Announcement[]): Promise<number> {
  const started = Date.now();
  let last = { room: '', eventId: '' };
  for (const [i, m] of sent.entries()) {
    const txn = `bench-direct-${started}-${i}`;
    const { event_id } = await matrixApi<{ event_id: string }>('PUT', `/rooms/${encodeURIComponent(m.room)}/send/m.room.message/${txn}`, { ...m.content, [MARKER_KEY]: txn });
    last = { room: m.room, eventId: event_id };
  }
  return sent.length / (((await acceptedAt(last.room, last.eventId)) - started) / 1000);
}

type Gql = (query: string, variables: Record<string, unknown>) => Promise<{ errors?: unknown }>;

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
  const results: { mode: string; groups: number; rounds: Round[] }[] = [];
  try {
    // The demo networks, their Spaces and group rooms first (not measured).
    const setup = await hub({ ...env, BENCH_FACTOR: '1', MATRIX_OUTBOX_WORKER: 'true' });
    await db.connect();
    await waitDrained(db);
    const rows = (await db.query(`SELECT g.id, g.matrix_room_id AS room FROM work_group g JOIN network n ON n.id = g.network_id WHERE n.slug = 'readi' ORDER BY g.name LIMIT 3`)).rows;
    await stop(setup.child);
    for (const mode of MODES) {
      const server = await hub({ ...env, MATRIX_OUTBOX_WORKER: 'true', OUTBOX_LISTEN: mode });
      const gql: Gql = (query, variables) =>
        fetch(`http://127.0.0.1:${server.info.port}/graphql`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.info.token}` }, body: JSON.stringify({ query, variables }),
        }).then((r) => r.json() as Promise<{ errors?: unknown }>);
      await waitDrained(db);
      // Not measured: the new process's first requests and deliveries (compilation, the pool's
      // connections, the statement caches), which a hub that has been running has long behind it.
      if (WARMUP > 0) await hubRound(gql, rows, `Bench warm-up ${mode} ${Date.now()}`, WARMUP);
      for (const count of [1, 3]) {
        const rounds: Round[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          await new Promise((r) => setTimeout(r, 1500)); // the worker idle, as between a committee's clicks
          const h = await hubRound(gql, rows.slice(0, count), `Bench ${mode === 'true' ? 'wake' : 'poll'} ${count}g r${round} ${Date.now()}`);
          const directRate = await directRound(h.sent);
          rounds.push({ ratio: h.rate / directRate, hubRate: h.rate, directRate, firstMs: h.firstMs, duplicates: h.duplicates, losses: h.losses });
          console.error(`matrix bench: ${mode === 'true' ? 'wake-up' : 'poll only'}, ${count} group(s), round ${round + 1}: ${(h.rate / directRate).toFixed(2)}× (${h.rate.toFixed(1)} / ${directRate.toFixed(1)} msg/s, first request answered after ${h.firstAnsweredMs} ms, first announcement after ${h.firstMs} ms, all requests answered after ${h.answeredMs} ms)`);
        }
        results.push({ mode, groups: count, rounds });
      }
      await stop(server.child);
    }
  } finally {
    await db.end().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  print(results);
}

function print(results: { mode: string; groups: number; rounds: Round[] }[]): void {
  const median = (xs: number[]) => {
    const s = [...xs].sort((x, y) => x - y);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  console.log(`\nMatrix bridge vs. direct sends to the test Synapse: ${MEETINGS} meetings per round created through GraphQL (${IN_FLIGHT} at a time), timed to the last announcement in the room, against the hub's own messages resent one at a time; hub and direct rounds alternate on the same rooms (${ROUNDS} rounds each)\n`);
  console.log('| worker | groups | ratio per round | min | median | hub msg/s (median) | direct msg/s (median) | first announcement ms (median) | duplicates | losses |\n|---|---|---|---|---|---|---|---|---|---|');
  for (const { mode, groups, rounds } of results) {
    const ratios = rounds.map((r) => r.ratio);
    console.log(
      `| ${mode === 'true' ? 'woken on commit' : 'poll only (1 s)'} | ${groups} | ${ratios.map((x) => x.toFixed(2)).join(', ')} | ${Math.min(...ratios).toFixed(2)} | ${median(ratios).toFixed(2)} | ` +
        `${median(rounds.map((r) => r.hubRate)).toFixed(1)} | ${median(rounds.map((r) => r.directRate)).toFixed(1)} | ${median(rounds.map((r) => r.firstMs)).toFixed(0)} | ` +
        `${rounds.reduce((n, r) => n + r.duplicates, 0)} | ${rounds.reduce((n, r) => n + r.losses, 0)} |`,
    );
  }
  const events = results.reduce((n, r) => n + r.rounds.length * MEETINGS, 0);
  console.log(`\n${events} announcements checked in all.`);
}
