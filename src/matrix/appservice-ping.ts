import type { MatrixConfig } from '../config/config.js';

export type PingResult = { ok: true; ms: number } | { ok: false; reason: string };

/**
 * Asks the homeserver to ping this application service (application-service API v1.7, MSC2659).
 * Run once the hub listens: a homeserver that pushed transactions while the hub was away has marked
 * the service down and retries only after a backoff of up to minutes (chat commands wait that long);
 * an answered ping makes it send them at once. The answer also tells an operator whether the
 * homeserver reaches the hub at the URL of its registration. Never throws.
 */
export async function pingFromHomeserver(matrix: MatrixConfig): Promise<PingResult> {
  try {
    const res = await fetch(`${matrix.homeserverUrl}/_matrix/client/v1/appservice/${encodeURIComponent(matrix.appserviceId)}/ping`, {
      method: 'POST',
      headers: { authorization: `Bearer ${matrix.asToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_id: `interkom-start-${Date.now()}` }),
      signal: AbortSignal.timeout(matrix.timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as { duration_ms?: number; errcode?: string; error?: string };
    if (res.ok && typeof body.duration_ms === 'number') return { ok: true, ms: body.duration_ms };
    return { ok: false, reason: `${res.status} ${body.errcode ?? ''} ${body.error ?? ''}`.trim() };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
