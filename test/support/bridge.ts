// Probes of the Matrix bridge through the API, shared by the tests that drive delivery themselves.
import type { MatrixOutboxProcessor } from '../../src/matrix/matrix-outbox.processor.js';
import { SYNAPSE_HUB_ENV } from './synapse.js';
import type { TestHub } from './test-hub.js';

/** A hub on the test homeserver whose outbox the test delivers itself (drainOutbox), with quick retries. */
export const DRIVEN_MATRIX_ENV: Readonly<Record<string, string>> = {
  ...SYNAPSE_HUB_ENV,
  MATRIX_OUTBOX_WORKER: 'false',
  MATRIX_RETRY_BASE_MS: '50',
  MATRIX_TIMEOUT_MS: '5000',
};

/** The outbox's counts, as a hub admin (`token`) sees them. */
export async function outboxStatus(hub: TestHub, token: string): Promise<{ pending: number; failed: number; deadLetter: number; delivered: number }> {
  return (await hub.ok(token, '{ outboxStatus { pending failed deadLetter delivered } }')).outboxStatus;
}

/** Delivers until nothing is pending or failed (a retryable failure under load comes back after its backoff), or 30 s have passed. */
export async function drainOutbox(hub: TestHub, processor: MatrixOutboxProcessor, token: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await processor.drain();
    const s = await outboxStatus(hub, token);
    if ((s.pending === 0 && s.failed === 0) || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The group's Matrix room id (null until the bridge made it). */
export async function roomOfGroup(hub: TestHub, token: string, groupId: string): Promise<string> {
  return (await hub.ok(token, 'query($id: ID!) { group(id: $id) { matrixRoomId } }', { id: groupId })).group.matrixRoomId;
}
