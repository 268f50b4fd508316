import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { dateTime } from './view/oparl-format.js';
import { fileBytes } from './view/oparl-render-meetings.js';
import { OparlSyncService } from './view/oparl-sync.service.js';
import { BODY_LISTS, OPARL_TYPE, OparlUrls, type BodyList } from './oparl-urls.js';
import { parseListQuery, type ListQuery } from './oparl-query.js';

/**
 * What an OParl request answers: a JSON document (or bytes of a file) with its time of last
 * change, or an error with the German message of its OParl error object (§2.9).
 */
export type OparlAnswer =
  | { status: 200; json: unknown; lastModified: Date | null }
  | { status: 200; bytes: Buffer; contentType: string; fileName: string | null; lastModified: Date }
  | { status: 400 | 404 | 410; error: string };

interface LedgerRow {
  path: string;
  kind: string;
  data: Record<string, unknown> | null;
  created: Date;
  modified: Date;
  deleted: boolean;
}

/** Which ledger rows a list holds (SQL with its parameters), and the object it belongs to. */
interface ListScope {
  where: string;
  params: unknown[];
  owner: string | null;
}

const notFound: OparlAnswer = { status: 404, error: 'Nicht gefunden: Unter dieser URL gibt es kein Objekt und keine Liste.' };
/** What omit_internal=true leaves out, by type (OParl 1.1 §2.5; Body.legislativeTerm stays: the schema requires it). */
const INTERNAL: Record<string, string> = { Person: 'membership', Meeting: 'agendaItem' };
/** Lists whose URL is a list, not an object. */
const LIST_PATH = /^bodies\/([0-9a-f-]{36})\/([a-z-]+)$/;
const GROUP_MEETINGS = /^organizations\/([0-9a-f-]{36})\/meetings$/;
const FILE_BYTES = /^files\/([0-9a-f-]{36})\/(content|download)$/;

/** Reads the public OParl view (the ledger kept by OparlSyncService): objects, paginated lists, files. */
@Injectable()
export class OparlService {
  private readonly urls: OparlUrls;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sync: OparlSyncService,
  ) {
    this.urls = new OparlUrls(config.publicBaseUrl);
  }

  /** Answers GET /oparl/v1/{path}?{query}. */
  async answer(path: string, query: Record<string, unknown>): Promise<OparlAnswer> {
    await this.sync.fresh();
    const list = this.listScope(path);
    if (list) {
      const parsed = parseListQuery(query);
      if ('error' in parsed) return { status: 400, error: parsed.error };
      return this.list(path, list, parsed);
    }
    const file = FILE_BYTES.exec(path);
    if (file) return this.file(file[1]!, file[2] === 'download');
    const [row] = await this.db.query<LedgerRow[]>('SELECT path, kind, data, created, modified, deleted FROM oparl_object WHERE path = $1', [path]);
    return row ? { status: 200, json: this.present(row, false), lastModified: row.modified } : notFound;
  }

  /** The SQL scope of a list URL (null: not a list); always empty for the lists Interkom does not use. */
  private listScope(path: string): ListScope | null {
    if (path === OparlUrls.bodies) return { where: `kind = 'Body'`, params: [], owner: null };
    const group = GROUP_MEETINGS.exec(path);
    if (group) return { where: `kind = 'Meeting' AND $1::uuid = ANY(group_ids)`, params: [group[1]], owner: OparlUrls.group(group[1]!) };
    const body = LIST_PATH.exec(path);
    if (!body || !(body[2]! in BODY_LISTS)) return null;
    const kind = BODY_LISTS[body[2] as BodyList];
    const owner = OparlUrls.body(body[1]!);
    return kind ? { where: 'network_id = $1 AND kind = $2', params: [body[1], kind], owner } : { where: 'false', params: [], owner };
  }

  private async list(path: string, scope: ListScope, q: ListQuery): Promise<OparlAnswer> {
    if (scope.owner) {
      const [owner] = await this.db.query('SELECT 1 FROM oparl_object WHERE path = $1', [scope.owner]);
      if (!owner) return notFound;
    }
    const params = [...scope.params];
    const cond = [scope.where];
    const bind = (sql: string, value: unknown) => {
      params.push(value);
      cond.push(sql.replace('?', `$${params.length}`));
    };
    // The filters are whole seconds, like the created/modified a client sees (§2.4): "until" takes
    // in the whole second it names; "since" compares exactly, which for a whole second is the same.
    if (q.createdSince) bind('created >= ?', q.createdSince);
    if (q.createdUntil) bind(`date_trunc('second', created) <= ?`, q.createdUntil);
    if (q.modifiedSince) bind('modified >= ?', q.modifiedSince);
    if (q.modifiedUntil) bind(`date_trunc('second', modified) <= ?`, q.modifiedUntil);
    // The list's last change counts its deletions too (an object that left it changed it), so
    // Last-Modified moves and If-Modified-Since gets no 304 after a deletion.
    const all = cond.join(' AND ');
    // Deleted objects only for clients that synchronise (OParl 1.1: with modified_since).
    if (!q.modifiedSince) cond.push('NOT deleted');
    const where = cond.join(' AND ');
    const [{ total, before, last }] = await this.db.query<{ total: number; before: number; last: Date | null }[]>(
      `SELECT count(*) FILTER (WHERE ${where})::int AS total, count(*) FILTER (WHERE ${where} AND path <= $${params.length + 1})::int AS before,
              max(modified) AS last
         FROM oparl_object WHERE ${all}`,
      [...params, q.after ?? ''],
    );
    const rows = await this.db.query<LedgerRow[]>(
      `SELECT path, kind, data, created, modified, deleted FROM oparl_object WHERE ${where} AND path > $${params.length + 1}
        ORDER BY path LIMIT $${params.length + 2}`,
      [...params, q.after ?? '', q.limit + 1],
    );
    const page = rows.slice(0, q.limit);
    const link = (after: string | null) => this.urls.url(path) + q.search(after);
    return {
      status: 200,
      lastModified: last,
      json: {
        data: page.map((r) => this.present(r, q.omitInternal)),
        pagination: { totalElements: total, elementsPerPage: q.limit, currentPage: Math.floor(before / q.limit) + 1, totalPages: Math.max(1, Math.ceil(total / q.limit)) },
        links: {
          first: link(null),
          self: link(q.after),
          ...(rows.length > q.limit ? { next: link(page.at(-1)!.path) } : {}),
        },
      },
    };
  }

  /**
   * An object as served: its data plus created and modified (OParl 1.1 §2.4 form, Berlin time; the
   * ledger's instants are formatted here, so rows stored before need nothing), or the deletion
   * marker (§2.8).
   */
  private present(row: LedgerRow, omitInternal: boolean): Record<string, unknown> {
    const times = { created: dateTime(row.created), modified: dateTime(row.modified) };
    if (row.deleted || !row.data) return { id: this.urls.url(row.path), type: OPARL_TYPE(row.kind), ...times, deleted: true };
    const data: Record<string, unknown> = { ...row.data, ...times };
    if (omitInternal && INTERNAL[row.kind]) delete data[INTERNAL[row.kind]!];
    return data;
  }

  /** A published protocol's public rendering (or one of its Berichtigungen), exactly the bytes the File's size and sha512Checksum describe. */
  private async file(protocolId: string, download: boolean): Promise<OparlAnswer> {
    // The bytes come from the ledger row that also holds their size and checksum: they always agree.
    const [row] = await this.db.query<{ deleted: boolean; modified: Date; data: { fileName?: string } | null; content: string | null }[]>(
      'SELECT deleted, modified, data, content FROM oparl_object WHERE path = $1',
      [OparlUrls.file(protocolId)],
    );
    if (!row) return notFound;
    if (row.deleted || row.content === null) return { status: 410, error: 'Diese Datei ist nicht mehr öffentlich.' };
    return {
      status: 200, bytes: fileBytes(row.content), contentType: 'text/markdown; charset=utf-8',
      fileName: download ? (row.data?.fileName ?? 'protokoll.md') : null, lastModified: row.modified,
    };
  }
}
