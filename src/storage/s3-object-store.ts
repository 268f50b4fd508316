import { AbortMultipartUploadCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Config } from '../config/object-storage-config.js';
import { checksumming, ObjectNotFoundError, type ObjectStore, type StoredObject } from './object-store.js';

/** Multipart part size: the most an upload holds in memory at once (one part; queueSize 1). */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * S3-compatible object storage through the AWS SDK v3. Uploads stream as multipart uploads
 * (lib-storage), one 5 MiB part in memory at a time; the checksums are computed on the bytes as
 * they pass (an ETag is no checksum for multipart uploads). A failed or oversized upload is aborted
 * and its key deleted, so nothing remains.
 */
export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      credentials: config.credentials,
      forcePathStyle: config.forcePathStyle,
      // Checksums the SDK adds by default (CRC32, aws-chunked bodies) are not understood by every
      // S3-compatible server; the hub computes its own SHA-256/512 while streaming.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(key: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(key) || key.includes('..')) throw new Error(`invalid object key ${key}`);
    return this.config.prefix ? `${this.config.prefix}/${key}` : key;
  }

  async put(key: string, body: Readable, options: { maxBytes: number; contentType: string }): Promise<StoredObject> {
    const Key = this.key(key);
    const sums = checksumming(options.maxBytes);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key, Body: sums.stream, ContentType: options.contentType },
      queueSize: 1,
      partSize: PART_BYTES,
      leavePartsOnError: false,
    });
    const uploaded = upload.done();
    try {
      await Promise.all([pipeline(body, sums.stream), uploaded]);
    } catch (error) {
      sums.stream.destroy();
      await upload.abort().catch(() => undefined);
      await uploaded.catch(() => undefined);
      // lib-storage aborts the multipart upload on most failures; make sure of it (a second abort
      // of the same upload is a harmless NoSuchUpload). Parts of an unaborted upload would stay
      // invisible but billed; a bucket lifecycle rule (AbortIncompleteMultipartUpload) is the last net.
      const uploadId = (upload as unknown as { uploadId?: string }).uploadId;
      if (uploadId) await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.config.bucket, Key, UploadId: uploadId })).catch(() => undefined);
      await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key })).catch(() => undefined);
      throw error;
    }
    return { key, ...sums.result() };
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
      return answer.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
