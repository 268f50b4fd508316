// Writes schema.gql from the running code (npm run schema:generate), or with --check fails when
// the committed file differs (npm run schema:check, used by CI).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { renderSchema, SCHEMA_FILE } from '../graphql/schema-printer.js';

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const dataDir = mkdtempSync(join(tmpdir(), 'interkom-schema-'));
  // The embedded database keeps this independent of any server; the schema does not depend on data.
  const hub = await createHub(loadConfig({ DATA_DIR: dataDir }), { logger: false });
  try {
    const rendered = renderSchema(hub.app);
    if (!check) {
      writeFileSync(SCHEMA_FILE, rendered);
      console.log(`wrote ${SCHEMA_FILE}`);
      return 0;
    }
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      console.error(`${SCHEMA_FILE} is missing: run npm run schema:generate and commit it`);
      return 1;
    }
    if (committed !== rendered) {
      writeFileSync(join(dataDir, '..', 'schema.generated.gql'), rendered);
      console.error(`${SCHEMA_FILE} drifted from the code: run npm run schema:generate and commit the result`);
      return 1;
    }
    console.log(`${SCHEMA_FILE} matches the code`);
    return 0;
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).stack ?? error);
    process.exit(1);
  },
);
