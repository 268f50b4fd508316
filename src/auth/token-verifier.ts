import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { unauthenticated } from '../common/domain-error.js';
import { loadOrCreateDevKey, type VerificationKey } from './dev-keys.js';

export const HUB_ADMIN_ROLE = 'hub-admin';

export interface VerifiedToken {
  readonly issuer: string;
  readonly subject: string;
  readonly displayName: string;
  /** The token's e-mail address if the issuer verified it (`email_verified: true`), else null. */
  readonly email: string | null;
  readonly hubAdmin: boolean;
}

interface KeycloakClaims extends JWTPayload {
  typ?: string;
  name?: string;
  preferred_username?: string;
  email?: string;
  email_verified?: boolean;
  realm_access?: { roles?: unknown };
}

/** How many verified tokens are remembered, and for how long at most. */
const VERIFIED_CACHE_SIZE = 10_000;
const VERIFIED_CACHE_MS = 5 * 60_000;

/**
 * Validates Keycloak access tokens: RS256 only, issuer, audience = our client, exp/iat/sub
 * required, nbf honoured, `typ: Bearer` (an ID token is refused). The JWKS is cached and
 * fetched again when a token names an unknown `kid` (jose's remote key set does both).
 *
 * A token that passed is remembered (the whole token string is the key, so any other string is
 * verified afresh) until it expires, at most 5 minutes, and at most 10,000 of them: a browser
 * sends the same access token with every request for its lifetime, and the RSA signature check
 * was the largest single cost of a small request (about a quarter of `me`'s CPU, `npm run bench`).
 * Envoy's jwt_authn does the same. The price: a key withdrawn from Keycloak's JWKS stops
 * tokens already seen only after those 5 minutes (tokens are not revocable anyway before `exp`).
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private keys: Promise<JWTVerifyGetKey | VerificationKey> | undefined;
  private readonly verified = new Map<string, { token: VerifiedToken; until: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether this token string passed before and is still remembered (verify costs no signature check). */
  remembers(token: string): boolean {
    const known = this.verified.get(token);
    return !!known && Date.now() < known.until;
  }

  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.until) return known.token;
      this.verified.delete(token);
    }
    const { verified, expires } = await this.verifyNow(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { token: verified, until: Math.min(expires, Date.now() + VERIFIED_CACHE_MS) });
    return verified;
  }

  private async verifyNow(token: string): Promise<{ verified: VerifiedToken; expires: number }> {
    const { auth } = this.config;
    let payload: KeycloakClaims;
    try {
      const keys = await this.keySet();
      const result = await jwtVerify<KeycloakClaims>(token, keys as JWTVerifyGetKey, {
        issuer: auth.issuer,
        audience: auth.clientId,
        algorithms: ['RS256'],
        clockTolerance: 5,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      payload = result.payload;
    } catch (error) {
      this.logger.debug(`token rejected: ${(error as Error).message}`);
      throw unauthenticated('Das Zugriffstoken ist ungültig oder abgelaufen. Bitte melden Sie sich erneut an.');
    }
    if (payload.typ !== 'Bearer') throw unauthenticated('Ein Zugriffstoken (Token-Typ „Bearer“) ist erforderlich.');
    const roles = Array.isArray(payload.realm_access?.roles) ? payload.realm_access.roles : [];
    const displayName = (payload.name || payload.preferred_username || payload.sub!).trim().slice(0, 200);
    const verified: VerifiedToken = {
      issuer: payload.iss!,
      subject: payload.sub!,
      displayName,
      // An address nobody proved to own is never used: not stored, not searchable, never mailed
      // (issue 19). Anyone can type any address into an account where verification is off.
      email: typeof payload.email === 'string' && payload.email_verified === true ? payload.email : null,
      hubAdmin: roles.includes(HUB_ADMIN_ROLE),
    };
    // exp is required, so it is there; remembered until exp itself (jose allows 5 s more).
    return { verified: Object.freeze(verified), expires: payload.exp! * 1000 };
  }

  private keySet(): Promise<JWTVerifyGetKey | VerificationKey> {
    const { auth } = this.config;
    this.keys ??=
      auth.mode === 'keycloak'
        ? Promise.resolve(
            createRemoteJWKSet(new URL(auth.jwksUrl), { cooldownDuration: auth.jwksCooldownMs, timeoutDuration: 5000 }),
          )
        : loadOrCreateDevKey(this.config.dataDir).then((k) => k.publicKey);
    return this.keys;
  }
}
