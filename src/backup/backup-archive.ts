import { createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { BackupError, DATA_FOLDER, MANIFEST_FILE, parseManifest, type BackupManifest } from './backup-manifest.js';

/**
 * The backup file: a gzip-compressed tar archive (inspectable with `tar tzf`) whose first entry is
 * interkom-backup.json, then DATA_DIR's files under data/ and, for an external database, pg_dump's
 * custom-format file database.pgdump. `-` is standard output / standard input.
 */

/** A scratch folder removed again when the work in it is done. */
export async function withScratch<T>(base: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(base, '.interkom-backup-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where a backup's scratch files go: beside the file written (same disk), or the system's temporary folder. */
export function scratchBase(file: string): string {
  return file === '-' ? tmpdir() : dirname(resolve(file));
}

/** Refuses to write over an existing file: an older backup is worth keeping. */
export function checkTarget(file: string): void {
  if (file !== '-' && existsSync(file)) throw new BackupError(`Die Datei ${file} gibt es schon; eine ältere Sicherung wird nicht überschrieben. Bitte einen neuen Namen wählen.`);
  if (file === '-' && process.stdout.isTTY) throw new BackupError('Die Sicherung ist binär: bitte in eine Datei umleiten (… > interkom.backup) statt ins Terminal.');
}

export interface ArchiveParts {
  /** DATA_DIR, archived under data/ (when it exists). */
  readonly dataDir?: string;
  /** Paths relative to DATA_DIR to leave out (and everything below them). */
  readonly excludeFromData: readonly string[];
  /** Further files already in the scratch folder (database.pgdump). */
  readonly files: readonly string[];
}

/**
 * Writes the archive. A file is written as `<file>.partial` and renamed when complete, so a backup
 * that failed half-way never carries the name of a good one.
 */
export async function writeArchive(file: string, scratch: string, manifest: BackupManifest, parts: ArchiveParts): Promise<void> {
  writeFileSync(join(scratch, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const entries = [MANIFEST_FILE, ...parts.files];
  if (parts.dataDir && existsSync(parts.dataDir)) {
    // The archive names DATA_DIR's files data/…, whatever DATA_DIR is called: a link, followed by tar.
    symlinkSync(parts.dataDir, join(scratch, DATA_FOLDER), 'dir');
    entries.push(DATA_FOLDER);
  }
  const excluded = parts.excludeFromData.map((rel) => `${DATA_FOLDER}/${rel}`);
  const stream = tar.c(
    {
      gzip: true,
      cwd: scratch,
      follow: true,
      portable: true,
      filter: (path: string) => !excluded.some((ex) => path === ex || path.startsWith(`${ex}/`)),
    },
    entries,
  );
  if (file === '-') {
    await pipeline(stream, process.stdout);
    return;
  }
  const partial = `${file}.partial`;
  try {
    await pipeline(stream, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The archive as a file: standard input is copied into the scratch folder first. */
export async function archiveFile(file: string, scratch: string): Promise<string> {
  if (file !== '-') {
    if (!existsSync(file)) throw new BackupError(`Die Sicherung ${file} gibt es nicht.`);
    return file;
  }
  const copy = join(scratch, 'stdin.backup');
  await pipeline(process.stdin, createWriteStream(copy));
  return copy;
}

/** Reads the manifest without unpacking the rest. */
export async function readManifest(archive: string, scratch: string): Promise<BackupManifest> {
  const dir = mkdtempSync(join(scratch, 'manifest-'));
  try {
    await tar.x({ file: archive, cwd: dir, preserveOwner: false, filter: (path: string) => path === MANIFEST_FILE });
  } catch (error) {
    throw new BackupError(`Die Datei ist kein lesbares Sicherungsarchiv (${(error as Error).message}).`);
  }
  const path = join(dir, MANIFEST_FILE);
  return parseManifest(existsSync(path) ? readFileSync(path, 'utf8') : null);
}

/** Unpacks the entries at or below the given archive paths into a folder (no paths outside it: tar's default). */
export async function extract(archive: string, into: string, paths: readonly string[]): Promise<void> {
  await tar.x({
    file: archive,
    cwd: into,
    preserveOwner: false,
    strict: true,
    filter: (path: string) => paths.some((p) => path === p || path.startsWith(`${p}/`)),
  });
}

