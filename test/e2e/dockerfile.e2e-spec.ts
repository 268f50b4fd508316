import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const dockerfile = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');
const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
/** Dockerfile instructions, continuation lines joined. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

/** deploy/Dockerfile and .dockerignore, structurally (no Docker engine here to build the image). */
describe('deploy/Dockerfile', () => {
  it('builds from a pinned Node release, installs exactly the lockfile and runs unprivileged with a health check', () => {
    const image = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1];
    expect(image).toMatch(/^node:24\.\d+\.\d+-bookworm-slim$/);
    const froms = instructions.filter((l) => l.startsWith('FROM '));
    expect(froms).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE}']);
    expect(dockerfile).toContain('RUN npm ci ');
    expect(dockerfile).not.toMatch(/npm install/);
    const runtime = instructions.slice(instructions.indexOf('FROM ${NODE_IMAGE}'));
    const user = runtime.findIndex((l) => l === 'USER node');
    expect(user).toBeGreaterThan(0);
    expect(runtime.findIndex((l) => l.startsWith('CMD '))).toBeGreaterThan(user);
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK '))).toContain("fetch('http://127.0.0.1:3000/health')");
    // The backup command needs pg_dump/pg_restore in the image.
    expect(runtime.find((l) => l.startsWith('RUN apt-get'))).toContain('postgresql-client');
  });

  it('keeps installed packages, builds, data and test output out of the build context, but nothing the image copies', () => {
    for (const pattern of ['.git', '**/node_modules', 'dist', 'web/dist', 'data', 'test-results', '.cache']) expect(ignored).toContain(pattern);
    const sources = instructions
      .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
      .flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src', 'web']));
    for (const source of sources) {
      expect(`${source} exists: ${existsSync(join(ROOT, source))}`).toBe(`${source} exists: true`);
      const excluded = ignored.filter((p) => !p.startsWith('!') && (p === source || source.startsWith(`${p}/`)));
      expect(`${source} excluded by ${excluded.join(', ')}`).toBe(`${source} excluded by `);
    }
  });
});
