import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import { pingAppservice, SYNAPSE } from './synapse.js';

const LOCK = join(tmpdir(), `interkom-appservice-${SYNAPSE.appservicePort}.lock`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Synapse pushes application-service transactions to one fixed port. A test hub that talks to
 * Synapse must answer there (or Synapse marks the service down and backs off for minutes, which
 * starves the next test), and two test files in parallel workers cannot both listen on it. This
 * takes the port under a lock shared by the jest workers (a directory, created atomically; a lock
 * whose process died, or that this worker left behind, is taken over) and returns the function
 * that gives the lock back: call it after the hub has stopped listening.
 */
export async function listenAsAppservice(app: INestApplication, timeoutMs = 300_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        // being created or removed right now
      }
      if (Number.isInteger(owner) && owner > 0 && (owner === process.pid || !alive(owner))) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`the application-service port ${SYNAPSE.appservicePort} stayed taken (${LOCK})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await app.listen(SYNAPSE.appservicePort, '127.0.0.1');
  // Synapse may have marked the service down while nobody listened here: bring it back now.
  await pingAppservice();
  return () => rmSync(LOCK, { recursive: true, force: true });
}
