import { describe, expect, it } from '@jest/globals';
import { dateTime, nonEmpty } from './oparl-format.js';

describe('dateTime: the one OParl 1.1 §2.4 form, yyyy-mm-ddThh:mm:ss±hh:mm', () => {
  it('writes Berlin time with its offset, winter and summer, and cuts the fraction (never rounds up)', () => {
    expect(dateTime(new Date('2026-01-15T10:00:00.999Z'))).toBe('2026-01-15T11:00:00+01:00');
    expect(dateTime(new Date('2026-07-01T10:00:59.5Z'))).toBe('2026-07-01T12:00:59+02:00');
  });

  it('writes the given zone; UTC as +00:00, never Z; a zone luxon does not know falls back to Berlin', () => {
    expect(dateTime(new Date('2026-03-12T09:00:00.123Z'), 'UTC')).toBe('2026-03-12T09:00:00+00:00');
    expect(dateTime(new Date('2026-03-12T09:00:00Z'), 'America/New_York')).toBe('2026-03-12T05:00:00-04:00');
    expect(dateTime(new Date('2026-03-12T09:00:00Z'), 'Mars/Olympus')).toBe('2026-03-12T10:00:00+01:00');
  });

  it('keeps the offset of each side of the autumn night', () => {
    expect(dateTime(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(dateTime(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
  });
});

describe('nonEmpty', () => {
  it('leaves out an empty list (§2.4) and keeps one with items', () => {
    expect({ a: 1, ...nonEmpty('membership', []) }).toEqual({ a: 1 });
    expect(nonEmpty('membership', ['x'])).toEqual({ membership: ['x'] });
  });
});
