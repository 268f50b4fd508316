// `npm test`: the whole suite. The API's jest suite (unit + e2e on PostgreSQL, Synapse), then the
// web client: build, unit tests (vitest) and browser tests (Playwright in Debian's Chromium).
// Prints one `N passed, N failed` line per part and a closing total; exits non-zero on any failure.
// Arguments (`npm test -- test/e2e/x.e2e-spec.ts`) run only jest with them.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const args = process.argv.slice(2);
const lines = [];
let failed = false;

const run = (cmd, cmdArgs, opts = {}) => spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts }).status ?? 1;

// 1. The API (its compose test reads the stack with Debian's docker-compose, installed when missing).
ensureDockerCompose();
const jestJson = join(results, 'jest.json');
const jestStatus = run('npm', ['run', 'test:api', '--', '--json', `--outputFile=${jestJson}`, ...args]);
const jest = existsSync(jestJson) ? JSON.parse(readFileSync(jestJson, 'utf8')) : null;
if (!jest || jest.numTotalTests === 0) {
  lines.push('jest: no test ran');
  failed = true;
} else {
  lines.push(`jest: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed, ${jest.numPendingTests} skipped`);
}
if (jestStatus !== 0) failed = true;

if (args.length === 0) {
  // 2. The web client: build (with codegen on schema.gql), unit tests.
  if (run('npm', ['run', 'build', '-w', 'web']) !== 0) {
    lines.push('web build: failed');
    failed = true;
  } else {
    const vitestJson = join(results, 'vitest.json');
    const vitestStatus = run('npm', ['run', 'test:unit', '-w', 'web', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
    const vitest = existsSync(vitestJson) ? JSON.parse(readFileSync(vitestJson, 'utf8')) : null;
    lines.push(vitest ? `vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'vitest: no result');
    if (vitestStatus !== 0 || !vitest) failed = true;

    // 3. Browser tests, in Debian's Chromium (installed when missing and possible).
    ensureChromium();
    const pwJson = join(root, 'web', 'test-results', 'results.json');
    const pwStatus = run('npm', ['run', 'test:e2e', '-w', 'web']);
    const pw = existsSync(pwJson) ? JSON.parse(readFileSync(pwJson, 'utf8')) : null;
    if (pw) {
      const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = pw.stats ?? {};
      lines.push(`browser: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
      if (unexpected > 0) failed = true;
    } else {
      lines.push('browser: no result');
      failed = true;
    }
    if (pwStatus !== 0) failed = true;
  }
}

console.log(`\n${lines.join('\n')}`);
process.exit(failed ? 1 : 0);

function ensureChromium() {
  ensureDebianPackage('Chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium');
}

/** Debian's docker-compose: `test/e2e/compose.e2e-spec.ts` has a real Compose implementation read the stack. */
function ensureDockerCompose() {
  ensureDebianPackage('docker-compose', '/usr/bin/docker-compose', 'docker-compose');
}

/** Installs a Debian package the tests need when it is missing and this runs as root; otherwise stops at once with the command. */
function ensureDebianPackage(what, path, pkg) {
  if (existsSync(path)) return;
  if (process.getuid?.() !== 0) {
    console.error(`${what} is missing at ${path}. Install it with: sudo apt-get install -y ${pkg}`);
    process.exit(1);
  }
  console.log(`${what} is missing: installing Debian's ${pkg} (apt-get install -y ${pkg}) …`);
  try {
    execSync(`apt-get install -y ${pkg} || (apt-get update && apt-get install -y ${pkg})`, { stdio: 'inherit', shell: '/bin/bash' });
  } catch {
    console.error(`Could not install ${what}. Install it with: apt-get install -y ${pkg}`);
    process.exit(1);
  }
}
