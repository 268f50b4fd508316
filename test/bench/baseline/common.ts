// What every hand-written baseline route shares: the pool, the caller from the development token
// (jose, RS256, the same checks as the hub), and the one route convention: POST /page/<Operation>
// with the GraphQL body (`{ query, variables }`) answers the bytes the hub answers for that
// document; GET routes answer the HTTP reads under the hub's own paths.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { jwtVerify } from 'jose';
import type pg from 'pg';
import type { DevKey } from '../../../src/auth/dev-keys.js';
import { DEV_ISSUER } from '../../../src/config/config.js';

export interface Viewer {
  id: string;
  display_name: string;
}

export interface Baseline {
  pool: pg.Pool;
  q<T = any>(sql: string, params: unknown[]): Promise<T[]>;
  /** The signed-in person (401 thrown as an error when the token does not verify). */
  viewer(authorization: string | undefined): Promise<Viewer>;
}

export type RegisterRoutes = (app: FastifyInstance, base: Baseline) => void;

export function baseline(pool: pg.Pool, publicKey: DevKey['publicKey'], clientId: string): Baseline {
  const q = async <T = any>(sql: string, params: unknown[]): Promise<T[]> => (await pool.query(sql, params)).rows as T[];
  return {
    pool,
    q,
    async viewer(authorization) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: DEV_ISSUER, audience: clientId, algorithms: ['RS256'], clockTolerance: 5, requiredClaims: ['exp', 'iat', 'sub'],
      });
      const [person] = await q<Viewer>('SELECT id, display_name FROM person WHERE issuer = $1 AND subject = $2', [DEV_ISSUER, payload.sub]);
      return person;
    },
  };
}

/** The variables of a POSTed GraphQL body. */
export const variablesOf = <T = Record<string, any>>(body: unknown): T => ((body as { variables?: T })?.variables ?? ({} as T));

/** German collation as the hub sorts names (ORDER BY … COLLATE, localeCompare 'de'). */
export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');

/**
 * Sends a GraphQL body as the hub writes it: JSON.stringify of the body and a newline (the hub's
 * GraphQL server ends its body with one; Fastify's own serializer would not).
 */
export const sendBody = (reply: FastifyReply, body: unknown): FastifyReply =>
  reply.type('application/json; charset=utf-8').send(`${JSON.stringify(body)}\n`);

/** A GraphQL answer `{ data }` as the hub writes it. */
export const sendData = (reply: FastifyReply, data: unknown): FastifyReply => sendBody(reply, { data });
