import type { SchemaState } from '../database/schema-watch.js';

/**
 * The body of GET /health (README, "The API"): `{"status":"ok","database":"up","migrations":"applied"}`
 * when ready; otherwise `status: "error"`, what was found, and why in `reason` (for operators;
 * the database's own error message is logged, never shown: /health needs no sign-in).
 */
export interface ReadinessBody {
  status: 'ok' | 'error';
  database: 'up' | 'down' | 'unknown';
  migrations: 'applied' | 'pending' | 'unknown';
  /** The migrations of this build the database has not applied, in order. */
  pending?: string[];
  reason?: string;
}

/**
 * Ready only when the database answers and nothing is pending. `starting`: the schema is current
 * but the hub is still being built (the waiting room of MIGRATIONS=check), so not ready yet.
 */
export function readiness(state: SchemaState | { kind: 'starting' }): { ready: boolean; body: ReadinessBody } {
  switch (state.kind) {
    case 'current':
      return { ready: true, body: { status: 'ok', database: 'up', migrations: 'applied' } };
    case 'pending':
      return {
        ready: false,
        body: { status: 'error', database: 'up', migrations: 'pending', pending: [...state.pending], reason: `migrations pending: ${state.pending.join(', ')}` },
      };
    case 'unreachable':
      return { ready: false, body: { status: 'error', database: 'down', migrations: 'unknown', reason: 'the database does not answer' } };
    case 'unchecked':
      return { ready: false, body: { status: 'error', database: 'unknown', migrations: 'unknown', reason: 'starting: the database has not been checked yet' } };
    case 'starting':
      return { ready: false, body: { status: 'error', database: 'up', migrations: 'applied', reason: 'starting: the schema is current, the hub is starting' } };
  }
}
