// Loads the demo networks re@di and IKONE into the configured database (npm run seed:demo), with
// what they are doing (meetings, protocols, tasks, a join request, a webinar, a workshop), dated
// from today. `npm run seed:demo -- --without-activity` loads the networks only (the shared hub of
// the browser tests, whose tests count what is in re@di's groups).
// Idempotent: run it as often as you like.
import { DataSource } from 'typeorm';
import { createHub } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { seedDemoActivity } from '../database/seed/demo-activity.js';
import { seedDemo } from '../database/seed/demo-seed.js';
import { DEMO_PEOPLE } from '../database/seed/demo-data.js';

async function main(): Promise<void> {
  const withoutActivity = process.argv.includes('--without-activity');
  const config = loadConfig();
  // The whole app (not only TypeORM) so that migrations run exactly as at start.
  const hub = await createHub(config, { logger: false });
  try {
    const summary = await seedDemo(hub.app.get(DataSource));
    console.log(`demo data present: ${summary.organizations} organizations, ${summary.networks} networks, ${summary.groups} groups, ${summary.people} people, ${summary.profiles} illustrative project profiles`);
    if (!withoutActivity) {
      const activity = await seedDemoActivity(hub.app);
      console.log(`demo activity present: ${activity.meetings} meetings with a jour fixe series, ${activity.actionItems} new tasks, ${activity.joinRequests} join request, ${activity.webinars} webinar, ${activity.workshops} Digital-Werkstatt`);
    }
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
