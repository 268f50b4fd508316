import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';

const SCRIPT = join(process.cwd(), 'test/support/synapse-homeserver.sh');

/** The test homeserver (test/support/synapse-homeserver.sh), as its env command prints it. */
export const SYNAPSE = {
  baseUrl: 'http://127.0.0.1:8008',
  serverName: 'localhost',
  regSecret: 'test-registration-shared-secret',
  asToken: 'interkom-test-as-token',
  hsToken: 'interkom-test-hs-token',
  bot: '@interkom:localhost',
  /** Where Synapse sends application-service transactions. */
  appservicePort: 39999,
  /** The registration's id (synapse-homeserver.sh: hub-$SYNAPSE_INSTANCE-appservice). */
  appserviceId: 'hub-interkom-appservice',
};

/** How a hub reaches the test homeserver (MATRIX_*); a test adds its own delivery settings. */
export const SYNAPSE_HUB_ENV: Readonly<Record<string, string>> = {
  MATRIX_HOMESERVER_URL: SYNAPSE.baseUrl,
  MATRIX_SERVER_NAME: SYNAPSE.serverName,
  MATRIX_AS_TOKEN: SYNAPSE.asToken,
  MATRIX_HS_TOKEN: SYNAPSE.hsToken,
  MATRIX_BOT_LOCALPART: 'interkom',
  MATRIX_APPSERVICE_ID: SYNAPSE.appserviceId,
};

/**
 * Has Synapse ping the application service (MSC2659) and returns the round trip in ms. An answered
 * ping also makes Synapse send the transactions it held back at once: after pushes to a closed port
 * it backs off for minutes, which would starve the next test that listens there.
 */
export async function pingAppservice(): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${SYNAPSE.baseUrl}/_matrix/client/v1/appservice/${SYNAPSE.appserviceId}/ping`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SYNAPSE.asToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_id: `ping-${Date.now()}-${Math.random()}` }),
    });
    const json = (await res.json()) as { duration_ms?: number; errcode?: string };
    if (res.ok && typeof json.duration_ms === 'number') return json.duration_ms;
    // Synapse may try a pooled connection to a listener that has gone (the previous test hub on the
    // port) and answer M_CONNECTION_FAILED once; its next attempt opens a new connection.
    if (json.errcode !== 'M_CONNECTION_FAILED' || attempt === 3) throw new Error(`appservice ping: ${res.status} ${JSON.stringify(json)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Installs (cached), configures and starts Synapse; throws with the script's output on failure. */
export function synapse(command: 'all' | 'start' | 'stop' | 'restart' = 'all'): void {
  try {
    execFileSync('bash', [SCRIPT, command], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer; message: string };
    throw new Error(`Synapse ${command} failed: ${e.message}\n${e.stderr?.toString() ?? ''}${e.stdout?.toString() ?? ''}`);
  }
}

/** The homeserver's client-server API, as the bot (as_token) or a given user. */
export async function matrixApi<T = any>(method: string, path: string, body?: unknown, token = SYNAPSE.asToken): Promise<T> {
  const res = await fetch(`${SYNAPSE.baseUrl}/_matrix/client/v3${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

/** A real Matrix user, registered with the shared secret; returns its id and access token. */
export async function registerMatrixUser(localpart: string): Promise<{ userId: string; token: string }> {
  const url = `${SYNAPSE.baseUrl}/_synapse/admin/v1/register`;
  const { nonce } = (await (await fetch(url)).json()) as { nonce: string };
  const password = `pw-${localpart}`;
  const mac = createHmac('sha1', SYNAPSE.regSecret).update(`${nonce}\0${localpart}\0${password}\0notadmin`).digest('hex');
  const res = await fetch(url, { method: 'POST', body: JSON.stringify({ nonce, username: localpart, password, admin: false, mac }) });
  const json = (await res.json()) as { user_id: string; access_token: string };
  if (!res.ok) throw new Error(`register ${localpart}: ${JSON.stringify(json)}`);
  return { userId: json.user_id, token: json.access_token };
}

/** Members of a room by membership, read from the homeserver. */
export async function roomMembers(roomId: string): Promise<Record<string, string>> {
  const { chunk } = await matrixApi<{ chunk: { state_key: string; content: { membership: string } }[] }>('GET', `/rooms/${encodeURIComponent(roomId)}/members`);
  return Object.fromEntries(chunk.map((e) => [e.state_key, e.content.membership]));
}

/** The bot's messages in a room, newest last. */
export async function roomMessages(roomId: string): Promise<{ event_id: string; sender: string; content: Record<string, any> }[]> {
  const { chunk } = await matrixApi<{ chunk: { type: string; event_id: string; sender: string; content: Record<string, any> }[] }>(
    'GET',
    `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=500`,
  );
  return chunk.filter((e) => e.type === 'm.room.message').reverse();
}
