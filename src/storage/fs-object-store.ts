import { randomUUID } from 'node:crypto';
import { constants as fsConstants, createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checksumming, ObjectNotFoundError, type ObjectStore, type StoredObject } from './object-store.js';

/** Files under `root` (DATA_DIR/files): written to a temporary name, renamed into place when complete. */
export class FsObjectStore implements ObjectStore {
  readonly kind = 'fs' as const;
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(key) || key.includes('..')) throw new Error(`invalid object key ${key}`);
    const full = resolve(this.root, key);
    if (!full.startsWith(resolve(this.root) + sep)) throw new Error(`invalid object key ${key}`);
    return full;
  }

  async put(key: string, body: Readable, options: { maxBytes: number; contentType: string }): Promise<StoredObject> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = join(dirname(target), `.upload-${randomUUID()}`);
    const sums = checksumming(options.maxBytes);
    try {
      await pipeline(body, sums.stream, createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      await rmdir(dirname(target)).catch(() => undefined); // only when empty
      throw error;
    }
    return { key, ...sums.result() };
  }

  async get(key: string): Promise<Readable> {
    const path = this.path(key);
    try {
      await access(path);
    } catch {
      throw new ObjectNotFoundError(key);
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    const path = this.path(key);
    await rm(path, { force: true });
    await rmdir(dirname(path)).catch(() => undefined); // the key's folder, when empty
  }

  /** The folder (or, before the first upload, DATA_DIR) is writable; creates nothing. */
  async check(): Promise<void> {
    try {
      await access(this.root, fsConstants.W_OK);
    } catch {
      await access(dirname(this.root), fsConstants.W_OK);
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.path(key));
      return true;
    } catch {
      return false;
    }
  }
}
