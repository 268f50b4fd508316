import { dateTime } from './view/oparl-format.js';

/**
 * A list request's filters (OParl 1.1 §2.5), checked, in whole seconds: the API writes every
 * date-time in whole seconds (§2.4), so a filter compares with what a client saw.
 */
export interface ListQuery {
  createdSince: Date | null;
  createdUntil: Date | null;
  modifiedSince: Date | null;
  modifiedUntil: Date | null;
  limit: number;
  /** The path of the last object of the previous page (keyset pagination: stable while the list changes). */
  after: string | null;
  omitInternal: boolean;
  /** The query string of a page of this list, filters kept (`?…` or ''). */
  search(after: string | null): string;
}

export const MAX_LIMIT = 100;
const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
/** RFC 3339 date-time with an offset ("+" may arrive as a space when a client did not encode it). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const AFTER = /^[a-z0-9/-]{1,200}$/;

/** Parses the list parameters; an error names the parameter, in German. */
export function parseListQuery(query: Record<string, unknown>): ListQuery | { error: string } {
  const one = (name: string): string | undefined => {
    const v = query[name];
    return Array.isArray(v) ? String(v[0]) : v === undefined ? undefined : String(v);
  };
  const dates: Partial<Record<(typeof FILTERS)[number], Date>> = {};
  for (const name of FILTERS) {
    const raw = one(name)?.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
    if (raw === undefined || raw === '') continue;
    const at = DATE_TIME.test(raw) ? new Date(raw) : null;
    if (!at || Number.isNaN(at.getTime())) return { error: `${name}: kein gültiger Zeitpunkt; erwartet wird RFC 3339 mit Zeitzone, z. B. 2026-01-01T00:00:00+01:00` };
    // A fraction is cut: the next pages' links carry the filter in the §2.4 form (whole seconds),
    // and every page must count the same list.
    dates[name] = new Date(Math.floor(at.getTime() / 1000) * 1000);
  }
  const rawLimit = one('limit');
  let limit = MAX_LIMIT;
  if (rawLimit !== undefined && rawLimit !== '') {
    if (!/^\d{1,6}$/.test(rawLimit)) return { error: 'limit: muss eine ganze Zahl sein' };
    // A server need not follow a client's limit (OParl 1.1): kept between 1 and 100.
    limit = Math.min(MAX_LIMIT, Math.max(1, Number(rawLimit)));
  }
  const after = one('after');
  if (after !== undefined && !AFTER.test(after)) return { error: 'after: kein gültiger Listenzeiger' };
  const omitInternal = one('omit_internal') === 'true';
  const kept = new URLSearchParams();
  for (const name of FILTERS) if (dates[name]) kept.set(name, dateTime(dates[name]!));
  if (rawLimit !== undefined && rawLimit !== '') kept.set('limit', String(limit));
  if (omitInternal) kept.set('omit_internal', 'true');
  return {
    createdSince: dates.created_since ?? null,
    createdUntil: dates.created_until ?? null,
    modifiedSince: dates.modified_since ?? null,
    modifiedUntil: dates.modified_until ?? null,
    limit,
    after: after ?? null,
    omitInternal,
    search(afterPath) {
      const params = new URLSearchParams(kept);
      if (afterPath) params.set('after', afterPath);
      const s = params.toString();
      return s ? `?${s}` : '';
    },
  };
}
