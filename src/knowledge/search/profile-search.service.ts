import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../auth/viewer.js';
import { badInput } from '../../common/domain-error.js';
import { FieldsOfActionService } from '../fields-of-action.service.js';
import type { ProjectStatus } from '../knowledge.enums.js';
import type { ProjectProfileHitModel, ProjectProfileSearchModel } from '../knowledge.models.js';
import { ProfilesService } from '../profiles.service.js';
import { visibleSql } from '../visibility.js';
import { escapeLike, MIN_PART, snippet } from './search-text.js';

export interface SearchArgs {
  query?: string | null;
  fieldOfActionKeys?: string[] | null;
  federalState?: string | null;
  status?: ProjectStatus | null;
  limit?: number | null;
  offset?: number | null;
}

/** At most this many stems of a query count (the longest, i.e. most specific, ones). */
const MAX_TERMS = 8;
const FEDERAL_STATE_RE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/**
 * German full-text search over project profiles, in PostgreSQL (the same on the embedded PGlite).
 * The query is folded and stemmed by the database (interkom_fold + the German snowball stemmer);
 * every stem must match (AND): as a lexeme of the weighted vector, or, for stems of 4+ letters, as a
 * part of a word of the folded text (trigram index), so "konferenz" finds "Videokonferenzsystem".
 * Rank: per stem 1.0 when in the title, 0.4 in summary or tags, 0.1 in the body, plus a small
 * ts_rank share for frequency. Visibility is part of the WHERE clause, so `total` counts only what
 * the caller may see. Filters combine with AND (fieldOfActionKeys: any of the listed fields).
 */
@Injectable()
export class ProfileSearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly fields: FieldsOfActionService,
    private readonly profiles: ProfilesService,
  ) {}

  async search(viewer: Viewer | undefined, args: SearchArgs): Promise<ProjectProfileSearchModel> {
    const limit = args.limit ?? 20;
    const offset = args.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badInput('limit', 'must be between 1 and 100');
    if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) throw badInput('offset', 'must be between 0 and 10000');
    if (args.query && args.query.length > 200) throw badInput('query', 'must be at most 200 characters');
    if (args.federalState != null && !FEDERAL_STATE_RE.test(args.federalState)) throw badInput('federalState', 'must be an ISO 3166-2 code such as DE-BW');

    const params: unknown[] = [];
    const where = [await visibleSql(viewer, 'p', params)];
    if (args.fieldOfActionKeys?.length) {
      const fields = await this.fields.byKeys(args.fieldOfActionKeys, 'fieldOfActionKeys');
      params.push(fields.map((f) => f.id));
      where.push(`EXISTS (SELECT 1 FROM project_profile_field pf WHERE pf.profile_id = p.id AND pf.field_of_action_id = ANY($${params.length}::uuid[]))`);
    }
    if (args.federalState) {
      params.push(args.federalState);
      where.push(`EXISTS (SELECT 1 FROM project_profile_organization po JOIN organization o ON o.id = po.organization_id
                          WHERE po.profile_id = p.id AND o.federal_state = $${params.length})`);
    }
    if (args.status) {
      params.push(args.status);
      where.push(`p.status = $${params.length}`);
    }
    const stems = args.query?.trim() ? await this.stems(args.query) : [];
    const rank = stems.length ? this.match(stems, where, params) : '0';
    params.push(limit, offset);
    const rows = await this.db.query<{ id: string; rank: number; total: number }[]>(
      `SELECT p.id, (${rank})::float8 AS rank, count(*) OVER ()::int AS total
         FROM project_profile p
        WHERE ${where.join(' AND ')}
        ORDER BY rank DESC, p.updated_at DESC, p.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows[0]?.total ?? (offset > 0 ? await this.count(where, params.slice(0, -2)) : 0);
    const profiles = await this.profiles.many(rows.map((r) => r.id));
    const rankOf = new Map(rows.map((r) => [r.id, r.rank]));
    const hits: ProjectProfileHitModel[] = profiles.map((profile) => ({
      profile,
      rank: rankOf.get(profile.id) ?? 0,
      snippet: snippet([profile.summary, profile.body, profile.title], stems) ?? null,
    }));
    return { total, hits };
  }

  /** The query's stems as the database makes them (stop words dropped), the longest first. */
  private async stems(query: string): Promise<string[]> {
    const [row] = await this.db.query<{ stems: string[] }[]>(`SELECT tsvector_to_array(to_tsvector('german', interkom_fold($1))) AS stems`, [query]);
    return [...row.stems].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, MAX_TERMS);
  }

  /** Adds one condition per stem to `where` and returns the rank expression. */
  private match(stems: string[], where: string[], params: unknown[]): string {
    const parts: string[] = [];
    const lexemes: string[] = [];
    for (const stem of stems) {
      params.push(stem);
      const lexeme = `plainto_tsquery('simple', $${params.length})`;
      lexemes.push(lexeme);
      if (stem.length >= MIN_PART) {
        params.push(`%${escapeLike(stem)}%`);
        const like = `$${params.length}`;
        where.push(`(p.search_vector @@ ${lexeme} OR p.search_text LIKE ${like})`);
        parts.push(`CASE WHEN p.search_title LIKE ${like} THEN 1.0 WHEN p.search_summary LIKE ${like} THEN 0.4 ELSE 0.1 END`);
      } else {
        where.push(`p.search_vector @@ ${lexeme}`);
        parts.push(`CASE WHEN ts_filter(p.search_vector, '{a}') @@ ${lexeme} THEN 1.0 WHEN ts_filter(p.search_vector, '{b}') @@ ${lexeme} THEN 0.4 ELSE 0.1 END`);
      }
    }
    return `${parts.join(' + ')} + 0.05 * ts_rank('{0.1, 0.2, 0.4, 1.0}', p.search_vector, ${lexemes.join(' && ')}, 32)`;
  }

  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM project_profile p WHERE ${where.join(' AND ')}`, params);
    return row.n;
  }
}
