// What the backup tests share: the commands run as an operator runs them (a child process with the
// environment), a hub started on a storage configuration, and a little of everything in it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import * as tar from 'tar';
import { loadOrCreateDevKey, signDevToken } from '../../src/auth/dev-keys.js';
import { createHub, type RunningHub } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { TEST_RATE_LIMITS } from './global-setup.js';

const run = promisify(execFile);

/** The storage a hub and the commands are pointed at. */
export interface Storage {
  readonly DATA_DIR: string;
  /** '' = the embedded database. */
  readonly DATABASE_URL: string;
}

export interface CommandResult {
  readonly code: number;
  readonly stderr: string;
}

/** `npm run backup|restore -- …` as the operator runs it (the same node, swc's loader, this environment). */
export async function command(name: 'backup' | 'restore', args: string[], storage: Storage): Promise<CommandResult> {
  try {
    const { stderr } = await run(process.execPath, ['--import', '@swc-node/register/esm-register', `src/cli/${name}.ts`, ...args], {
      env: { ...process.env, ...storage, NODE_OPTIONS: '', KEYCLOAK_URL: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stderr: e.stderr ?? String(error) };
  }
}

export async function startHub(storage: Storage): Promise<RunningHub> {
  return createHub(
    loadConfig({ ...storage, WEB_DIR: '', DEMO_DATA: 'false', RATE_LIMITS: TEST_RATE_LIMITS, MAIL_OUTBOX_WORKER: 'false' }),
    { logger: false },
  );
}

/** A development sign-in token, signed with the key in DATA_DIR (what `npm run dev-token` prints). */
export async function devToken(dataDir: string, username: string, admin = false): Promise<string> {
  return signDevToken(await loadOrCreateDevKey(dataDir), 'interkom-api', username, { admin });
}

export async function gql(hub: RunningHub, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await request(hub.app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${token}`).send({ query, variables });
  if (res.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
  return res.body.data;
}

export const SNAPSHOT = `query($slug: String!, $meetingId: ID!) {
  me { id displayName }
  network(slug: $slug) { id name groups { id name } }
  meeting(id: $meetingId) { id title location agenda { id title } protocol { id status version entries { notes } } }
}`;

/** A network, a group, a meeting with an agenda item and a protocol whose text has umlauts; returns what SNAPSHOT reads. */
export async function createData(hub: RunningHub, token: string): Promise<{ slug: string; meetingId: string }> {
  const slug = `sued-${Math.random().toString(36).slice(2, 8)}`;
  const { createNetwork } = await gql(hub, token, 'mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }', {
    input: { slug, name: 'Städtenetz Süd – Kommunen an Enz & Würm', joinPolicy: 'APPROVAL' },
  });
  const { createGroup } = await gql(hub, token, 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', {
    input: { networkId: createNetwork.id, level: 'PROJECT_GROUP', name: 'Projektgruppe Gebührenprüfung' },
  });
  const startsAt = new Date(Date.now() - 86_400_000);
  const { createMeeting } = await gql(hub, token, 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
    input: { groupId: createGroup.id, title: 'Sitzung in Mühlacker', location: 'Rathaus, Großer Saal', startsAt, endsAt: new Date(startsAt.getTime() + 5_400_000) },
  });
  const meetingId = createMeeting.id as string;
  const { addAgendaItem } = await gql(hub, token, 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', {
    input: { meetingId, title: 'Überprüfung der Gebührensätze' },
  });
  const { startProtocol } = await gql(hub, token, 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id } }', { input: { meetingId } });
  await gql(hub, token, 'mutation($input: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $input) { version } }', {
    input: { protocolId: startProtocol.id, agendaItemId: addAgendaItem.id, notes: 'Änderungen für Bühl und Öhringen: Grundgebühr übernächstes Jahr prüfen. „Straße“ ß ä ö ü Ä Ö Ü', expectedVersion: 1 },
  });
  return { slug, meetingId };
}

/** Rewrites a backup's manifest (the first entry) and packs it again, as a newer hub would have written it. */
export async function rewriteManifest(backup: string, into: string, change: (manifest: any) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'interkom-rewrite-'));
  try {
    await tar.x({ file: backup, cwd: dir });
    const manifest = JSON.parse(readFileSync(join(dir, 'interkom-backup.json'), 'utf8'));
    change(manifest);
    writeFileSync(join(dir, 'interkom-backup.json'), JSON.stringify(manifest));
    const rest = readdirSync(dir).filter((n) => n !== 'interkom-backup.json');
    await tar.c({ gzip: true, cwd: dir, file: into, portable: true }, ['interkom-backup.json', ...rest]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The entries of a backup, in order, and its manifest. */
export async function contents(backup: string): Promise<{ entries: string[]; manifest: any }> {
  const entries: string[] = [];
  let manifest = '';
  await tar.t({
    file: backup,
    onReadEntry: (entry) => {
      entries.push(entry.path);
      if (entry.path === 'interkom-backup.json') entry.on('data', (chunk: Buffer) => (manifest += chunk.toString('utf8')));
    },
  });
  return { entries, manifest: JSON.parse(manifest) };
}

export const scratchDir = (label: string) => mkdtempSync(join(tmpdir(), `interkom-${label}-`));
