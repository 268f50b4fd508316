import { describe, expect, it } from '@jest/globals';
import { holidayName } from './holidays.js';
import { expandSeries, localToInstant, nextWorkingDay, parseRule, type SeriesDefinition } from './recurrence.js';

const jourFixe: SeriesDefinition = {
  rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
  anchorOn: '2026-01-06',
  startTime: '10:00',
  durationMinutes: 60,
  timeZone: 'Europe/Berlin',
  until: null,
  holidayPolicy: 'IGNORE',
  holidayRegions: ['DE-BW'],
};
const utc = (d: Date) => d.toISOString();

describe('daylight-saving changes keep the local wall-clock time', () => {
  it('10:00 in Berlin is 09:00Z in winter and 08:00Z in summer, in March, July and November', async () => {
    const { occurrences } = await expandSeries({ ...jourFixe, rrule: 'FREQ=MONTHLY;BYMONTHDAY=10', anchorOn: '2026-01-10' }, '2026-01-01', '2026-12-31');
    const at = (date: string) => utc(occurrences.find((o) => o.date === date)!.startsAt);
    expect(at('2026-03-10')).toBe('2026-03-10T09:00:00.000Z');
    expect(at('2026-07-10')).toBe('2026-07-10T08:00:00.000Z');
    expect(at('2026-11-10')).toBe('2026-11-10T09:00:00.000Z');
  });

  it('spring forward (29 March 2026): the days before and after keep 10:00 local', async () => {
    const { occurrences } = await expandSeries({ ...jourFixe, rrule: 'FREQ=DAILY', anchorOn: '2026-03-28' }, '2026-03-28', '2026-03-30');
    expect(occurrences.map((o) => utc(o.startsAt))).toEqual(['2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z']);
  });

  it('fall back (25 October 2026): the days before and after keep 10:00 local', async () => {
    const { occurrences } = await expandSeries({ ...jourFixe, rrule: 'FREQ=DAILY', anchorOn: '2026-10-24' }, '2026-10-24', '2026-10-26');
    expect(occurrences.map((o) => utc(o.startsAt))).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z']);
  });

  it('a time inside the spring-forward gap moves forward, a time in the repeated hour takes the first', async () => {
    expect(utc(localToInstant('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(utc(localToInstant('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
  });

  it('keeps durations in real time across the change', async () => {
    const { occurrences } = await expandSeries({ ...jourFixe, rrule: 'FREQ=DAILY', anchorOn: '2026-03-29', durationMinutes: 90 }, '2026-03-29', '2026-03-29');
    expect(occurrences[0].endsAt.getTime() - occurrences[0].startsAt.getTime()).toBe(90 * 60_000);
  });
});

describe('a 14-day rule over a year', () => {
  it('gives every other Tuesday, 26 of them, all at 10:00 local', async () => {
    const { occurrences } = await expandSeries(jourFixe, '2026-01-01', '2026-12-31');
    expect(occurrences).toHaveLength(26);
    expect(occurrences[0].date).toBe('2026-01-06');
    expect(occurrences.at(-1)!.date).toBe('2026-12-22');
    for (const [i, o] of occurrences.entries()) {
      expect(new Date(`${o.date}T00:00:00Z`).getUTCDay()).toBe(2);
      if (i > 0) expect((Date.parse(o.date) - Date.parse(occurrences[i - 1].date)) / 86_400_000).toBe(14);
      const local = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(o.startsAt);
      expect(local).toBe('10:00');
    }
  });

  it('honours until', async () => {
    expect((await expandSeries({ ...jourFixe, until: '2026-02-03' }, '2026-01-01', '2026-12-31')).occurrences.map((o) => o.date)).toEqual([
      '2026-01-06', '2026-01-20', '2026-02-03',
    ]);
  });
});

describe('German public holidays', () => {
  it('knows Corpus Christi in DE-BW and DE-RP but not in DE-BE', async () => {
    expect(holidayName('2026-06-04', ['DE-BW'])).toBe('Fronleichnam');
    expect(holidayName('2026-06-04', ['DE-RP'])).toBe('Fronleichnam');
    expect(holidayName('2026-06-04', ['DE-BE'])).toBeNull();
  });

  it('knows Whit Monday everywhere, Christmas, Boxing Day and New Year, but not Christmas Eve', async () => {
    expect(holidayName('2026-05-25', ['DE-BW'])).toBe('Pfingstmontag');
    expect(holidayName('2026-05-25', ['DE-RP'])).toBe('Pfingstmontag');
    expect(holidayName('2026-12-25', ['DE-RP'])).toBe('1. Weihnachtstag');
    expect(holidayName('2026-12-26', ['DE-BW'])).toBe('2. Weihnachtstag');
    expect(holidayName('2027-01-01', ['DE-BW'])).toBe('Neujahr');
    expect(holidayName('2026-12-24', ['DE-BW', 'DE-RP'])).toBeNull(); // Heiligabend is no public holiday
  });

  it('SKIP drops Corpus Christi and Whit Monday and says why', async () => {
    const weekly = { ...jourFixe, rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', anchorOn: '2026-05-01', holidayPolicy: 'SKIP' as const, holidayRegions: ['DE-BW', 'DE-RP'] };
    const { occurrences, skipped } = await expandSeries(weekly, '2026-05-20', '2026-06-08');
    expect(skipped).toEqual([
      { date: '2026-05-25', reason: 'Pfingstmontag' },
      { date: '2026-06-04', reason: 'Fronleichnam' },
    ]);
    expect(occurrences.map((o) => o.date)).toEqual(['2026-05-21', '2026-05-28', '2026-06-01', '2026-06-08']);
  });

  it('SKIP drops 25 and 26 December and New Year, IGNORE keeps them', async () => {
    const daily = { ...jourFixe, rrule: 'FREQ=DAILY', anchorOn: '2026-12-24', holidayPolicy: 'SKIP' as const };
    const { occurrences, skipped } = await expandSeries(daily, '2026-12-24', '2027-01-01');
    expect(skipped.map((s) => s.date)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
    expect(occurrences.map((o) => o.date)).toContain('2026-12-24');
    expect((await expandSeries({ ...daily, holidayPolicy: 'IGNORE' }, '2026-12-24', '2027-01-01')).occurrences).toHaveLength(9);
  });

  it('NEXT_WORKING_DAY moves past weekends and holidays in a chain', async () => {
    // Friday 25 December 2026 → Saturday, Sunday, … → Monday 28 December.
    expect(nextWorkingDay('2026-12-25', ['DE-BW'])).toBe('2026-12-28');
    // Good Friday 3 April 2026 → weekend → Easter Monday → Tuesday 7 April.
    expect(nextWorkingDay('2026-04-03', ['DE-BW'])).toBe('2026-04-07');
    const fridays = { ...jourFixe, rrule: 'FREQ=WEEKLY;BYDAY=FR', anchorOn: '2026-03-27', holidayPolicy: 'NEXT_WORKING_DAY' as const };
    const { occurrences } = await expandSeries(fridays, '2026-03-27', '2026-04-10');
    expect(occurrences.map((o) => [o.occurrenceDate, o.date, o.movedBecause ?? null])).toEqual([
      ['2026-03-27', '2026-03-27', null],
      ['2026-04-03', '2026-04-07', 'Karfreitag'],
      ['2026-04-10', '2026-04-10', null],
    ]);
    expect(utc(occurrences[1].startsAt)).toBe('2026-04-07T08:00:00.000Z');
  });

  it('NEXT_WORKING_DAY does not put two occurrences on one day', async () => {
    const daily = { ...jourFixe, rrule: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', anchorOn: '2026-05-13', holidayPolicy: 'NEXT_WORKING_DAY' as const };
    const { occurrences, skipped } = await expandSeries(daily, '2026-05-13', '2026-05-15');
    expect(occurrences.map((o) => o.date)).toEqual(['2026-05-13', '2026-05-15']);
    expect(skipped).toEqual([{ date: '2026-05-14', reason: expect.stringContaining('Christi Himmelfahrt') }]);
  });
});

