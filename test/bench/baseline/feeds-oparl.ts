// The OParl list's baseline (issue 24): GET /oparl/v1/bodies/<id>/<list> (and a group's meetings)
// as the hub answers it from its public view, the ledger oparl_object: the owner's existence, the
// counts for the pagination and the page in one statement. The ledger is the hub's materialized
// public view (written by its sync after a change); this baseline reads it as any second reader of
// that table would, and does not render it (the hub, asked first in the check, has brought it up to
// date; under load nothing changes).
import { parseListQuery } from '../../../src/oparl/oparl-query.js';
import { sendOparlError } from '../../../src/oparl/oparl-reply.js';
import { BODY_LISTS, OPARL_TYPE, OparlUrls, type BodyList } from '../../../src/oparl/oparl-urls.js';
import { dateTime } from '../../../src/oparl/view/oparl-format.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Baseline, RegisterRoutes } from './common.js';
import { publicBaseUrl } from './small-pages.js';

interface PageRow {
  ok: boolean; total: number; before: number; last: Date | null;
  path: string | null; kind: string; data: Record<string, unknown> | null; created: Date; modified: Date; deleted: boolean;
}

const NOT_FOUND = 'Nicht gefunden: Unter dieser URL gibt es kein Objekt und keine Liste.';
/** What omit_internal=true leaves out, by type (as the hub). */
const INTERNAL: Record<string, string> = { Person: 'membership', Meeting: 'agendaItem' };
const UUID_SHAPE = /^[0-9a-f-]{36}$/;

type Scope = { where: string; params: unknown[]; owner: string };
type ListAnswer = { status: 200; json: unknown } | { status: 400 | 404; error: string };

/** An object as served: its data with created and modified in the OParl form, or the deletion marker. */
function present(urls: OparlUrls, row: PageRow, omitInternal: boolean): Record<string, unknown> {
  const times = { created: dateTime(row.created), modified: dateTime(row.modified) };
  if (row.deleted || !row.data) return { id: urls.url(row.path!), type: OPARL_TYPE(row.kind), ...times, deleted: true };
  const data: Record<string, unknown> = { ...row.data, ...times };
  if (omitInternal && INTERNAL[row.kind]) delete data[INTERNAL[row.kind]!];
  return data;
}

async function list(base: Baseline, path: string, scope: Scope, query: Record<string, unknown>): Promise<ListAnswer> {
  const q = parseListQuery(query);
  if ('error' in q) return { status: 400, error: q.error };
  const params = [...scope.params];
  const cond = [scope.where];
  const bind = (sql: string, value: unknown) => {
    params.push(value);
    cond.push(sql.replace('?', `$${params.length}`));
  };
  if (q.createdSince) bind('created >= ?', q.createdSince);
  if (q.createdUntil) bind(`date_trunc('second', created) <= ?`, q.createdUntil);
  if (q.modifiedSince) bind('modified >= ?', q.modifiedSince);
  if (q.modifiedUntil) bind(`date_trunc('second', modified) <= ?`, q.modifiedUntil);
  // The list's last change counts its deletions too; deleted objects only with modified_since.
  const all = cond.join(' AND ');
  if (!q.modifiedSince) cond.push('NOT deleted');
  const where = cond.join(' AND ');
  const n = params.length;
  const rows = await base.q<PageRow>(
    `WITH counts AS (
       SELECT count(*) FILTER (WHERE ${where})::int AS total, count(*) FILTER (WHERE ${where} AND path <= $${n + 1})::int AS before, max(modified) AS last
         FROM oparl_object WHERE ${all}),
     page AS (SELECT path, kind, data, created, modified, deleted FROM oparl_object WHERE ${where} AND path > $${n + 1} ORDER BY path LIMIT $${n + 2})
     SELECT EXISTS (SELECT 1 FROM oparl_object WHERE path = $${n + 3}) AS ok, counts.total, counts.before, counts.last, page.*
       FROM counts LEFT JOIN page ON TRUE ORDER BY page.path`,
    [...params, q.after ?? '', q.limit + 1, scope.owner],
  );
  if (!rows[0]!.ok) return { status: 404, error: NOT_FOUND };
  const { total, before } = rows[0]!;
  const found = rows.filter((r) => r.path !== null);
  const page = found.slice(0, q.limit);
  const urls = new OparlUrls(publicBaseUrl());
  const link = (after: string | null) => urls.url(path) + q.search(after);
  return {
    status: 200,
    json: {
      data: page.map((r) => present(urls, r, q.omitInternal)),
      pagination: { totalElements: total, elementsPerPage: q.limit, currentPage: Math.floor(before / q.limit) + 1, totalPages: Math.max(1, Math.ceil(total / q.limit)) },
      links: { first: link(null), self: link(q.after), ...(found.length > q.limit ? { next: link(page.at(-1)!.path) } : {}) },
    },
  };
}

export const registerOparlList: RegisterRoutes = (app, base) => {
  const answer = async (req: FastifyRequest, reply: FastifyReply, path: string, scope: Scope | null) => {
    void reply.header('access-control-allow-origin', '*').header('cache-control', 'public, no-cache');
    const result = scope ? await list(base, path, scope, req.query as Record<string, unknown>) : ({ status: 404, error: NOT_FOUND } as ListAnswer);
    if ('error' in result) return sendOparlError(reply, result.status, result.error, req);
    return reply.status(200).type('application/json; charset=utf-8').send(JSON.stringify(result.json));
  };

  app.get('/oparl/v1/bodies/:id/:list', async (req, reply) => {
    const { id, list: name } = req.params as { id: string; list: string };
    const kind = UUID_SHAPE.test(id) && name in BODY_LISTS ? BODY_LISTS[name as BodyList] : undefined;
    const owner = OparlUrls.body(id);
    // The lists Interkom does not use are always empty, still valid lists.
    const scope = kind === undefined ? null : kind ? { where: 'network_id = $1 AND kind = $2', params: [id, kind], owner } : { where: 'false', params: [], owner };
    return answer(req, reply, OparlUrls.bodyList(id, name as BodyList), scope);
  });

  app.get('/oparl/v1/organizations/:id/meetings', async (req, reply) => {
    const { id } = req.params as { id: string };
    const scope = UUID_SHAPE.test(id) ? { where: `kind = 'Meeting' AND $1::uuid = ANY(group_ids)`, params: [id], owner: OparlUrls.group(id) } : null;
    return answer(req, reply, OparlUrls.groupMeetings(id), scope);
  });
};
