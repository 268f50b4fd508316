import { randomUUID } from 'node:crypto';
import { mkdirSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** The socket in DATA_DIR whose listener holds the directory. Backups leave it out. */
export const LOCK_SOCKET = 'lock.sock';
/** Longest path a Unix socket can be bound to (sun_path is 108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

export interface LockHolder {
  readonly pid: number;
  /** What holds it: `hub`, `backup`, `restore`. */
  readonly holder: string;
  readonly since: string;
}

const HOLDERS: Record<string, string> = { hub: 'einem laufenden Hub', backup: 'einer laufenden Sicherung', restore: 'einer laufenden Wiederherstellung' };

/** DATA_DIR is held by another process (a running hub, a backup or a restore). German: operators read it. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = !holder || holder.pid === 0
      ? 'einem anderen Prozess'
      : `${HOLDERS[holder.holder] ?? `„${holder.holder}“`} (Prozess ${holder.pid}, seit ${holder.since})`;
    super(`Das Datenverzeichnis ${dataDir} wird gerade von ${who} benutzt. Die eingebettete Datenbank verträgt nur einen Prozess: beenden Sie ihn zuerst (oder wählen Sie ein anderes DATA_DIR).`);
    this.name = 'DataDirBusyError';
  }
}

/**
 * Holds DATA_DIR for one process. PGlite has no lock of its own: two processes open the same data
 * directory side by side and both write to it (measured), which corrupts it, and a file copy of it
 * taken while a hub runs is not consistent either. The lock is a Unix socket listening in DATA_DIR:
 * the kernel drops the listener however the process ends (kill -9 included), so a stale socket file
 * answers ECONNREFUSED and is taken over at once, with no PID reuse question and no waiting for a
 * timeout (a lock file refreshed by a timer, as proper-lockfile does, would look stale while PGlite
 * blocks the event loop in a long query, and would hold up a restart after a crash). It works across
 * containers that share the directory, not across machines (PGlite on a network file system is no
 * configuration to run anyway).
 */
export class DataDirLock {
  private constructor(
    private readonly server: Server,
    private readonly path: string,
  ) {}

  static async acquire(dataDir: string, holder: string): Promise<DataDirLock> {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    const path = socketPath(dir);
    const nonce = randomUUID();
    const greeting = `${JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString(), nonce })}\n`;
    const server = createServer((socket) => socket.end(greeting));
    server.unref();
    for (let attempt = 0; ; attempt++) {
      try {
        await listen(server, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        const current = await probe(path);
        if (current || attempt > 0) throw new DataDirBusyError(dir, current);
        // Left behind by a process that is gone: nobody listens.
        unlinkQuietly(path);
      }
    }
    // Two processes that found the same stale socket at the same instant: the one whose socket the
    // path now leads to keeps it.
    const answer = await probe(path);
    if ((answer as (LockHolder & { nonce?: string }) | null)?.nonce !== nonce) {
      server.close();
      throw new DataDirBusyError(dir, answer);
    }
    return new DataDirLock(server, path);
  }

  /** Who holds DATA_DIR right now, or null. */
  static async holder(dataDir: string): Promise<LockHolder | null> {
    return probe(socketPath(resolve(dataDir)));
  }

  async release(): Promise<void> {
    // Unlink first: once closed, another process could take the path over before we unlinked it.
    unlinkQuietly(this.path);
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

/** The socket's path; relative to the working directory when the absolute one is too long to bind. */
function socketPath(dir: string): string {
  const absolute = join(dir, LOCK_SOCKET);
  if (absolute.length <= MAX_SOCKET_PATH) return absolute;
  const rel = relative(process.cwd(), absolute);
  if (!isAbsolute(rel) && rel.length <= MAX_SOCKET_PATH) return rel;
  throw new Error(`DATA_DIR ${dir} is too long for its lock socket (at most ${MAX_SOCKET_PATH - LOCK_SOCKET.length - 1} characters, or below the working directory)`);
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((done, fail) => {
    const onError = (error: Error) => fail(error);
    server.once('error', onError);
    server.listen(path, () => {
      server.off('error', onError);
      done();
    });
  });
}

/** Connects to the socket: the holder's greeting, or null when nobody listens there. */
function probe(path: string): Promise<LockHolder | null> {
  return new Promise((done) => {
    let text = '';
    const socket = createConnection(path);
    socket.setEncoding('utf8');
    // A holder whose event loop is busy (PGlite runs queries on it) answers late: held all the same.
    socket.setTimeout(5000, () => {
      socket.destroy();
      done({ pid: 0, holder: 'unbekannt', since: '?' });
    });
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      // Refused or gone: nobody holds it. Anything else (a socket that will not answer): treat as held.
      done(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? null : { pid: 0, holder: 'unbekannt', since: '?' }),
    );
    socket.on('end', () => {
      try {
        done(JSON.parse(text) as LockHolder);
      } catch {
        done({ pid: 0, holder: 'unbekannt', since: '?' });
      }
    });
  });
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
