import { Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { FsObjectStore } from './fs-object-store.js';
import { OBJECT_STORE, type ObjectStore } from './object-store.js';
import { S3ObjectStore } from './s3-object-store.js';

/** The object store the configuration names: S3 when S3_BUCKET is set, else the file system under DATA_DIR/files. */
export function objectStoreFor(config: AppConfig): ObjectStore {
  const s3 = config.objectStorage?.s3;
  return s3 ? new S3ObjectStore(s3) : new FsObjectStore(join(config.dataDir, 'files'));
}

/** The object store port; the file system under DATA_DIR/files until S3 is configured. */
@Global()
@Module({
  providers: [{ provide: OBJECT_STORE, inject: [APP_CONFIG], useFactory: objectStoreFor }],
  exports: [OBJECT_STORE],
})
export class StorageModule {}
