// The Steckbrief search's baseline (issue 24): the hub's ranking (src/knowledge/search/): the query's
// stems from PostgreSQL's German stemmer, each stem of 4+ letters expanded to the vocabulary's stems
// that contain it, a stem no text contains replaced by the most similar known stems at half weight;
// rank per stem 1.0 title, 0.4 summary or tags, 0.1 body; the snippet from the same pure function.
// Statements: the caller and the vocabulary side by side, then one for the total, the page and the
// profiles with their organizations and fields (plus one for the similar stems when a stem is unknown).
import { MIN_PART, snippet } from '../../../src/knowledge/search/search-text.js';
import { type Baseline, type RegisterRoutes, sendData, variablesOf } from './common.js';
import { hubAdminOf } from './small-pages.js';

// The hub's constants (private to profile-search.service.ts), repeated.
const MAX_TERMS = 8;
const MAX_EXPANSION = 300;
const MIN_TYPO = 5;
const SIMILARITY = 0.5;
const MAX_LENGTH_DIFF = 2;
const MAX_TYPO_EXPANSION = 5;
const isPlainLexeme = (l: string) => /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(l);

interface SearchVariables {
  query?: string | null;
  fields?: string[] | null;
  state?: string | null;
  status?: string | null;
  offset?: number | null;
}

/** Every stem of the query with the vocabulary's stems containing it (4+ letters; by length, then name). */
const VOCABULARY = `
  SELECT s.stem, CASE WHEN length(s.stem) >= ${MIN_PART} THEN array(
           SELECT lexeme FROM search_lexeme WHERE lexeme LIKE '%' || replace(replace(replace(s.stem, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
            ORDER BY length(lexeme), lexeme LIMIT ${MAX_EXPANSION}) END AS containing
    FROM unnest(tsvector_to_array(to_tsvector('german', interkom_fold($1)))) AS s(stem)`;

/** For each unknown stem: the known stems most like it (none when it is known after all). */
const SIMILAR = `
  SELECT s.stem, array(
           SELECT lexeme FROM search_lexeme WHERE lexeme % s.stem AND similarity(lexeme, s.stem) >= ${SIMILARITY} AND abs(length(lexeme) - length(s.stem)) <= ${MAX_LENGTH_DIFF}
            ORDER BY lexeme = s.stem DESC, similarity(lexeme, s.stem) DESC, lexeme LIMIT ${MAX_TYPO_EXPANSION}) AS lexemes
    FROM unnest($1::text[]) AS s(stem)`;

/** Each chosen stem with the lexemes that stand for it and whether they were found by similarity. */
async function terms(base: Baseline, query: string): Promise<{ stem: string; lexemes: string[]; fuzzy: boolean }[]> {
  const rows = await base.q<{ stem: string; containing: string[] | null }>(VOCABULARY, [query]);
  const chosen = rows.filter((r) => isPlainLexeme(r.stem)).sort((a, b) => b.stem.length - a.stem.length || a.stem.localeCompare(b.stem)).slice(0, MAX_TERMS);
  const terms = chosen.map((r) => ({ stem: r.stem, lexemes: r.containing ? [...new Set([r.stem, ...r.containing])].filter(isPlainLexeme) : [r.stem], fuzzy: false }));
  const unknown = terms.filter((t) => t.lexemes.length === 1 && t.stem.length >= MIN_TYPO);
  if (unknown.length) {
    const similar = new Map((await base.q<{ stem: string; lexemes: string[] }>(SIMILAR, [unknown.map((t) => t.stem)])).map((r) => [r.stem, r.lexemes]));
    for (const t of unknown) {
      const found = similar.get(t.stem) ?? [];
      if (found.includes(t.stem)) continue; // known: it stands for itself
      const lexemes = found.filter(isPlainLexeme);
      if (lexemes.length) Object.assign(t, { lexemes, fuzzy: true });
    }
  }
  return terms;
}

interface HitRow {
  total: number; id: string | null; rank: number; title: string; summary: string; body: string | null; status: string; visibility: string;
  organizations: { id: string; name: string }[]; fields: { id: string; name: string }[];
}

async function search(base: Baseline, authorization: string | undefined, v: SearchVariables) {
  const [me, found] = await Promise.all([base.viewer(authorization), v.query?.trim() ? terms(base, v.query) : []]);
  const params: unknown[] = [];
  const where: string[] = [];
  if (!hubAdminOf(authorization)) {
    params.push(me.id);
    // PUBLIC and HUB: every signed-in person; NETWORK: the network's role holders; always the creator.
    where.push(`(p.visibility IN ('PUBLIC', 'HUB') OR p.network_id IN (SELECT network_id FROM network_role WHERE person_id = $1) OR p.created_by_id = $1)`);
  }
  if (v.fields?.length) {
    params.push(v.fields);
    where.push(`EXISTS (SELECT 1 FROM project_profile_field pf JOIN field_of_action f ON f.id = pf.field_of_action_id WHERE pf.profile_id = p.id AND f.key = ANY($${params.length}))`);
  }
  if (v.state) {
    params.push(v.state);
    where.push(`EXISTS (SELECT 1 FROM project_profile_organization po JOIN organization o ON o.id = po.organization_id WHERE po.profile_id = p.id AND o.federal_state = $${params.length})`);
  }
  if (v.status) {
    params.push(v.status);
    where.push(`p.status = $${params.length}`);
  }
  const parts = found.map((t) => {
    const query = (weight: string) => t.lexemes.map((l) => `'${l}'${weight}`).join(' | ');
    params.push(query(''), query(':A'), query(':B'));
    const [any, a, b] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}::tsquery`);
    const scale = t.fuzzy ? 0.5 : 1;
    where.push(`p.search_vector @@ ${any}`);
    return `CASE WHEN p.search_vector @@ ${a} THEN ${1.0 * scale} WHEN p.search_vector @@ ${b} THEN ${0.4 * scale} ELSE ${0.1 * scale} END`;
  });
  params.push(20, v.offset ?? 0);
  const rows = await base.q<HitRow>(
    `WITH matched AS MATERIALIZED (
       SELECT p.id, (${parts.join(' + ') || '0'})::float8 AS rank, p.updated_at FROM project_profile p WHERE ${where.join(' AND ') || 'TRUE'}),
     page AS (SELECT id, rank, updated_at FROM matched ORDER BY rank DESC, updated_at DESC, id LIMIT $${params.length - 1} OFFSET $${params.length})
     SELECT (SELECT count(*)::int FROM matched) AS total, page.id, page.rank, p.title, p.summary, p.body, p.status, p.visibility,
            coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY po.position)
                        FROM project_profile_organization po JOIN organization o ON o.id = po.organization_id WHERE po.profile_id = p.id), '[]') AS organizations,
            coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name) ORDER BY f.position, f.name)
                        FROM project_profile_field pf JOIN field_of_action f ON f.id = pf.field_of_action_id WHERE pf.profile_id = p.id), '[]') AS fields
       FROM (SELECT 1) AS one LEFT JOIN page ON TRUE LEFT JOIN project_profile p ON p.id = page.id
      ORDER BY page.rank DESC, page.updated_at DESC, page.id`,
    params,
  );
  // The snippet marks the stems and, after them, what stands for the unknown ones.
  const highlight = [...found.map((t) => t.stem), ...found.filter((t) => t.fuzzy).flatMap((t) => t.lexemes)];
  return {
    total: rows[0].total,
    hits: rows.filter((r) => r.id !== null).map((r) => ({
      rank: r.rank,
      snippet: snippet([r.summary, r.body, r.title], highlight) ?? null,
      profile: { id: r.id, title: r.title, summary: r.summary, status: r.status, visibility: r.visibility, organizations: r.organizations, fieldsOfAction: r.fields },
    })),
  };
}

export const registerSearch: RegisterRoutes = (app, base) => {
  app.post('/page/SearchProfiles', async (req, reply) =>
    sendData(reply, { searchProjectProfiles: await search(base, req.headers.authorization, variablesOf<SearchVariables>(req.body)) }));
};
