import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { DataDirLock, LOCK_SOCKET } from '../database/data-dir-lock.js';
import { openEmbeddedDatabase, PGDATA } from '../database/embedded-postgres.js';
import { archiveFile, checkTarget, extract, readManifest, scratchBase, withScratch, writeArchive } from './backup-archive.js';
import { BackupError, checkRestorable, checkRestored, createManifest, DATA_FOLDER, type BackupManifest } from './backup-manifest.js';

/**
 * The embedded default: a backup is DATA_DIR as a whole (the PGlite files, the development key and
 * whatever else lies there), taken cold. PGlite serves one process, so a copy of its files while a
 * hub writes to them would not be consistent, and the running hub cannot hand out a dump either
 * (its one session belongs to the hub's pool; PGlite's pg_dump, @electric-sql/pglite-tools, is
 * built for another PGlite release than the one pglite-socket pins). So both commands take
 * DATA_DIR's lock first — refused while a hub runs, and no hub can start while they work — open the
 * database once (which replays the write-ahead log after a kill -9), force a CHECKPOINT and shut it
 * down cleanly, and only then copy the files: a cleanly shut-down cluster, consistent by
 * construction, with nothing running that could change it.
 */

export async function backupEmbedded(dataDir: string, file: string): Promise<BackupManifest> {
  checkTarget(file);
  const lock = await DataDirLock.acquire(dataDir, 'backup');
  try {
    if (!existsSync(join(dataDir, PGDATA, 'PG_VERSION'))) {
      throw new BackupError(`In ${dataDir} liegt keine eingebettete Datenbank (${PGDATA}/ fehlt): nichts zu sichern. Stimmt DATA_DIR?`);
    }
    const db = await openEmbeddedDatabase(dataDir);
    let postgresVersion: string;
    let migrations: string[];
    try {
      ({ postgresVersion, migrations } = await describe(db));
      await db.query('CHECKPOINT');
    } finally {
      await db.close();
    }
    const manifest = createManifest({ database: 'embedded', postgresVersion, migrations });
    await withScratch(scratchBase(file), (scratch) => writeArchive(file, scratch, manifest, { dataDir, excludeFromData: [LOCK_SOCKET], files: [] }));
    return manifest;
  } finally {
    await lock.release();
  }
}

/**
 * Restores DATA_DIR. Refused while anything holds DATA_DIR, and onto a DATA_DIR that holds anything
 * unless `force`. The archive is unpacked into a folder inside DATA_DIR first (same disk, and
 * writable where DATA_DIR is a volume whose parent is not) and its database opened there: only a
 * backup that opens and holds the migrations its manifest names replaces what was there.
 */
export async function restoreEmbedded(dataDir: string, file: string, force: boolean): Promise<BackupManifest> {
  const lock = await DataDirLock.acquire(dataDir, 'restore');
  try {
    const existing = readdirSync(dataDir).filter((name) => name !== LOCK_SOCKET);
    if (existing.length > 0 && !force) {
      throw new BackupError(`${dataDir} ist nicht leer (${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}). Zum Überschreiben: --force (die bisherigen Daten gehen verloren).`);
    }
    return await withScratch(dataDir, async (scratch) => {
      const archive = await archiveFile(file, scratch);
      const manifest = await readManifest(archive, scratch);
      checkRestorable(manifest, 'embedded');
      await extract(archive, scratch, [DATA_FOLDER]);
      const staged = join(scratch, DATA_FOLDER);
      if (!existsSync(join(staged, PGDATA, 'PG_VERSION'))) throw new BackupError(`Die Sicherung enthält keine eingebettete Datenbank (${DATA_FOLDER}/${PGDATA}/ fehlt).`);
      const db = await openEmbeddedDatabase(staged);
      try {
        checkRestored(manifest, (await describe(db)).migrations);
      } finally {
        await db.close();
      }
      for (const name of existing) rmSync(join(dataDir, name), { recursive: true, force: true });
      for (const name of readdirSync(staged)) renameSync(join(staged, name), join(dataDir, name));
      return manifest;
    });
  } finally {
    await lock.release();
  }
}

async function describe(db: PGlite): Promise<{ postgresVersion: string; migrations: string[] }> {
  const version = await db.query<{ server_version: string }>('SHOW server_version');
  const table = await db.query<{ present: boolean }>("SELECT to_regclass('public.migrations') IS NOT NULL AS present");
  const migrations = table.rows[0]?.present ? (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name) : [];
  return { postgresVersion: `${version.rows[0]!.server_version} (PGlite)`, migrations };
}
