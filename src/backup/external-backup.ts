import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';
import { LOCK_SOCKET } from '../database/data-dir-lock.js';
import { PGDATA } from '../database/embedded-postgres.js';
import { archiveFile, checkTarget, extract, readManifest, scratchBase, withScratch, writeArchive } from './backup-archive.js';
import { BackupError, checkRestorable, checkRestored, createManifest, DATA_FOLDER, DUMP_FILE, type BackupManifest } from './backup-manifest.js';
import { findPgTool, libpqTarget, runPgTool } from './pg-tools.js';

/**
 * An external PostgreSQL (DATABASE_URL): pg_dump's custom format, which is consistent while the hub
 * runs (one snapshot for the whole dump), plus DATA_DIR's other files (the development key when
 * there is no Keycloak). Restored with pg_restore in one transaction: all of it or nothing.
 */

interface DatabaseState {
  readonly serverMajor: number;
  readonly version: string;
  readonly migrations: string[];
  /** Tables, views and sequences outside the system schemas. */
  readonly relations: number;
  /** Sessions of running hubs (application_name interkom) on this database. */
  readonly hubSessions: number;
}

export async function backupExternal(databaseUrl: string, dataDir: string, file: string): Promise<BackupManifest> {
  checkTarget(file);
  const before = await inspect(databaseUrl);
  const pgDump = await findPgTool('pg_dump', before.serverMajor);
  const manifest = createManifest({ database: 'external', postgresVersion: before.version, pgDumpMajor: pgDump.major, migrations: before.migrations });
  await withScratch(scratchBase(file), async (scratch) => {
    const target = libpqTarget(databaseUrl);
    await runPgTool(pgDump, ['--format=custom', `--file=${join(scratch, DUMP_FILE)}`, `--dbname=${target.dbname}`], target.env, 'pg_dump');
    // A hub of another version that migrated while pg_dump ran would make the manifest wrong.
    checkRestored(manifest, (await inspect(databaseUrl)).migrations);
    await writeArchive(file, scratch, manifest, { dataDir, excludeFromData: [PGDATA, LOCK_SOCKET], files: [DUMP_FILE] });
  });
  return manifest;
}

/**
 * Restores into DATABASE_URL (an existing database, empty unless `force`) and DATA_DIR's files.
 * Refused while a hub is connected to the database. With `force`, pg_restore drops what the dump
 * holds before it creates it (--clean --if-exists), and a database with migrations the backup
 * lacks is refused: the tables of those would stay behind.
 */
export async function restoreExternal(databaseUrl: string, dataDir: string, file: string, force: boolean): Promise<BackupManifest> {
  return withScratch(tmpdir(), async (scratch) => {
    const archive = await archiveFile(file, scratch);
    const manifest = await readManifest(archive, scratch);
    checkRestorable(manifest, 'external');
    const state = await inspect(databaseUrl);
    if (state.hubSessions > 0) {
      throw new BackupError(`Ein Hub ist mit der Datenbank verbunden (${state.hubSessions} Sitzung(en)): bitte alle Hubs stoppen, bevor Sie zurückspielen.`);
    }
    if (state.relations > 0 && !force) {
      throw new BackupError(`Die Datenbank ist nicht leer (${state.relations} Tabellen, Sichten oder Sequenzen). Zum Überschreiben: --force (die bisherigen Daten gehen verloren), oder eine leere Datenbank nehmen.`);
    }
    const newer = state.migrations.filter((name) => !manifest.migrations.includes(name));
    if (newer.length > 0) {
      throw new BackupError(`Die Datenbank hat Migrationen, die die Sicherung nicht hat (${newer.join(', ')}): ihre Tabellen blieben zurück. Bitte in eine leere Datenbank zurückspielen (DROP DATABASE / CREATE DATABASE).`);
    }
    await extract(archive, scratch, [DUMP_FILE, DATA_FOLDER]);
    if (!existsSync(join(scratch, DUMP_FILE))) throw new BackupError(`Die Sicherung enthält keinen Datenbankabzug (${DUMP_FILE} fehlt).`);
    const staged = join(scratch, DATA_FOLDER);
    if (!force) checkNoConflicts(staged, dataDir);
    const pgRestore = await findPgTool('pg_restore', manifest.pgDumpMajor ?? 0);
    const target = libpqTarget(databaseUrl);
    // --no-owner/--no-privileges: the restoring role owns what it creates, a scratch server need not
    // know the original roles (the hub grants nothing of its own).
    await runPgTool(
      pgRestore,
      ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${target.dbname}`, join(scratch, DUMP_FILE)],
      target.env,
      'pg_restore',
    );
    checkRestored(manifest, (await inspect(databaseUrl)).migrations);
    if (existsSync(staged)) {
      mkdirSync(dataDir, { recursive: true });
      cpSync(staged, dataDir, { recursive: true, force: true });
    }
    return manifest;
  });
}

/** A file of the backup that DATA_DIR holds with other content would be overwritten: only with --force. */
function checkNoConflicts(staged: string, dataDir: string): void {
  if (!existsSync(staged)) return;
  for (const file of filesBelow(staged)) {
    const existing = join(dataDir, relative(staged, file));
    if (existsSync(existing) && (!statSync(existing).isFile() || !readFileSync(existing).equals(readFileSync(file)))) {
      throw new BackupError(`${existing} gibt es schon mit anderem Inhalt. Zum Überschreiben: --force.`);
    }
  }
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function inspect(databaseUrl: string): Promise<DatabaseState> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'interkom-backup', connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const e = error as { code?: string; message: string };
    const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
    throw new BackupError(
      e.code === '3D000'
        ? `Die Datenbank „${name}“ gibt es nicht: bitte zuerst anlegen (CREATE DATABASE).`
        : `Die Datenbank (DATABASE_URL, Host ${new URL(databaseUrl).host}) ist nicht erreichbar: ${e.message}`,
    );
  }
  try {
    const one = async <T>(sql: string) => (await client.query(sql)).rows[0] as T;
    const { server_version_num: num } = await one<{ server_version_num: string }>('SHOW server_version_num');
    const { server_version: version } = await one<{ server_version: string }>('SHOW server_version');
    const { present } = await one<{ present: boolean }>("SELECT to_regclass('public.migrations') IS NOT NULL AS present");
    const migrations = present ? (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name) : [];
    const { relations } = await one<{ relations: number }>(
      `SELECT count(*)::int AS relations FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
          AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
    );
    const { sessions } = await one<{ sessions: number }>(
      "SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'interkom' AND pid <> pg_backend_pid()",
    );
    return { serverMajor: Math.floor(Number(num) / 10_000), version, migrations, relations, hubSessions: sessions };
  } finally {
    await client.end();
  }
}
