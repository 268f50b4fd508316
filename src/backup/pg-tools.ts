import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BackupError } from './backup-manifest.js';

const run = promisify(execFile);

export interface PgTool {
  readonly path: string;
  readonly major: number;
}

/** Debian keeps each client version in /usr/lib/postgresql/<major>/bin; `pg_dump` on PATH is its wrapper. */
const DEBIAN_CLIENTS = '/usr/lib/postgresql';

/**
 * Finds pg_dump or pg_restore of at least `minMajor`: pg_dump refuses a server newer than itself,
 * and pg_restore reads only archives of its own version or older. The newest Debian client first,
 * then whatever PATH offers.
 */
export async function findPgTool(name: 'pg_dump' | 'pg_restore', minMajor: number): Promise<PgTool> {
  const candidates: string[] = [];
  try {
    const majors = readdirSync(DEBIAN_CLIENTS).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((major) => join(DEBIAN_CLIENTS, major, 'bin', name)));
  } catch {
    // not Debian's layout
  }
  candidates.push(name);
  let newest: PgTool | null = null;
  for (const path of candidates) {
    const major = await majorOf(path);
    if (major === null) continue;
    if (major >= minMajor) return { path, major };
    if (!newest || major > newest.major) newest = { path, major };
  }
  if (!newest) {
    throw new BackupError(`${name} fehlt: installieren Sie den PostgreSQL-Client in Version ${minMajor} oder neuer (Debian/Ubuntu: apt-get install postgresql-client-${minMajor}).`);
  }
  throw new BackupError(
    `${name} ${newest.major} (${newest.path}) ist zu alt: ${name === 'pg_dump' ? `der Server ist PostgreSQL ${minMajor}` : `die Sicherung wurde mit pg_dump ${minMajor} geschrieben`}. ` +
      `Installieren Sie den PostgreSQL-Client ${minMajor} oder neuer (Debian/Ubuntu: apt-get install postgresql-client-${minMajor}).`,
  );
}

async function majorOf(path: string): Promise<number | null> {
  try {
    const { stdout } = await run(path, ['--version']);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * libpq's connection settings for a DATABASE_URL, with the password in PGPASSWORD rather than on
 * the command line (where every user of the machine could read it in the process list).
 */
export function libpqTarget(databaseUrl: string): { dbname: string; env: Record<string, string> } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a client tool; its error output becomes part of the German message. */
export async function runPgTool(tool: PgTool, args: string[], env: Record<string, string>, what: string): Promise<void> {
  try {
    await run(tool.path, args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${what} ist fehlgeschlagen (${tool.path}): ${stderr || (error as Error).message}`);
  }
}
