import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded default: real PostgreSQL (PGlite, compiled to WASM) in this process, served on a
 * loopback port so the ordinary `pg` driver and TypeORM talk to it like to any server.
 * One connection at a time (PGlite is single-session), hence pool size 1.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const dir = join(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    // PGlite ships contrib extensions as separate bundles: they must be loaded here before the
    // migrations can CREATE EXTENSION them (German search: accent folding and trigrams).
    const db = await PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
    await server.start();
    const conn = server.getServerConn(); // "127.0.0.1:PORT"
    return new EmbeddedPostgres(db, server, `postgres://postgres@${conn}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
