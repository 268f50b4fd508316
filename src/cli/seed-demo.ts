// Loads the demo networks re@di and IKONE into the configured database (npm run seed:demo).
// Idempotent: run it as often as you like.
import { DataSource } from 'typeorm';
import { createHub } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { seedDemo } from '../database/seed/demo-seed.js';
import { DEMO_PEOPLE } from '../database/seed/demo-data.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // The whole app (not only TypeORM) so that migrations run exactly as at start.
  const hub = await createHub(config, { logger: false });
  try {
    const summary = await seedDemo(hub.app.get(DataSource));
    console.log(`demo data present: ${summary.organizations} organizations, ${summary.networks} networks, ${summary.groups} groups, ${summary.people} people, ${summary.profiles} illustrative project profiles`);
    if (config.auth.mode === 'development') {
      console.log(`sign in as one of them: npm run dev-token -- <${DEMO_PEOPLE.map((p) => p.username).join('|')}>`);
    }
  } finally {
    await hub.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : ((error as Error).stack ?? error));
  process.exit(1);
});
