// Prints a development access token: npm run dev-token -- <username> [--admin] [--ttl SECONDS]
import { loadOrCreateDevKey, signDevToken } from '../auth/dev-keys.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { DEMO_PEOPLE } from '../database/seed/demo-data.js';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run dev-token -- <username> [--admin] [--ttl SECONDS]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const admin = args.includes('--admin');
  const ttlIndex = args.indexOf('--ttl');
  const ttl = ttlIndex >= 0 ? Number(args[ttlIndex + 1]) : undefined;
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl <= 0)) usage('--ttl needs a positive number of seconds');
  const positional = args.filter((a, i) => !a.startsWith('--') && (ttlIndex < 0 || i !== ttlIndex + 1));
  const username = positional[0];
  if (!username || !/^[a-z0-9._-]{1,64}$/i.test(username)) usage('a username (letters, digits, . _ -) is required');
  const config = loadConfig();
  if (config.auth.mode !== 'development') usage('KEYCLOAK_URL is set: sign in through Keycloak instead of a development token');
  const key = await loadOrCreateDevKey(config.dataDir);
  process.stdout.write(`${await signDevToken(key, config.auth.clientId, username, { admin, ttlSeconds: ttl, name: DEMO_PEOPLE.find((p) => p.username === username)?.displayName })}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) usage(error.message);
  console.error((error as Error).message);
  process.exit(1);
});
