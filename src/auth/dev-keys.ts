import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

export type VerificationKey = Awaited<ReturnType<typeof importJWK>>;
import { DEV_ISSUER } from '../config/config.js';

const KEY_FILE = 'dev-signing-key.json';

export interface DevKey {
  readonly kid: string;
  readonly privateKey: VerificationKey;
  readonly publicKey: VerificationKey;
}

/**
 * The key of the development sign-in, kept in DATA_DIR so the server and `npm run dev-token`
 * share it. Created once; a concurrent creator loses the race and reads the winner's file.
 */
export async function loadOrCreateDevKey(dataDir: string): Promise<DevKey> {
  const path = join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } catch {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const fresh = { ...(await exportJWK(privateKey)), alg: 'RS256' };
    try {
      writeFileSync(path, JSON.stringify(fresh), { flag: 'wx', mode: 0o600 });
      jwk = fresh;
    } catch {
      jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
    }
  }
  const { d, p, q, dp, dq, qi, ...pub } = jwk;
  const kid = createHash('sha256').update(`${pub.n}.${pub.e}`).digest('hex').slice(0, 16);
  return {
    kid,
    privateKey: await importJWK(jwk, 'RS256'),
    publicKey: await importJWK(pub, 'RS256'),
  };
}

/** A stable subject per username, so the same person comes back on every development sign-in. */
export function devSubject(username: string): string {
  return createHash('sha256').update(`dev:${username}`).digest('hex').slice(0, 32);
}

/** A Keycloak-shaped access token signed with the development key. */
export async function signDevToken(key: DevKey, clientId: string, username: string, opts: { admin?: boolean; ttlSeconds?: number; name?: string } = {}) {
  const sub = devSubject(username);
  return new SignJWT({
    typ: 'Bearer',
    azp: clientId,
    preferred_username: username,
    name: opts.name ?? username,
    email: `${username}@example.org`,
    email_verified: true,
    realm_access: { roles: opts.admin ? ['hub-admin'] : [] },
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(clientId)
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(`${opts.ttlSeconds ?? 12 * 3600}s`)
    .sign(key.privateKey);
}
