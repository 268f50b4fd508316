import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * A real S3-compatible server for tests: s3rver (npm), an S3 emulator speaking the REST protocol
 * with SigV4 and multipart uploads, keeping objects in a temporary directory. One bucket.
 */
export class S3Server {
  private constructor(
    private readonly server: InstanceType<typeof S3rver>,
    readonly directory: string,
    readonly endpoint: string,
    readonly bucket: string,
  ) {}

  static async start(bucket = 'interkom'): Promise<S3Server> {
    const directory = mkdtempSync(join(tmpdir(), 'interkom-s3-'));
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
    const address = (await server.run()) as AddressInfo;
    return new S3Server(server, directory, `http://127.0.0.1:${address.port}`, bucket);
  }

  /** What a hub needs to use this server (S3rver's fixed credentials). */
  get env(): Record<string, string> {
    return { S3_ENDPOINT: this.endpoint, S3_BUCKET: this.bucket, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' };
  }

  /** Every file s3rver keeps (objects, their metadata, parts of unfinished multipart uploads). */
  files(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else out.push(path.slice(this.directory.length + 1));
      }
    };
    walk(this.directory);
    return out;
  }

  async stop(): Promise<void> {
    await this.server.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
