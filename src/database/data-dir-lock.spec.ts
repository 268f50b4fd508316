import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirBusyError, DataDirLock, LOCK_SOCKET } from './data-dir-lock.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'interkom-lock-'));

describe('DataDirLock', () => {
  it('lets one holder in at a time and names the holder to the next', async () => {
    const dir = dataDir();
    try {
      const lock = await DataDirLock.acquire(dir, 'backup');
      const refused = await DataDirLock.acquire(dir, 'hub').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DataDirBusyError);
      expect((refused as DataDirBusyError).holder).toMatchObject({ pid: process.pid, holder: 'backup' });
      expect((refused as Error).message).toContain(`wird gerade von einer laufenden Sicherung (Prozess ${process.pid}`);
      expect(await DataDirLock.holder(dir)).toMatchObject({ holder: 'backup' });
      await lock.release();
      expect(existsSync(join(dir, LOCK_SOCKET))).toBe(false);
      expect(await DataDirLock.holder(dir)).toBeNull();
      await (await DataDirLock.acquire(dir, 'hub')).release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is free again at once when its holder is killed with -9 (the socket file stays, nobody listens)', async () => {
    const dir = dataDir();
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'test/support/lock-holder.ts', dir], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((held, failed) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && held());
        child.on('exit', (code) => failed(new Error(`lock holder exited with ${code}`)));
      });
      expect(await DataDirLock.holder(dir)).toMatchObject({ pid: child.pid, holder: 'hub' });
      await expect(DataDirLock.acquire(dir, 'backup')).rejects.toBeInstanceOf(DataDirBusyError);
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
      expect(existsSync(join(dir, LOCK_SOCKET))).toBe(true);
      const lock = await DataDirLock.acquire(dir, 'backup');
      expect(await DataDirLock.holder(dir)).toMatchObject({ pid: process.pid, holder: 'backup' });
      await lock.release();
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
