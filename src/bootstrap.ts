import 'reflect-metadata';
import { ConsoleLogger, Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import fastifyMultipart from '@fastify/multipart';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { EmbeddedPostgres } from './database/embedded-postgres.js';
import { oparlFrameworkErrors } from './oparl/oparl-reply.js';
import { installRateLimits } from './rate-limits/http-limits.js';
import { RateLimitService } from './rate-limits/rate-limits.service.js';
import { serveWebClient } from './web/web-client.js';

export interface RunningHub {
  readonly app: INestApplication;
  readonly config: AppConfig;
  /**
   * Shuts down in order: the outbox worker stops claiming, finishes the row in hand and releases
   * the others; the HTTP server stops accepting (503 meanwhile) and finishes requests in flight;
   * then the database pool and, if started here, the embedded database close.
   */
  close(): Promise<void>;
}

/**
 * Builds the hub. Without DATABASE_URL an embedded PostgreSQL is started first, so the app module
 * itself only ever sees a connection string.
 */
export async function createHub(config: AppConfig, opts: { logger?: ConsoleLogger | false } = {}): Promise<RunningHub> {
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(config.dataDir);
  const resolved: AppConfig = embedded ? { ...config, databaseUrl: embedded.url, embeddedDatabase: true } : config;
  const logger = opts.logger ?? new ConsoleLogger({ json: config.logFormat === 'json', colors: config.logFormat === 'pretty' });
  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(resolved), new FastifyAdapter({
      logger: false,
      frameworkErrors: oparlFrameworkErrors,
      // Which proxies' X-Forwarded-For names the client (TRUST_PROXY): the key of every per-address
      // rate limit. Fastify takes a hop count too; Nest's option type leaves it out.
      trustProxy: config.trustProxy as boolean | string[],
    }), {
      logger: logger === false ? false : logger,
      bufferLogs: false,
      abortOnError: false,
      // On shutdown, requests that arrive while those in flight finish get 503 (with Connection: close).
      return503OnClosing: true,
    });
    app.useGlobalPipes(createValidationPipe());
    // Before any route: the limits that need no sign-in answer 429 before a request is read.
    await installRateLimits(app.getHttpAdapter().getInstance(), app.get(RateLimitService));
    // Document uploads (POST /documents): streamed multipart, one file; busboy stops reading a file
    // past the limit (the document service refuses it in German and keeps nothing).
    await app.register(fastifyMultipart, { limits: { files: 1, fields: 0, parts: 1, fileSize: resolved.objectStorage.documents.maxBytes + 1, headerPairs: 100 } });
    const webClient = await serveWebClient(app, resolved);
    let closing = false;
    // A keep-alive connection whose request is in flight when shutdown begins would otherwise stay
    // open after its answer and hold the server's close until a timeout: say it closes.
    app.getHttpAdapter().getInstance().addHook('onSend', async (_request, reply, payload) => {
      if (closing) void reply.header('connection', 'close');
      return payload;
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    if (config.auth.mode === 'development') {
      new Logger('Auth').warn(
        'DEVELOPMENT SIGN-IN: no KEYCLOAK_URL set, the hub accepts its own tokens (npm run dev-token). Never use this in production.',
      );
    }
    if (!webClient && resolved.webDir) {
      new Logger('Web').warn(`no web client build in ${resolved.webDir} (npm run build -w web); serving the API only`);
    }
    const started = app;
    return {
      app: started,
      config: resolved,
      async close() {
        closing = true;
        await started.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    // A failed start must not leave the database pool (or the embedded server) running.
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
}
