import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../auth/viewer.js';
import { badInput } from '../../common/domain-error.js';
import { atMostChars, de } from '../../common/validators.js';
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
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** At most this many vocabulary stems stand for one query stem (the shortest, i.e. closest, ones). */
const MAX_EXPANSION = 300;
/** Stems at least this long are looked up by similarity when no text contains them (a typo). */
const MIN_TYPO = 5;
/** How alike (pg_trgm similarity, 0..1) a known stem must be to stand for a mistyped one. */
const SIMILARITY = 0.5;
/** A typo changes a few letters: a known stem longer or shorter by more is another word ("gemeinderatssitz" is not "gemeinderat"). */
const MAX_LENGTH_DIFF = 2;
/** At most this many known stems stand for one mistyped stem. */
const MAX_TYPO_EXPANSION = 5;
/** Stems as the German parser makes them from words; only these are written into a tsquery literal. */
const isPlainLexeme = (l: string) => /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(l);

/**
 * German full-text search over project profiles, in PostgreSQL (the same on the embedded PGlite).
 * The query is folded and stemmed by the database (interkom_fold + the German snowball stemmer);
 * every stem must match (AND): as a lexeme of the weighted vector, a stem of 4+ letters also as a
 * part of a longer stem (the vocabulary's trigram index expands it), so "konferenz" finds
 * "Videokonferenzsystem". Matching runs on the vector's GIN index only. Rank: per stem 1.0 when in
 * the title, 0.4 in summary or tags, 0.1 in the body; ties by recency. Visibility is part of the
 * WHERE clause, so `total` counts only what the caller may see. A stem no text contains (a typo,
 * "Bürgerbeteilung") is replaced by the most similar known stems (pg_trgm), ranked at half weight. Filters combine with AND
 * (fieldOfActionKeys: any of the listed fields).
 */
/** How deep the search pages: ranking every match costs more the further one goes. */
export const MAX_SEARCH_OFFSET = 10_000;

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
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badInput('limit', 'muss zwischen 1 und 100 liegen');
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_SEARCH_OFFSET) throw badInput('offset', `muss zwischen 0 und ${de(MAX_SEARCH_OFFSET)} liegen`);
    if (args.query && args.query.length > 200) throw badInput('query', atMostChars(200));
    // Plain arguments bypass the input validation; PostgreSQL refuses NUL in text.
    if (args.query && CONTROL_RE.test(args.query)) throw badInput('query', 'darf keine Steuerzeichen enthalten');
    if (args.federalState != null && !FEDERAL_STATE_RE.test(args.federalState)) throw badInput('federalState', 'muss ein ISO-3166-2-Code wie DE-BW sein');

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
    const highlight = [...stems];
    const rank = stems.length ? await this.match(stems, where, params, highlight) : '0';
    params.push(limit, offset);
    // One statement: the total (all matches the caller may see) and the page, also past the end.
    const rows = await this.db.query<{ id: string | null; rank: number; total: number }[]>(
      `WITH matched AS MATERIALIZED (
         SELECT p.id, (${rank})::float8 AS rank, p.updated_at FROM project_profile p WHERE ${where.join(' AND ')}),
       page AS (SELECT id, rank FROM matched ORDER BY rank DESC, updated_at DESC, id LIMIT $${params.length - 1} OFFSET $${params.length})
       SELECT (SELECT count(*)::int FROM matched) AS total, page.id, page.rank FROM (SELECT 1) AS one LEFT JOIN page ON TRUE`,
      params,
    );
    const total = rows[0].total;
    const page = rows.filter((r): r is typeof r & { id: string } => r.id !== null);
    const profiles = await this.profiles.many(page.map((r) => r.id));
    const rankOf = new Map(page.map((r) => [r.id, r.rank]));
    const hits: ProjectProfileHitModel[] = profiles.map((profile) => ({
      profile,
      rank: rankOf.get(profile.id) ?? 0,
      snippet: snippet([profile.summary, profile.body, profile.title], highlight) ?? null,
    }));
    return { total, hits };
  }

  /** The query's stems as the database makes them (stop words dropped), the longest first. */
  private async stems(query: string): Promise<string[]> {
    const [row] = await this.db.query<{ stems: string[] }[]>(`SELECT tsvector_to_array(to_tsvector('german', interkom_fold($1))) AS stems`, [query]);
    return row.stems.filter(isPlainLexeme).sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, MAX_TERMS);
  }

  /**
   * Adds one condition per stem to `where` and returns the rank expression. A stem of 4+ letters
   * stands for every stem of the vocabulary that contains it; the weight labels of the vector say
   * where it occurs (A title, B summary and tags, C body). Stems found by similarity are added to
   * `highlight` (for the snippet).
   */
  private async match(stems: string[], where: string[], params: unknown[], highlight: string[]): Promise<string> {
    // Every stem's expansions at once (one wave of reads, read-batch.ts), the typo lookup beside them.
    const expanded = await Promise.all(
      stems.map(async (stem) => {
        const [lexemes, similar] = await Promise.all([
          stem.length >= MIN_PART ? this.containing(stem) : [stem],
          stem.length >= MIN_TYPO ? this.similar(stem) : null,
        ]);
        return { lexemes, similar };
      }),
    );
    const parts: string[] = [];
    for (const { lexemes: found, similar } of expanded) {
      let lexemes = found;
      // A stem no text contains is most likely mistyped: the closest stems stand for it, at half weight.
      const fuzzy = lexemes.length === 1 && similar;
      if (fuzzy && fuzzy.length) highlight.push(...(lexemes = fuzzy));
      const query = (weight: string) => lexemes.map((l) => `'${l}'${weight}`).join(' | ');
      params.push(query(''), query(':A'), query(':B'));
      const [any, a, b] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}::tsquery`);
      const scale = fuzzy && fuzzy.length ? 0.5 : 1;
      where.push(`p.search_vector @@ ${any}`);
      parts.push(`CASE WHEN p.search_vector @@ ${a} THEN ${1.0 * scale} WHEN p.search_vector @@ ${b} THEN ${0.4 * scale} ELSE ${0.1 * scale} END`);
    }
    return parts.join(' + ');
  }

  /**
   * For a stem the vocabulary does not know (nor any stem containing it): the known stems most like
   * it by trigram similarity (pg_trgm's `%` on the same trigram index, at least SIMILARITY alike and
   * about as long),
   * or null when it is known. "burgerbeteil" (from "Bürgerbeteilung") finds "burgerbeteilig".
   * It runs beside the stem's expansion (match): when a longer known stem contains it, the
   * similarity lookup is skipped in the same statement (the answer would not be used).
   */
  private async similar(stem: string): Promise<string[] | null> {
    const rows = await this.db.query<{ lexeme: string; known: boolean }[]>(
      `SELECT lexeme, lexeme = $1 AS known FROM search_lexeme WHERE lexeme % $1 AND similarity(lexeme, $1) >= ${SIMILARITY} AND abs(length(lexeme) - length($1)) <= ${MAX_LENGTH_DIFF}
          AND NOT EXISTS (SELECT 1 FROM search_lexeme x WHERE x.lexeme LIKE $2 AND x.lexeme <> $1)
        ORDER BY lexeme = $1 DESC, similarity(lexeme, $1) DESC, lexeme LIMIT ${MAX_TYPO_EXPANSION}`,
      [stem, `%${escapeLike(stem)}%`],
    );
    if (rows.some((r) => r.known)) return null;
    return rows.map((r) => r.lexeme).filter(isPlainLexeme);
  }

  /** The stems of the vocabulary that contain `stem` (itself included), through the trigram index. */
  private async containing(stem: string): Promise<string[]> {
    const rows = await this.db.query<{ lexeme: string }[]>(
      `SELECT lexeme FROM search_lexeme WHERE lexeme LIKE $1 ORDER BY length(lexeme), lexeme LIMIT ${MAX_EXPANSION}`,
      [`%${escapeLike(stem)}%`],
    );
    return [...new Set([stem, ...rows.map((r) => r.lexeme)])].filter(isPlainLexeme);
  }
}
