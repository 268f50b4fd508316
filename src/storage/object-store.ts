import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';

/** What was stored: size and checksums of the bytes as written (computed while streaming). */
export interface StoredObject {
  key: string;
  size: number;
  /** Hex. */
  sha256: string;
  /** Hex (OParl File.sha512Checksum). */
  sha512: string;
}

/** Refusal while streaming: the object is not kept (nothing half-written remains). */
export class ObjectTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`object larger than ${maxBytes} bytes`);
  }
}

/** `get` of a key that holds nothing. */
export class ObjectNotFoundError extends Error {
  readonly code = 'ENOENT';
  constructor(readonly key: string) {
    super(`no object ${key}`);
  }
}

/**
 * Where files live: one port, the file system under DATA_DIR on the embedded default and
 * S3-compatible object storage in production. Keys are the hub's own (never a user's file name).
 * `put` streams: it never holds the whole body in memory, computes the checksums on the way, and
 * on any failure (too large, aborted source, storage error) leaves no object behind.
 */
export interface ObjectStore {
  readonly kind: 'fs' | 's3';
  put(key: string, body: Readable, options: { maxBytes: number; contentType: string }): Promise<StoredObject>;
  /** The object's bytes as a stream; rejects with ObjectNotFoundError (code ENOENT) when absent. */
  get(key: string): Promise<Readable>;
  /** Idempotent: removing an absent object is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Whether the storage answers (the bucket exists and the credentials fit); rejects with the reason. */
  check?(): Promise<void>;
}

export const OBJECT_STORE = Symbol('OBJECT_STORE');

/**
 * A pass-through that counts and hashes (SHA-256 and SHA-512) what flows through it and fails with
 * ObjectTooLargeError past `maxBytes`: both stores compute their checksums here, on the bytes
 * actually written.
 */
export function checksumming(maxBytes: number) {
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new ObjectTooLargeError(maxBytes));
      sha256.update(chunk);
      sha512.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: sha256.digest('hex'), sha512: sha512.digest('hex') }) };
}
