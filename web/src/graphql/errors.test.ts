import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiProblem, isGeneral, messageFor, readableMessage } from './errors';

const err = (message: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('API problems', () => {
  it('names the field of a domain error and strips its prefix', () => {
    const p = apiProblem(err('title: darf nicht leer sein', { code: 'BAD_USER_INPUT', field: 'title' }));
    expect(messageFor(p, 'title')).toBe('darf nicht leer sein');
    expect(messageFor(p, 'description')).toBeNull();
    expect(isGeneral(p, ['title'])).toBe(false);
    expect(isGeneral(p, ['description'])).toBe(true);
  });

  it('picks the right message from a validation error naming several fields', () => {
    const p = apiProblem(
      err('input.title must not be empty; input.durationMinutes must be at least 1', {
        code: 'BAD_USER_INPUT',
        fields: ['input.title', 'input.durationMinutes'],
      }),
    );
    expect(messageFor(p, 'durationMinutes')).toBe('input.durationMinutes must be at least 1');
  });

  it('keeps the current version of a conflict', () => {
    expect(apiProblem(err('stale', { code: 'CONFLICT', currentVersion: 7 }))).toMatchObject({ code: 'CONFLICT', currentVersion: 7 });
  });

  it('keeps the German message of a rate limit (a 429 whose body has errors)', () => {
    const p = apiProblem(err('Zu viele Anfragen (Suchen). Bitte in 12 Sekunden noch einmal versuchen.', { code: 'RATE_LIMITED', retryAfter: 12 }));
    expect(p).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Zu viele Anfragen/) });
    expect(isGeneral(p, ['query'])).toBe(true);
  });

  it('tells a network failure apart', () => {
    expect(apiProblem(new CombinedError({ networkError: new Error('offline') }))?.code).toBe('NETWORK');
  });

  it('shows a frozen meeting\'s CONFLICT next to its field and never with the raw "meetingId: " prefix', () => {
    const message = 'meetingId: Die Sitzung ist abgeschlossen: das Protokoll ist veröffentlicht. Änderungen gehen als Berichtigung ein.';
    const p = apiProblem(err(message, { code: 'CONFLICT', field: 'meetingId', protocolStatus: 'PUBLISHED' }))!;
    expect(p).toMatchObject({ code: 'CONFLICT', fields: ['meetingId'], protocolStatus: 'PUBLISHED' });
    expect(messageFor(p, 'meetingId')).toBe('Die Sitzung ist abgeschlossen: das Protokoll ist veröffentlicht. Änderungen gehen als Berichtigung ein.');
    expect(readableMessage(p)).not.toMatch(/^meetingId/);
    expect(readableMessage(apiProblem(err('Das Protokoll wurde inzwischen geändert.', { code: 'CONFLICT', currentVersion: 4 }))!)).toBe(
      'Das Protokoll wurde inzwischen geändert.',
    );
  });

  it('shows a wrong date as people say it, next to the field, without type names or the value sent', () => {
    const p = apiProblem(err('startsOn: muss ein Kalenderdatum (Date) im Format JJJJ-MM-TT sein (erhalten: "")', { code: 'BAD_USER_INPUT', field: 'startsOn' }));
    expect(messageFor(p, 'startsOn')).toBe('muss ein gültiges Datum sein');
    const missing = apiProblem(err('title: muss angegeben werden (Typ String!)', { code: 'BAD_USER_INPUT', field: 'title' }));
    expect(messageFor(missing, 'title')).toBe('muss angegeben werden');
    expect(readableMessage(apiProblem(err('at: muss ein Zeitpunkt (DateTime) nach ISO 8601 mit Zeitzone sein, z. B. 2026-03-10T10:00:00+01:00 (erhalten: "x")', { code: 'BAD_USER_INPUT', field: 'at' }))!)).toBe(
      'muss ein gültiger Zeitpunkt sein',
    );
  });
});
