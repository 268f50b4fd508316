import { ConsoleLogger, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createHub } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirBusyError } from './database/data-dir-lock.js';
import { seedDemoActivity } from './database/seed/demo-activity.js';
import { loadDemoDataIfEmpty } from './database/seed/demo-seed.js';
import { pingFromHomeserver } from './matrix/appservice-ping.js';
import { WaitingRoom } from './waiting-room.js';

/** A shutdown that takes longer than this ends with exit code 1. */
const FORCE_EXIT_MS = 9000;
const HOST = '0.0.0.0';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const consoleLogger = new ConsoleLogger({ json: config.logFormat === 'json', colors: config.logFormat === 'pretty' });
  let waiting: WaitingRoom | undefined;
  if (config.migrations === 'check') {
    // Alive but not ready until another process (the migration Job) has applied the migrations.
    const room = await WaitingRoom.open(config, { host: HOST, port: config.port, logger: consoleLogger });
    const leave = (signal: string) => {
      consoleLogger.log(`${signal} received while waiting for the migrations: nothing of the hub runs yet, exiting`, 'Interkom');
      void room.close().finally(() => process.exit(0));
    };
    process.once('SIGTERM', leave);
    process.once('SIGINT', leave);
    const current = await room.untilSchemaCurrent();
    process.off('SIGTERM', leave);
    process.off('SIGINT', leave);
    if (!current) return;
    waiting = room;
  }
  const hub = await createHub(config, { logger: consoleLogger });
  const logger = new Logger('Interkom');
  if (config.demoData && (await loadDemoDataIfEmpty(hub.app.get(DataSource)))) {
    logger.log('loaded the demo networks re@di and IKONE into the empty database (DEMO_DATA=false turns this off); sign in as alice, mara, ben or ida');
    // What the networks are doing, dated from today. A failure here leaves the networks and still starts the hub.
    await seedDemoActivity(hub.app).then(
      () => logger.log('loaded the demo activity: the re@di jour fixe, protocols, tasks, a join request, a webinar and a Digital-Werkstatt'),
      (error: unknown) => logger.error(`the demo activity could not be loaded: ${(error as Error).stack ?? String(error)}`),
    );
  }
  // The waiting room's port is the hub's: built first, the hub takes it over within milliseconds.
  await waiting?.close();
  await hub.app.listen(waiting?.port ?? config.port, HOST);
  logger.log(`Interkom serves GraphQL at ${config.publicBaseUrl}/graphql (readiness: /health, liveness: /health/live)`);
  if (config.matrix) {
    // Brings back what the homeserver held while the hub was away, and says whether it reaches the hub.
    const matrix = config.matrix;
    void pingFromHomeserver(matrix).then((ping) =>
      ping.ok
        ? logger.log(`the homeserver reaches the application service "${matrix.appserviceId}" (ping ${ping.ms} ms)`)
        : logger.warn(`the homeserver's ping of the application service "${matrix.appserviceId}" failed (${ping.reason}): check MATRIX_APPSERVICE_ID and the registration's url; chat commands may wait for the homeserver's retry`),
    );
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    const started = Date.now();
    logger.log(`${signal} received: no new requests, finishing those in flight, releasing outbox leases`);
    // Orchestrators wait about 10 s before SIGKILL: give up a little before that, and say so.
    const force = setTimeout(() => {
      logger.error(`shutdown did not finish within ${FORCE_EXIT_MS} ms; exiting anyway`);
      process.exit(1);
    }, FORCE_EXIT_MS).unref();
    try {
      await hub.close();
      clearTimeout(force);
      logger.log(`shut down cleanly in ${Date.now() - started} ms`);
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Another hub (or a backup) holds DATA_DIR: the message says what to do, a stack would bury it.
  if (error instanceof DataDirBusyError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
