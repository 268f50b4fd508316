import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parseObjectStorage } from '../../src/config/object-storage-config.js';
import { FsObjectStore } from '../../src/storage/fs-object-store.js';
import { ObjectNotFoundError, ObjectTooLargeError, type ObjectStore } from '../../src/storage/object-store.js';
import { S3ObjectStore } from '../../src/storage/s3-object-store.js';
import { S3Server } from '../support/s3-server.js';

const MiB = 1024 * 1024;

/** `n` bytes of a repeating pattern, produced chunk by chunk (never held whole). */
function bytes(n: number, chunk = 64 * 1024): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= n) return this.push(null);
      const size = Math.min(chunk, n - sent);
      const buf = Buffer.alloc(size, (sent / chunk) % 251);
      sent += size;
      this.push(buf);
    },
  });
}

function digest(n: number, algorithm: string, chunk = 64 * 1024): string {
  const hash = createHash(algorithm);
  for (let sent = 0; sent < n; sent += chunk) hash.update(Buffer.alloc(Math.min(chunk, n - sent), (sent / chunk) % 251));
  return hash.digest('hex');
}

describe.each(['fs', 's3'] as const)('the object store on %s', (kind) => {
  let store: ObjectStore;
  let s3: S3Server | undefined;
  let root: string;
  /** Commands the S3 client sent. */
  const sent: string[] = [];
  /**
   * What remains in the backing storage: files under root, or s3rver's objects. s3rver does not
   * implement AbortMultipartUpload (it keeps the parts of unfinished uploads in its staging folder,
   * where S3 keeps them invisible until aborted); that the store sends the abort is checked instead.
   */
  const leftovers = () => (s3 ? s3.files().filter((f) => !f.includes('._S3rver_uploads')) : readdirSync(root, { recursive: true }).map(String));

  beforeAll(async () => {
    if (kind === 's3') {
      s3 = await S3Server.start();
      const config = parseObjectStorage(s3.env, []);
      const s3Store = new S3ObjectStore(config.s3!);
      s3Store.client.middlewareStack.add((next, context) => (args) => {
        sent.push(context.commandName as string);
        return next(args);
      }, { step: 'initialize' });
      store = s3Store;
    } else {
      root = mkdtempSync(join(tmpdir(), 'interkom-objects-'));
      store = new FsObjectStore(root);
    }
  });
  afterAll(() => s3?.stop());

  it('stores a multi-part object with checksums of the streamed bytes, reads it back, deletes it', async () => {
    const size = 12 * MiB + 17; // three parts on S3
    const stored = await store.put('documents/a/1', bytes(size), { maxBytes: 20 * MiB, contentType: 'application/pdf' });
    expect(stored).toEqual({ key: 'documents/a/1', size, sha256: digest(size, 'sha256'), sha512: digest(size, 'sha512') });
    expect(await store.exists('documents/a/1')).toBe(true);
    const hash = createHash('sha256');
    for await (const chunk of await store.get('documents/a/1')) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(stored.sha256);
    await store.delete('documents/a/1');
    await store.delete('documents/a/1'); // idempotent
    expect(await store.exists('documents/a/1')).toBe(false);
    await expect(store.get('documents/a/1')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('answers its check, and a missing bucket does not', async () => {
    await expect(store.check!()).resolves.toBeUndefined();
    if (s3) await expect(new S3ObjectStore(parseObjectStorage({ ...s3.env, S3_BUCKET: 'gibt-es-nicht' }, []).s3!).check()).rejects.toThrow();
  });

  it('keeps a small object as written', async () => {
    await store.put('documents/b/1', Readable.from([Buffer.from('Tagesordnung\n')]), { maxBytes: 100, contentType: 'text/plain' });
    expect(await text(await store.get('documents/b/1'))).toBe('Tagesordnung\n');
    await store.delete('documents/b/1');
  });

  it('refuses an oversized object while streaming and leaves nothing behind', async () => {
    const before = leftovers();
    sent.length = 0;
    await expect(store.put('documents/c/1', bytes(11 * MiB), { maxBytes: 10 * MiB, contentType: 'application/pdf' })).rejects.toBeInstanceOf(ObjectTooLargeError);
    expect(await store.exists('documents/c/1')).toBe(false);
    expect(leftovers()).toEqual(before);
    if (kind === 's3') expect(sent).toEqual(expect.arrayContaining(['CreateMultipartUploadCommand', 'UploadPartCommand', 'AbortMultipartUploadCommand']));
  });

  it('leaves nothing behind when the source breaks off mid-way', async () => {
    const before = leftovers();
    const source = new PassThrough();
    const put = store.put('documents/d/1', source, { maxBytes: 100 * MiB, contentType: 'application/pdf' });
    for (let i = 0; i < 7; i++) source.write(Buffer.alloc(MiB, i));
    setTimeout(() => source.destroy(new Error('client went away')), 50);
    sent.length = 0;
    await expect(put).rejects.toThrow();
    expect(await store.exists('documents/d/1')).toBe(false);
    expect(leftovers()).toEqual(before);
    if (kind === 's3') expect(sent).toContain('AbortMultipartUploadCommand');
  });
});

describe('object storage configuration', () => {
  it('is the file system unless S3_BUCKET is set, and explains what is wrong', () => {
    expect(parseObjectStorage({}, []).s3).toBeNull();
    const problems: string[] = [];
    parseObjectStorage({ S3_ENDPOINT: 'ftp://x', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', DOCUMENT_MAX_BYTES: '-1' }, problems);
    expect(problems).toEqual([
      'DOCUMENT_MAX_BYTES must be a positive integer, got "-1"',
      'S3_ENDPOINT must be an http:// or https:// URL, got "ftp://x"',
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
    ]);
    const orphan: string[] = [];
    parseObjectStorage({ S3_ENDPOINT: 'http://s3' }, orphan);
    expect(orphan[0]).toContain('S3_BUCKET');
  });
});
