import { Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { FsObjectStore } from './fs-object-store.js';
import { OBJECT_STORE } from './object-store.js';

/** The object store port; the file system under DATA_DIR/files until S3 is configured. */
@Global()
@Module({
  providers: [{ provide: OBJECT_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new FsObjectStore(join(config.dataDir, 'files')) }],
  exports: [OBJECT_STORE],
})
export class StorageModule {}
