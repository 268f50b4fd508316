/** Where uploaded files live and how large they may be. */
export interface ObjectStorageConfig {
  /** Null = the file system under DATA_DIR/files (the embedded default). */
  readonly s3: S3Config | null;
  readonly documents: DocumentLimits;
}

export interface S3Config {
  /** Unset = AWS itself (the SDK's endpoint for the region). */
  readonly endpoint: string | undefined;
  readonly bucket: string;
  readonly region: string;
  /** Unset = the SDK's default credential chain (environment, instance role). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
  /** Path-style URLs (`endpoint/bucket/key`): most S3-compatible servers (Ceph, s3rver) want them. */
  readonly forcePathStyle: boolean;
  /** Key prefix inside the bucket (several hubs may share one). */
  readonly prefix: string;
}

export interface DocumentLimits {
  /** DOCUMENT_MAX_BYTES: one file (default 256 MiB). */
  readonly maxBytes: number;
  /** DOCUMENT_MAX_PER_PARENT: files on one meeting, agenda item, profile, webinar or workshop (default 50). */
  readonly maxPerParent: number;
  /** DOCUMENT_MAX_PARENT_BYTES: all current versions on one parent together (default 1 GiB). */
  readonly maxParentBytes: number;
}

type Env = Record<string, string | undefined>;

const MiB = 1024 * 1024;

function positiveInt(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    problems.push(`${name} must be a positive integer, got "${raw}"`);
    return fallback;
  }
  return value;
}

/** S3_* and DOCUMENT_*; problems are added to the list. */
export function parseObjectStorage(env: Env, problems: string[]): ObjectStorageConfig {
  const documents: DocumentLimits = {
    maxBytes: positiveInt(env, 'DOCUMENT_MAX_BYTES', 256 * MiB, problems),
    maxPerParent: positiveInt(env, 'DOCUMENT_MAX_PER_PARENT', 50, problems),
    maxParentBytes: positiveInt(env, 'DOCUMENT_MAX_PARENT_BYTES', 1024 * MiB, problems),
  };
  const bucket = env.S3_BUCKET?.trim();
  const s3Vars = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX'].filter((n) => env[n]?.trim());
  if (!bucket) {
    if (s3Vars.length > 0) problems.push(`${s3Vars.join(', ')} set but S3_BUCKET is not: set S3_BUCKET to store files in S3`);
    return { s3: null, documents };
  }
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) problems.push(`S3_ENDPOINT must be an http:// or https:// URL, got "${endpoint}"`);
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (!!accessKeyId !== !!secretAccessKey) problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  const pathStyle = env.S3_FORCE_PATH_STYLE?.trim() || (endpoint ? 'true' : 'false');
  if (pathStyle !== 'true' && pathStyle !== 'false') problems.push(`S3_FORCE_PATH_STYLE must be "true" or "false", got "${pathStyle}"`);
  const prefix = (env.S3_PREFIX?.trim() ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix && !/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(prefix)) problems.push(`S3_PREFIX may hold letters, digits and / _ . - only, got "${prefix}"`);
  return {
    s3: {
      endpoint,
      bucket,
      region: env.S3_REGION?.trim() || 'us-east-1',
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      forcePathStyle: pathStyle === 'true',
      prefix,
    },
    documents,
  };
}
