// The small documents' baselines (issue 24): the layout's `me`, the organization list, the network's
// publication, the fields of action. One or two statements each; the caller's token is verified in
// parallel with the read wherever the answer does not depend on who asks.
import { decodeJwt } from 'jose';
import { HUB_ADMIN_ROLE } from '../../../src/auth/token-verifier.js';
import { isUuid } from '../../../src/common/ids.js';
import { type Baseline, type RegisterRoutes, sendData, variablesOf } from './common.js';

/**
 * Whether the (already verified) token carries the hub-admin realm role: the hub takes `hubAdmin`
 * from the token, not from the person row (sign-in only copies it there).
 */
export function hubAdminOf(authorization: string | undefined): boolean {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const roles = (decodeJwt(token) as { realm_access?: { roles?: unknown } }).realm_access?.roles;
  return Array.isArray(roles) && roles.includes(HUB_ADMIN_ROLE);
}


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

/**
 * The caller's access to a meeting through its groups (primary and joint), the best of them:
 * manage for the network's ADMINs and MODERATORs and the group's LEADs and MODERATORs, read for any
 * other active member; null otherwise (a role holder of the network sees only the meeting's public
 * part, and not its documents).
 */
const MEETING_ACCESS = `
  SELECT max(CASE WHEN r.role IN ('ADMIN', 'MODERATOR') OR gm.role IN ('LEAD', 'MODERATOR') THEN 2 WHEN gm.role IS NOT NULL THEN 1 END) AS access
    FROM meeting m
    JOIN work_group g ON g.id = m.group_id OR g.id IN (SELECT mg.group_id FROM meeting_group mg WHERE mg.meeting_id = m.id)
    LEFT JOIN network_role r ON r.network_id = g.network_id AND r.person_id = $2
    LEFT JOIN group_member gm ON gm.group_id = g.id AND gm.person_id = $2
                             AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)
   WHERE m.id = $1
   GROUP BY m.id`;

/** A meeting's documents, oldest first, each with its versions newest first (one row per version). */
const MEETING_DOCUMENTS = `
  SELECT d.id, d.name, d.media_type, d.size, d.current_version, d.updated_at, d.uploaded_by_id, p.display_name,
         v.version, v.name AS v_name, v.size AS v_size, v.created_at AS v_created_at
    FROM document d
    LEFT JOIN person p ON p.id = d.uploaded_by_id
    LEFT JOIN document_version v ON v.document_id = d.id
   WHERE d.meeting_id = $1
   ORDER BY d.created_at, d.id, v.version DESC`;

interface DocumentRow {
  id: string; name: string; media_type: string; size: string; current_version: number; updated_at: Date;
  uploaded_by_id: string | null; display_name: string | null;
  version: number | null; v_name: string; v_size: string; v_created_at: Date;
}

/** documentsOf for a meeting (the page's parent type); the caller's access and the files read side by side. */
async function meetingDocuments(base: Baseline, authorization: string | undefined, meetingId: string) {
  const me = await base.viewer(authorization);
  const [[row], rows] = isUuid(meetingId)
    ? await Promise.all([base.q<{ access: number | null }>(MEETING_ACCESS, [meetingId, me.id]), base.q<DocumentRow>(MEETING_DOCUMENTS, [meetingId])])
    : [[], []];
  const access = hubAdminOf(authorization) && row ? 2 : (row?.access ?? 0);
  if (!access) return null;
  const url = `${publicBaseUrl()}/documents`;
  const documents: Record<string, unknown>[] = [];
  let last: { id: string; versions: unknown[] } | undefined;
  for (const d of rows) {
    if (last?.id !== d.id) {
      last = { id: d.id, versions: [] };
      documents.push({
        id: d.id, name: d.name, mediaType: d.media_type, size: Number(d.size), currentVersion: d.current_version, uploadedAt: d.updated_at.toISOString(),
        // Members upload; who uploaded the current version, and the group's managers, change it.
        mayChange: access === 2 || d.uploaded_by_id === me.id,
        downloadUrl: `${url}/${d.id}`,
        uploadedBy: d.uploaded_by_id && d.display_name !== null ? { id: d.uploaded_by_id, displayName: d.display_name } : null,
        versions: last.versions,
      });
    }
    if (d.version !== null) {
      last.versions.push({ version: d.version, name: d.v_name, size: Number(d.v_size), uploadedAt: d.v_created_at.toISOString(), downloadUrl: `${url}/${d.id}/versions/${d.version}` });
    }
  }
  return { mayUpload: true, documents };
}

export const registerSmallPages: RegisterRoutes = (app, base) => {
  app.post('/page/Layout', async (req, reply) => {
    const me = await base.viewer(req.headers.authorization);
    return sendData(reply, { me: { id: me.id, displayName: me.display_name, hubAdmin: hubAdminOf(req.headers.authorization) } });
  });

  app.post('/page/AllOrganizations', async (req, reply) => {
    const [me, organizations] = await Promise.all([
      base.viewer(req.headers.authorization),
      base.q<{ id: string; name: string; kind: string }>('SELECT id, name, kind FROM organization ORDER BY name ASC', []),
    ]);
    return sendData(reply, { organizations, me: { id: me.id, hubAdmin: hubAdminOf(req.headers.authorization) } });
  });

  app.post('/page/NetworkPublication', async (req, reply) =>
    sendData(reply, await networkPublication(base, req.headers.authorization, variablesOf<{ slug: string }>(req.body).slug)));

  // Public: the token, when sent, is still verified (the hub refuses a bad one), next to the read.
  app.post('/page/FieldsOfAction', async (req, reply) => {
    const [, fieldsOfAction] = await Promise.all([
      req.headers.authorization ? base.viewer(req.headers.authorization) : null,
      base.q<{ id: string; key: string; name: string }>('SELECT id, key, name FROM field_of_action ORDER BY position ASC, name ASC', []),
    ]);
    return sendData(reply, { fieldsOfAction });
  });

  // The page asks for a meeting's documents; other parent types are not part of the bench.
  app.post('/page/DocumentsOf', async (req, reply) => {
    const { parentType, parentId } = variablesOf<{ parentType: string; parentId: string }>(req.body);
    if (parentType !== 'MEETING') return reply.code(501).send({ error: `parentType ${parentType} has no baseline` });
    const documentsOf = await meetingDocuments(base, req.headers.authorization, parentId);
    if (!documentsOf) {
      return reply.type('application/json; charset=utf-8')
        .send(`${JSON.stringify({ errors: [{ message: 'Sitzung nicht gefunden', locations: [{ line: 2, column: 3 }], path: ['documentsOf'], extensions: { code: 'NOT_FOUND' } }], data: null })}\n`);
    }
    return sendData(reply, { documentsOf });
  });
};
