// The small documents' baselines (issue 24): the layout's `me`, the organization list, the network's
// publication, the fields of action. One or two statements each; the caller's token is verified in
// parallel with the read wherever the answer does not depend on who asks.
import type { FastifyReply } from 'fastify';
import { decodeJwt } from 'jose';
import { HUB_ADMIN_ROLE } from '../../../src/auth/token-verifier.js';
import { type Baseline, type RegisterRoutes, variablesOf } from './common.js';

/**
 * Whether the (already verified) token carries the hub-admin realm role: the hub takes `hubAdmin`
 * from the token, not from the person row (sign-in only copies it there).
 */
export function hubAdminOf(authorization: string | undefined): boolean {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const roles = (decodeJwt(token) as { realm_access?: { roles?: unknown } }).realm_access?.roles;
  return Array.isArray(roles) && roles.includes(HUB_ADMIN_ROLE);
}

/**
 * Sends a GraphQL answer as the hub writes it: JSON.stringify of `{ data }` and a newline (the hub's
 * GraphQL server ends its body with one; Fastify's own serializer would not).
 */
export const answer = (reply: FastifyReply, data: unknown): FastifyReply =>
  reply.type('application/json; charset=utf-8').send(`${JSON.stringify({ data })}\n`);

/** The public base URL as the hub's config normalizes it (OParl links carry it). */
export const publicBaseUrl = (): string => (process.env.PUBLIC_BASE_URL ?? '').replace(/\/+$/, '');

async function networkPublication(base: Baseline, authorization: string | undefined, slug: string) {
  const me = await base.viewer(authorization);
  const hubAdmin = hubAdminOf(authorization);
  const [n] = await base.q<{ id: string; join_policy: string; publication: string; has_role: boolean }>(
    `SELECT n.id, n.join_policy, coalesce(p.publication::text, 'PRIVATE') AS publication,
            EXISTS (SELECT 1 FROM network_role r WHERE r.network_id = n.id AND r.person_id = $2) AS has_role
       FROM network n LEFT JOIN network_publication p ON p.network_id = n.id WHERE n.slug = $1`,
    [slug, me.id],
  );
  // Role holders (and hub admins) see the network in full, others its public face; an INVITE_ONLY network not at all.
  if (!n || (!hubAdmin && !n.has_role && n.join_policy === 'INVITE_ONLY')) return { network: null };
  return {
    network: {
      id: n.id,
      publication: n.publication,
      oparlBodyUrl: n.publication === 'PUBLIC' ? `${publicBaseUrl()}/oparl/v1/bodies/${n.id}` : null,
    },
  };
}

export const registerSmallPages: RegisterRoutes = (app, base) => {
  app.post('/page/Layout', async (req, reply) => {
    const me = await base.viewer(req.headers.authorization);
    return answer(reply, { me: { id: me.id, displayName: me.display_name, hubAdmin: hubAdminOf(req.headers.authorization) } });
  });

  app.post('/page/AllOrganizations', async (req, reply) => {
    const [me, organizations] = await Promise.all([
      base.viewer(req.headers.authorization),
      base.q<{ id: string; name: string; kind: string }>('SELECT id, name, kind FROM organization ORDER BY name ASC', []),
    ]);
    return answer(reply, { organizations, me: { id: me.id, hubAdmin: hubAdminOf(req.headers.authorization) } });
  });

  app.post('/page/NetworkPublication', async (req, reply) =>
    answer(reply, await networkPublication(base, req.headers.authorization, variablesOf<{ slug: string }>(req.body).slug)));

  // Public: the token, when sent, is still verified (the hub refuses a bad one), next to the read.
  app.post('/page/FieldsOfAction', async (req, reply) => {
    const [, fieldsOfAction] = await Promise.all([
      req.headers.authorization ? base.viewer(req.headers.authorization) : null,
      base.q<{ id: string; key: string; name: string }>('SELECT id, key, name FROM field_of_action ORDER BY position ASC, name ASC', []),
    ]);
    return answer(reply, { fieldsOfAction });
  });
};
