// A user's clone has no ../shared beside it: the project carries what its tests need (copies of
// the API contract and of the OParl 1.1 schemas under test/support/; .ci/run compares the copies
// with ../shared, where CI has it). This test finds code that reads ../shared anyway.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const ROOT = new URL('../..', import.meta.url).pathname;
/** What npm test runs or loads: the API's sources and tests, the web client, the scripts. */
const DIRS = ['src', 'libs', 'test', 'web', 'migrations', 'deploy'];
const SKIP = new Set(['node_modules', 'dist', 'test-results', 'playwright-report', 'gql', '.cache']);
const CODE = /\.(ts|tsx|mts|mjs|js|cjs|json|sh|vue)$/;
/** A path into ../shared as a string literal (a comment that mentions it is no read). */
const READS_SHARED = /['"`](\.\.\/)+shared\//;
/** The steering folder's path, put together so that this file holds no literal path into it. */
const SHARED = ['..', 'shared'].join('/');
/**
 * Reads that fall back to the project's copy when ../shared is missing, by file. The schema test
 * prefers ../shared beside a CI checkout and reads test/support/*.graphql otherwise.
 */
const WITH_FALLBACK: Record<string, RegExp> = {
  'test/e2e/schema.e2e-spec.ts': /existsSync\(`\.\.\/shared\/api\/\$\{name\}`\) \? `\.\.\/shared\/api\/\$\{name\}` : `test\/support\/\$\{name\}`/,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : CODE.test(name) ? [path] : [];
  });
}

describe('a fresh clone (without the steering folder beside it)', () => {
  it('has no test, script or source that reads the steering folder without a copy to fall back on', () => {
    const offenders: string[] = [];
    for (const file of DIRS.flatMap((d) => files(join(ROOT, d)))) {
      const rel = relative(ROOT, file);
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (READS_SHARED.test(line) && !WITH_FALLBACK[rel]?.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const [name, cmd] of Object.entries(scripts)) if (cmd.includes(SHARED)) offenders.push(`package.json scripts.${name}: ${cmd}`);
    expect(offenders).toEqual([]);
  });

  it('carries the official OParl 1.1 schemas the crawler validates with', () => {
    const dir = join(ROOT, 'test/support/oparl-1.1-schema');
    const types = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(types).toEqual(['AgendaItem', 'Body', 'Consultation', 'File', 'LegislativeTerm', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System']);
    expect(readdirSync(dir)).toContain('LICENSE');
  });
});
