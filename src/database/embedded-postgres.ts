import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataDirLock } from './data-dir-lock.js';

/** Where in DATA_DIR the embedded database keeps its files. */
export const PGDATA = 'pgdata';

/**
 * Opens the embedded database in DATA_DIR/pgdata (created when missing). The caller must hold the
 * DataDirLock: PGlite itself lets a second process open the same files.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<PGlite> {
  const dir = join(dataDir, PGDATA);
  mkdirSync(dir, { recursive: true });
  // PGlite ships contrib extensions as separate bundles: they must be loaded here before the
  // migrations can CREATE EXTENSION them (German search: accent folding and trigrams).
  return PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
}

/**
 * The embedded default: real PostgreSQL (PGlite, compiled to WASM) in this process, served on a
 * loopback port so the ordinary `pg` driver and TypeORM talk to it like to any server.
 * One connection at a time (PGlite is single-session), hence pool size 1. Holds DATA_DIR while it
 * runs (a second hub, a backup or a restore on the same directory is refused).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly lock: DataDirLock,
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const lock = await DataDirLock.acquire(dataDir, 'hub');
    let db: PGlite | undefined;
    try {
      db = await openEmbeddedDatabase(dataDir);
      const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
      await server.start();
      const conn = server.getServerConn(); // "127.0.0.1:PORT"
      return new EmbeddedPostgres(lock, db, server, `postgres://postgres@${conn}/postgres`);
    } catch (error) {
      await db?.close().catch(() => undefined);
      await lock.release();
      throw error;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
    } finally {
      await this.lock.release();
    }
  }
}
