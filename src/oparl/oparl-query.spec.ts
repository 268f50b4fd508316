import { describe, expect, it } from '@jest/globals';
import { parseListQuery, type ListQuery } from './oparl-query.js';

const parse = (query: Record<string, unknown>) => parseListQuery(query) as ListQuery;

describe('parseListQuery: the list filters (OParl 1.1 §2.5)', () => {
  it('takes RFC 3339 with a fraction or Z, works in whole seconds, and keeps the filters in the §2.4 form in the links', () => {
    const q = parse({ created_since: '2026-01-15T10:00:00.750Z', modified_until: '2026-07-01T12:00:00+02:00', limit: '5' });
    expect(q.createdSince).toEqual(new Date('2026-01-15T10:00:00Z'));
    expect(q.modifiedUntil).toEqual(new Date('2026-07-01T10:00:00Z'));
    const params = new URLSearchParams(q.search('meetings/x'));
    expect(params.get('created_since')).toBe('2026-01-15T11:00:00+01:00');
    expect(params.get('modified_until')).toBe('2026-07-01T12:00:00+02:00');
    expect([params.get('limit'), params.get('after')]).toEqual(['5', 'meetings/x']);
  });

  it('accepts a "+" that arrived as a space, and names a bad parameter in German', () => {
    expect(parse({ modified_since: '2026-01-15T11:00:00 01:00' }).modifiedSince).toEqual(new Date('2026-01-15T10:00:00Z'));
    expect(parseListQuery({ modified_since: 'gestern' })).toEqual({ error: expect.stringMatching(/^modified_since: kein gültiger Zeitpunkt/) });
  });
});
