import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS } from '../../migrations/index.js';

/** The first entry of every backup archive: what it is, so that a restore can refuse what it cannot take. */
export const MANIFEST_FILE = 'interkom-backup.json';
/** DATA_DIR's files, under this folder of the archive. */
export const DATA_FOLDER = 'data';
/** External PostgreSQL: pg_dump's custom format. */
export const DUMP_FILE = 'database.pgdump';

export type DatabaseKind = 'embedded' | 'external';

export interface BackupManifest {
  readonly format: 'interkom-backup';
  readonly formatVersion: 1;
  /** The hub's package version that wrote it. */
  readonly hubVersion: string;
  readonly createdAt: string;
  /** embedded: DATA_DIR with the PGlite files; external: a pg_dump of DATABASE_URL plus DATA_DIR's other files. */
  readonly database: DatabaseKind;
  /** The server's version (`SHOW server_version`). */
  readonly postgresVersion: string;
  /** External only: the major version of the pg_dump that wrote database.pgdump (pg_restore must be as new). */
  readonly pgDumpMajor?: number;
  /** The last migration applied, and all of them in order (from the database's `migrations` table). */
  readonly lastMigration: string;
  readonly migrations: readonly string[];
}

/** A refusal or failure of backup/restore, in German: operators read it. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The migrations this code knows, in order. */
export function codeMigrations(): string[] {
  return MIGRATIONS.map((m) => m.name);
}

/** The hub's version from its package.json (found upwards from this file: src/ in development, dist/src/ when built). */
export function hubVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'interkom' && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unbekannt';
    dir = parent;
  }
}

export function createManifest(fields: Pick<BackupManifest, 'database' | 'postgresVersion' | 'pgDumpMajor' | 'migrations'>): BackupManifest {
  if (fields.migrations.length === 0) {
    throw new BackupError('Die Datenbank enthält keinen Interkom-Datenbestand (keine Migration angewandt): nichts zu sichern.');
  }
  return {
    format: 'interkom-backup',
    formatVersion: 1,
    hubVersion: hubVersion(),
    createdAt: new Date().toISOString(),
    ...fields,
    lastMigration: fields.migrations.at(-1)!,
  };
}

/** Parses and checks a manifest read from an archive. */
export function parseManifest(text: string | null): BackupManifest {
  if (text === null) throw new BackupError(`Das ist keine Interkom-Sicherung: ${MANIFEST_FILE} fehlt im Archiv.`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    throw new BackupError(`Das ist keine Interkom-Sicherung: ${MANIFEST_FILE} ist kein gültiges JSON.`);
  }
  if (manifest.format !== 'interkom-backup') throw new BackupError(`Das ist keine Interkom-Sicherung (format: ${String(manifest.format)}).`);
  if (manifest.formatVersion !== 1) {
    throw new BackupError(`Die Sicherung hat das Format ${String(manifest.formatVersion)}; dieser Hub liest nur Format 1. Bitte den Hub aktualisieren.`);
  }
  if ((manifest.database !== 'embedded' && manifest.database !== 'external') || !Array.isArray(manifest.migrations)) {
    throw new BackupError(`Die Sicherung ist unvollständig beschrieben (${MANIFEST_FILE}: database, migrations).`);
  }
  return manifest;
}

/**
 * Refuses a backup this code cannot run on: one with migrations the code does not know (written
 * by a newer hub: its tables would not match these entities, and nothing could migrate them back),
 * or one of the other kind of database than the target.
 */
export function checkRestorable(manifest: BackupManifest, target: DatabaseKind): void {
  const known = new Set(codeMigrations());
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `Die Sicherung stammt von einer neueren Version des Hubs (${manifest.hubVersion}): ihre Migration(en) ${unknown.join(', ')} kennt dieser Code nicht. ` +
        'Spielen Sie sie mit dem Hub ein, der sie geschrieben hat, oder aktualisieren Sie zuerst den Hub.',
    );
  }
  if (manifest.database !== target) {
    throw new BackupError(
      manifest.database === 'embedded'
        ? 'Die Sicherung stammt aus der eingebetteten Datenbank (DATA_DIR): sie lässt sich nur ohne DATABASE_URL zurückspielen.'
        : 'Die Sicherung stammt aus einem PostgreSQL-Server (DATABASE_URL): sie lässt sich nur mit DATABASE_URL zurückspielen.',
    );
  }
}

/** Checks that a restored database holds exactly the migrations the manifest names. */
export function checkRestored(manifest: BackupManifest, restored: readonly string[]): void {
  if (restored.join('\n') !== manifest.migrations.join('\n')) {
    throw new BackupError(
      `Die zurückgespielte Datenbank passt nicht zur Sicherung: Migrationen ${restored.length} statt ${manifest.migrations.length} (zuletzt ${restored.at(-1) ?? 'keine'} statt ${manifest.lastMigration}).`,
    );
  }
}
