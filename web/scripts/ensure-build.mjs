// Builds the web client before `npm start` when web/dist is missing or older than its sources
// (a fresh clone, a pull, an edit). A no-op in a few milliseconds otherwise.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(web, 'dist', 'index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'gql') // generated from schema.gql, which is checked itself
    .reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

const sources = ['src', 'index.html', 'vite.config.ts', 'codegen.ts', 'package.json', '../schema.gql'].map((p) => join(web, p)).filter(existsSync);
const stale = !existsSync(built) || sources.some((p) => newest(p) > statSync(built).mtimeMs);
if (stale) {
  if (!existsSync(join(web, '..', 'node_modules', 'vite')) && !existsSync(join(web, 'node_modules', 'vite'))) {
    console.error('web client: web/dist is missing or stale and Vite is not installed (npm install); serving the API only');
  } else {
    console.log('web client: building web/dist (sources changed) …');
    execSync('npm run build -w web', { cwd: resolve(web, '..'), stdio: 'inherit' });
  }
}
