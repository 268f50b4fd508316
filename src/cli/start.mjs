// `npm start`: builds what is stale, then runs the hub from compiled JavaScript.
// - the web client (web/scripts/ensure-build.mjs: Vite, only when its sources changed);
// - the server: every .ts file of src/, libs/ and migrations/ transpiled by swc (decorator metadata
//   as Nest needs it) into .cache/server/, only the files whose size or mtime changed;
// - V8's compile cache in .cache/v8 for the compiled files and node_modules.
// A start on an unchanged checkout does no transpilation at all (issue 13, P4).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// INTERKOM_BUILD_CACHE (tests): another cache directory, inside the project so that packages resolve.
const cache = resolve(root, process.env.INTERKOM_BUILD_CACHE ?? '.cache');
const out = join(cache, 'server');
const manifestFile = join(out, 'manifest.json');

/** Bumped when the transpile options change, so an old cache is rebuilt. */
const OPTIONS_VERSION = 1;
const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

function sources(dir, list = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources(path, list);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) list.push(path);
  }
  return list;
}

async function compileServer() {
  let manifest = { version: OPTIONS_VERSION, files: {} };
  try {
    const read = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (read.version === OPTIONS_VERSION) manifest = read;
  } catch {
    // no cache yet
  }
  const files = ['src', 'libs', 'migrations'].flatMap((d) => sources(join(root, d)));
  const next = { version: OPTIONS_VERSION, files: {} };
  const stale = [];
  for (const file of files) {
    const rel = relative(root, file);
    const { mtimeMs, size } = statSync(file);
    const key = `${mtimeMs}:${size}`;
    next.files[rel] = key;
    if (manifest.files[rel] !== key || !existsSync(join(out, rel.replace(/\.ts$/, '.js')))) stale.push(rel);
  }
  for (const rel of Object.keys(manifest.files)) {
    if (!(rel in next.files)) rmSync(join(out, rel.replace(/\.ts$/, '.js')), { force: true });
  }
  if (stale.length) {
    const started = performance.now();
    const { transformFile } = await import('@swc/core');
    await Promise.all(
      stale.map(async (rel) => {
        const { code } = await transformFile(join(root, rel), { ...SWC_OPTIONS, filename: rel, swcrc: false, configFile: false });
        const target = join(out, rel.replace(/\.ts$/, '.js'));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, code);
      }),
    );
    writeFileSync(manifestFile, JSON.stringify(next));
    console.log(`server: transpiled ${stale.length} changed file(s) into .cache/server in ${Math.round(performance.now() - started)} ms`);
  }
}

// WEB_DIR='' serves the API only: no web client to build then.
if (process.env.WEB_DIR !== '') await import(pathToFileURL(join(root, 'web', 'scripts', 'ensure-build.mjs')).href);
mkdirSync(out, { recursive: true });
// The compiled files import packages from the project's node_modules: resolve them from here.
if (!existsSync(join(out, 'package.json'))) writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
await compileServer();
enableCompileCache(join(cache, 'v8'));
await import(pathToFileURL(join(out, 'src', 'main.js')).href);
