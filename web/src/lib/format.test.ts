import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRange, localDate, localToIso, zoneNote } from './format';

describe('German dates', () => {
  it('formats a meeting on one day with one time range', () => {
    expect(formatRange('2026-12-03T09:00:00Z', '2026-12-03T10:30:00Z', 'Europe/Berlin', 'Europe/Berlin')).toBe('Do., 3. Dezember 2026, 10:00–11:30 Uhr');
  });

  it('names the zone only for a reader elsewhere, in 24-hour time', () => {
    expect(formatRange('2026-12-03T09:00:00Z', '2026-12-03T10:30:00Z', 'Europe/Berlin', 'America/New_York')).toBe(
      'Do., 3. Dezember 2026, 10:00–11:30 Uhr (Ortszeit Berlin)',
    );
    expect(formatDateTime('2026-12-03T21:00:00Z', 'America/New_York', 'Europe/Berlin')).toBe('Do., 3. Dezember 2026 um 16:00 Uhr (Ortszeit New York)');
    expect(zoneNote('Europe/Berlin', 'Europe/Berlin')).toBe('');
  });

  it('formats calendar dates short and long', () => {
    expect(formatDate('2026-12-03')).toBe('03.12.2026');
    expect(formatDate('2026-12-03', true)).toBe('Donnerstag, 3. Dezember 2026');
  });

  it('turns Berlin wall-clock time into instants across daylight saving time', () => {
    expect(localToIso('2026-12-03', '10:00')).toBe('2026-12-03T09:00:00.000Z');
    expect(localToIso('2027-07-01', '10:00')).toBe('2027-07-01T08:00:00.000Z');
    expect(localToIso('2027-03-28', '10:00')).toBe('2027-03-28T08:00:00.000Z'); // the day clocks go forward
    expect(localDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
  });
});
