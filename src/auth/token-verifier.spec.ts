import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWTVerifyGetKey } from 'jose';
import { loadConfig } from '../config/config.js';
import { loadOrCreateDevKey, signDevToken, type DevKey } from './dev-keys.js';
import { TokenVerifier } from './token-verifier.js';

describe('TokenVerifier: verified tokens are remembered', () => {
  let dir: string;
  let key: DevKey;
  let verifier: TokenVerifier;
  let keyLookups: number;
  const config = () => loadConfig({ DATA_DIR: dir, KEYCLOAK_URL: '' });

  beforeEach(async () => {
    // Only Date is faked: jose's clock and the cache's follow it; promises and crypto run as usual.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval', 'hrtime', 'performance'] });
    jest.setSystemTime(new Date('2026-11-27T10:00:00Z'));
    dir = mkdtempSync(join(tmpdir(), 'interkom-verifier-'));
    key = await loadOrCreateDevKey(dir);
    verifier = new TokenVerifier(config());
    keyLookups = 0;
    // The key set as jose asks it: once per signature check.
    const lookup: JWTVerifyGetKey = async () => (keyLookups++, key.publicKey);
    (verifier as unknown as { keys: Promise<JWTVerifyGetKey> }).keys = Promise.resolve(lookup);
  });

  afterEach(() => {
    jest.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the signature of a token once and answers it again from memory', async () => {
    const token = await signDevToken(key, config().auth.clientId, 'alice', { ttlSeconds: 3600, name: 'Alice' });
    const first = await verifier.verify(token);
    const second = await verifier.verify(token);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ displayName: 'Alice', hubAdmin: false });
    expect(keyLookups).toBe(1);
  });

  it('still refuses any other string, also one that differs from a remembered token in one character', async () => {
    const token = await signDevToken(key, config().auth.clientId, 'alice', { ttlSeconds: 3600 });
    await verifier.verify(token);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    await expect(verifier.verify(tampered)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('forgets a token when it expires: an expired token is refused, remembered or not', async () => {
    const token = await signDevToken(key, config().auth.clientId, 'alice', { ttlSeconds: 60 });
    await verifier.verify(token);
    jest.setSystemTime(new Date('2026-11-27T10:01:10Z')); // 10 s after exp, beyond jose's 5 s tolerance
    await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(keyLookups).toBe(2);
  });

  it('checks a long-lived token again after 5 minutes', async () => {
    const token = await signDevToken(key, config().auth.clientId, 'alice', { ttlSeconds: 3600 });
    await verifier.verify(token);
    jest.setSystemTime(new Date('2026-11-27T10:04:59Z'));
    await verifier.verify(token);
    expect(keyLookups).toBe(1);
    jest.setSystemTime(new Date('2026-11-27T10:05:01Z'));
    await verifier.verify(token);
    expect(keyLookups).toBe(2);
  });
});
