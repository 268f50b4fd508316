// npm run backup / npm run restore (issue 20): for the embedded default and for an external
// PostgreSQL, a hub's data survives backup, destruction and restore whole — same ids, same texts,
// the same development key — and the commands refuse what would lose or corrupt data.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DataDirBusyError } from '../../src/database/data-dir-lock.js';
import { TEST_SERVER_URL } from '../support/global-setup.js';
import { command, contents, createData, devToken, gql, rewriteManifest, scratchDir, SNAPSHOT, startHub, type Storage } from '../support/backup-fixtures.js';
import { freshDatabase } from '../support/test-hub.js';
import { MIGRATIONS } from '../../migrations/index.js';

const LAST_MIGRATION = MIGRATIONS.at(-1)!.name;
const scratch: string[] = [];
const dir = (label: string) => {
  const d = scratchDir(label);
  scratch.push(d);
  return d;
};
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

/**
 * Starts a hub on `storage`, fills it, stops it (or not: `backupWhileRunning`), backs it up,
 * hands over to `destroy`, restores, starts a hub again and compares what the API shows.
 */
async function roundTrip(storage: Storage, destroy: () => Promise<void>, opts: { backupWhileRunning?: boolean } = {}) {
  const token = await devToken(storage.DATA_DIR, 'gisela', true);
  const first = await startHub(storage);
  let before: any;
  let ids: { slug: string; meetingId: string };
  const backup = join(dir('backup-file'), 'hub.backup');
  let result;
  try {
    ids = await createData(first, token);
    before = await gql(first, token, SNAPSHOT, ids);
    if (opts.backupWhileRunning) result = await command('backup', [backup], storage);
  } finally {
    await first.close();
  }
  result ??= await command('backup', [backup], storage);
  expect(result.stderr).toContain('Sicherung geschrieben');
  expect(result.code).toBe(0);

  const { entries, manifest } = await contents(backup);
  expect(entries[0]).toBe('interkom-backup.json');
  expect(manifest).toMatchObject({ format: 'interkom-backup', formatVersion: 1, hubVersion: '0.1.0', database: storage.DATABASE_URL ? 'external' : 'embedded', lastMigration: LAST_MIGRATION });
  expect(manifest.migrations).toEqual(MIGRATIONS.map((m) => m.name));
  expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(3_600_000);
  expect(entries).toContain('data/dev-signing-key.json');
  expect(entries.some((e) => e.includes('lock.sock'))).toBe(false);

  await destroy();
  const restored = await command('restore', [backup], storage);
  expect(restored.stderr).toContain('zurückgespielt');
  expect(restored.code).toBe(0);

  const second = await startHub(storage);
  try {
    // The token signed before the backup still signs in: the development key came back too.
    expect(await gql(second, token, SNAPSHOT, ids!)).toEqual(before);
    expect(before.meeting.protocol.entries[0].notes).toContain('Öhringen');
    expect(before.network.groups).toHaveLength(1);
    // A fresh token from the restored key works as well.
    expect((await gql(second, await devToken(storage.DATA_DIR, 'gisela', true), '{ me { id } }')).me.id).toBe(before.me.id);
  } finally {
    await second.close();
  }
  return backup;
}

describe('backup and restore of the embedded default (DATA_DIR)', () => {
  it('brings back the whole DATA_DIR: data, ids and the development key', async () => {
    const storage = { DATA_DIR: join(dir('embedded'), 'data'), DATABASE_URL: '' };
    const backup = await roundTrip(storage, async () => rmSync(storage.DATA_DIR, { recursive: true, force: true }));

    // Onto a DATA_DIR that holds data: refused, and nothing changes; with --force it is replaced.
    const refused = await command('restore', [backup], storage);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/ist nicht leer.*--force/);
    const forced = await command('restore', [backup, '--force'], storage);
    expect(forced.code).toBe(0);

    // Into a scratch DATA_DIR, beside the real one.
    const elsewhere = { DATA_DIR: join(dir('embedded-scratch'), 'data'), DATABASE_URL: '' };
    expect((await command('restore', [backup], elsewhere)).code).toBe(0);
    expect(readdirSync(elsewhere.DATA_DIR).sort()).toEqual(['dev-signing-key.json', 'pgdata']);
  }, 600_000);

  it('refuses to back up or restore while a hub runs on DATA_DIR, and a second hub on it', async () => {
    const storage = { DATA_DIR: join(dir('embedded-busy'), 'data'), DATABASE_URL: '' };
    const hub = await startHub(storage);
    const backup = join(dir('busy-file'), 'hub.backup');
    try {
      const result = await command('backup', [backup], storage);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Das Datenverzeichnis ${storage.DATA_DIR} wird gerade von einem laufenden Hub (Prozess ${process.pid}`);
      expect(existsSync(backup)).toBe(false);
      expect(existsSync(`${backup}.partial`)).toBe(false);
      const restore = await command('restore', [backup, '--force'], storage);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('wird gerade von einem laufenden Hub');
      await expect(startHub(storage)).rejects.toBeInstanceOf(DataDirBusyError);
    } finally {
      await hub.close();
    }
    // Once the hub is gone, the same command succeeds.
    expect((await command('backup', [backup], storage)).code).toBe(0);
    // And an existing backup is not overwritten.
    const again = await command('backup', [backup], storage);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('gibt es schon');
  }, 600_000);

  it('refuses a backup written by a newer hub (a migration this code does not know), and touches nothing', async () => {
    const storage = { DATA_DIR: join(dir('embedded-newer'), 'data'), DATABASE_URL: '' };
    const hub = await startHub(storage);
    await hub.close();
    const backup = join(dir('newer-file'), 'hub.backup');
    expect((await command('backup', [backup], storage)).code).toBe(0);
    const newer = join(dir('newer-file'), 'newer.backup');
    await rewriteManifest(backup, newer, (m) => {
      m.migrations.push('Future9999999999999');
      m.lastMigration = 'Future9999999999999';
      m.hubVersion = '9.0.0';
    });
    const target = { DATA_DIR: join(dir('embedded-newer-target'), 'data'), DATABASE_URL: '' };
    const result = await command('restore', [newer], target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Die Sicherung stammt von einer neueren Version des Hubs (9.0.0): ihre Migration(en) Future9999999999999 kennt dieser Code nicht');
    expect(readdirSync(target.DATA_DIR)).toEqual([]);
    // An embedded backup does not go into a PostgreSQL server either.
    const wrongKind = await command('restore', [backup], { DATA_DIR: target.DATA_DIR, DATABASE_URL: await freshDatabase('backup_wrong_kind') });
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain('eingebetteten Datenbank (DATA_DIR): sie lässt sich nur ohne DATABASE_URL zurückspielen');
    // Nor is a file that is no backup taken for one.
    const notABackup = await command('restore', [join(process.cwd(), 'package.json')], target);
    expect(notABackup.code).toBe(1);
    expect(notABackup.stderr).toContain('kein lesbares Sicherungsarchiv');
  }, 600_000);
});

describe('backup and restore with an external PostgreSQL (DATABASE_URL)', () => {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_SERVER_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  it('brings back the database (pg_dump taken while the hub runs) and DATA_DIR\'s key', async () => {
    const url = await freshDatabase('backup');
    const name = new URL(url).pathname.slice(1);
    const storage = { DATA_DIR: join(dir('external'), 'data'), DATABASE_URL: url };
    const backup = await roundTrip(
      storage,
      async () => {
        await admin(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin(`CREATE DATABASE ${name}`);
        rmSync(storage.DATA_DIR, { recursive: true, force: true });
      },
      { backupWhileRunning: true },
    );
    const { entries, manifest } = await contents(backup);
    expect(entries).toContain('database.pgdump');
    expect(entries.some((e) => e.startsWith('data/pgdata'))).toBe(false);
    expect(manifest.pgDumpMajor).toBeGreaterThanOrEqual(15);

    // Onto a database that holds data: refused; while a hub is connected: refused even with --force.
    const refused = await command('restore', [backup], storage);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Die Datenbank ist nicht leer .*--force/);
    const hub = await startHub(storage);
    try {
      const busy = await command('restore', [backup, '--force'], storage);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('Ein Hub ist mit der Datenbank verbunden');
    } finally {
      await hub.close();
    }
    expect((await command('restore', [backup, '--clean'], storage)).code).toBe(0);

    // A newer hub's backup is refused before the database is touched.
    const newer = join(dir('external-newer'), 'newer.backup');
    await rewriteManifest(backup, newer, (m) => m.migrations.push('Future9999999999999'));
    const scratchDb = await freshDatabase('backup_scratch');
    const result = await command('restore', [newer], { DATA_DIR: join(dir('external-newer-data'), 'data'), DATABASE_URL: scratchDb });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Future9999999999999 kennt dieser Code nicht');
  }, 600_000);
});
