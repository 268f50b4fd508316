import { describe, expect, it } from '@jest/globals';
import { eventTimes, localTimeIsUnique } from './ical-times.js';

const at = (iso: string) => new Date(iso);
const BERLIN = 'Europe/Berlin';

describe('localTimeIsUnique', () => {
  it('is false for both instants of the repeated hour when the clocks go back (31 October 2027, 03:00 CEST → 02:00 CET)', () => {
    expect(localTimeIsUnique(at('2027-10-31T00:30:00Z'), BERLIN)).toBe(false); // 02:30 CEST
    expect(localTimeIsUnique(at('2027-10-31T01:30:00Z'), BERLIN)).toBe(false); // 02:30 CET
    expect(localTimeIsUnique(at('2027-10-31T00:00:00Z'), BERLIN)).toBe(false); // 02:00 CEST: the hour starts
    expect(localTimeIsUnique(at('2027-10-31T01:59:59Z'), BERLIN)).toBe(false); // 02:59:59 CET
  });

  it('is true right outside the repeated hour, and on ordinary days', () => {
    expect(localTimeIsUnique(at('2027-10-30T23:59:59Z'), BERLIN)).toBe(true); // 01:59:59 CEST
    expect(localTimeIsUnique(at('2027-10-31T02:00:00Z'), BERLIN)).toBe(true); // 03:00 CET
    expect(localTimeIsUnique(at('2027-10-30T00:30:00Z'), BERLIN)).toBe(true);
    expect(localTimeIsUnique(at('2027-07-01T08:00:00Z'), BERLIN)).toBe(true);
  });

  it('is true around the spring gap (28 March 2027, 02:00 CET → 03:00 CEST): an instant never shows a skipped wall time', () => {
    expect(localTimeIsUnique(at('2027-03-28T00:59:59Z'), BERLIN)).toBe(true); // 01:59:59 CET
    expect(localTimeIsUnique(at('2027-03-28T01:00:00Z'), BERLIN)).toBe(true); // 03:00 CEST
    expect(localTimeIsUnique(at('2027-03-28T01:30:00Z'), BERLIN)).toBe(true); // 03:30 CEST, where a series' 02:30 goes
  });

  it('knows other zones\' rules (New York goes back on 7 November 2027 at 02:00 EDT) and zones without a change', () => {
    expect(localTimeIsUnique(at('2027-11-07T05:30:00Z'), 'America/New_York')).toBe(false); // 01:30 EDT
    expect(localTimeIsUnique(at('2027-11-07T06:30:00Z'), 'America/New_York')).toBe(false); // 01:30 EST
    expect(localTimeIsUnique(at('2027-10-31T00:30:00Z'), 'America/New_York')).toBe(true);
    expect(localTimeIsUnique(at('2027-10-31T00:30:00Z'), 'Asia/Tokyo')).toBe(true);
    expect(localTimeIsUnique(at('2027-10-31T00:30:00Z'), 'UTC')).toBe(true);
  });

  it('is false for a zone the runtime does not know (then the caller writes UTC)', () => {
    expect(localTimeIsUnique(at('2027-07-01T08:00:00Z'), 'Mars/Olympus')).toBe(false);
  });
});

describe('eventTimes', () => {
  it('keeps an ordinary meeting local with its TZID', () => {
    const t = eventTimes(at('2027-07-01T08:00:00Z'), at('2027-07-01T09:30:00Z'), BERLIN);
    expect(t.timezone).toBe(BERLIN);
    expect(t.start.toISO()).toBe('2027-07-01T10:00:00.000+02:00');
    expect(t.end.toISO()).toBe('2027-07-01T11:30:00.000+02:00');
  });

  it('writes both times in UTC when the start lies in the repeated hour (02:30 CEST → 02:30 CET, the same wall time twice)', () => {
    const t = eventTimes(at('2027-10-31T00:30:00Z'), at('2027-10-31T01:30:00Z'), BERLIN);
    expect(t.timezone).toBeNull();
    expect(t.start.toISO()).toBe('2027-10-31T00:30:00.000Z');
    expect(t.end.toISO()).toBe('2027-10-31T01:30:00.000Z');
  });

  it('writes both times in UTC when only the end lies in the repeated hour', () => {
    const t = eventTimes(at('2027-10-30T23:00:00Z'), at('2027-10-31T00:45:00Z'), BERLIN); // 01:00 CEST → 02:45 CEST
    expect(t.timezone).toBeNull();
    expect(t.start.toISO()).toBe('2027-10-30T23:00:00.000Z');
  });

  it('keeps a meeting across the spring gap local: 01:30 CET → 03:30 CEST is one hour, and both wall times exist once', () => {
    const t = eventTimes(at('2027-03-28T00:30:00Z'), at('2027-03-28T01:30:00Z'), BERLIN);
    expect(t.timezone).toBe(BERLIN);
    expect(t.end.diff(t.start, 'minutes').minutes).toBe(60);
  });
});
