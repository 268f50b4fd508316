import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createHub } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirBusyError } from './database/data-dir-lock.js';
import { loadDemoDataIfEmpty } from './database/seed/demo-seed.js';
import { pingFromHomeserver } from './matrix/appservice-ping.js';

/** A shutdown that takes longer than this ends with exit code 1. */
const FORCE_EXIT_MS = 9000;

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
  const hub = await createHub(config);
  const logger = new Logger('Interkom');
  if (config.demoData && (await loadDemoDataIfEmpty(hub.app.get(DataSource)))) {
    logger.log('loaded the demo networks re@di and IKONE into the empty database (DEMO_DATA=false turns this off); sign in as alice, mara, ben or ida');
  }
  await hub.app.listen(config.port, '0.0.0.0');
  logger.log(`Interkom serves GraphQL at ${config.publicBaseUrl}/graphql (health: /health)`);
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
