import { describe, expect, it } from '@jest/globals';
import { checkSchedule, germanDateTime, isTimeZone, meetingStatus } from './meeting-rules.js';

const at = (iso: string) => new Date(iso);

describe('checkSchedule', () => {
  it('accepts a normal meeting', () => {
    expect(() => checkSchedule(at('2026-03-03T09:00:00Z'), at('2026-03-03T10:30:00Z'), 'Europe/Berlin')).not.toThrow();
  });

  it.each([
    ['end before start', '2026-03-03T10:00:00Z', '2026-03-03T09:00:00Z', 'Europe/Berlin', /endsAt: muss nach dem Beginn/],
    ['end equal to start', '2026-03-03T10:00:00Z', '2026-03-03T10:00:00Z', 'Europe/Berlin', /endsAt: muss nach dem Beginn/],
    ['more than 24 hours', '2026-03-03T10:00:00Z', '2026-03-04T10:00:01Z', 'Europe/Berlin', /endsAt: eine Sitzung darf höchstens 24 Stunden dauern/],
    ['an unknown zone', '2026-03-03T10:00:00Z', '2026-03-03T11:00:00Z', 'Europe/Karlsruhe', /^timeZone: „Europe\/Karlsruhe“ ist keine IANA-Zeitzone/],
  ])('refuses %s', (_what, start, end, zone, message) => {
    expect(() => checkSchedule(at(start), at(end), zone)).toThrow(message);
  });
});

describe('isTimeZone', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mitteleuropa')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('meetingStatus', () => {
  const now = at('2026-06-01T12:00:00Z');
  it('is HELD only once ended and with attendance or a protocol', () => {
    expect(meetingStatus({ cancelled: false, endsAt: at('2026-06-01T11:00:00Z'), hasRecord: true }, now)).toBe('HELD');
    expect(meetingStatus({ cancelled: false, endsAt: at('2026-06-01T11:00:00Z'), hasRecord: false }, now)).toBe('SCHEDULED');
    expect(meetingStatus({ cancelled: false, endsAt: at('2026-06-01T13:00:00Z'), hasRecord: true }, now)).toBe('SCHEDULED');
    expect(meetingStatus({ cancelled: true, endsAt: at('2026-06-01T11:00:00Z'), hasRecord: true }, now)).toBe('CANCELLED');
  });
});

describe('germanDateTime', () => {
  it('writes the local wall-clock time of the zone, in summer and in winter', () => {
    expect(germanDateTime(at('2026-03-10T09:00:00Z'), 'Europe/Berlin')).toBe('10.03.2026, 10:00 Uhr');
    expect(germanDateTime(at('2026-07-10T08:00:00Z'), 'Europe/Berlin')).toBe('10.07.2026, 10:00 Uhr');
    expect(germanDateTime(at('2026-07-10T08:00:00Z'), 'UTC')).toBe('10.07.2026, 08:00 Uhr');
  });
});
