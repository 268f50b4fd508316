import { describe, expect, it } from '@jest/globals';
import { expandDates, ExpansionLimitError, EXPANSION_LIMITS, poolCalls } from './expansion.js';
import { expandSeries, NO_DATES, parseRule, RecurrenceError, requireDates } from './recurrence.js';
import { isTimeZone } from './time-zones.js';

const refusal = (rule: string) => {
  try {
    parseRule(rule);
  } catch (error) {
    expect(error).toBeInstanceOf(RecurrenceError);
    expect((error as RecurrenceError).field).toBe('rrule');
    return (error as Error).message;
  }
  throw new Error(`${rule} was accepted`);
};

describe('parseRule: RFC 5545 in full, before anything is built', () => {
  it.each([
    ['garbage', 'not a rule', /Regelteil/],
    ['no FREQ', 'INTERVAL=2', /FREQ fehlt/],
    ['an unknown FREQ', 'FREQ=FORTNIGHTLY', /FREQ/],
    ['hourly', 'FREQ=HOURLY', /mehr als einen Termin am Tag/],
    ['several hours a day', 'FREQ=DAILY;BYHOUR=9,14', /mehr als einen Termin am Tag/],
    ['a DTSTART', 'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', /DTSTART/],
    ['an unknown weekday', 'FREQ=WEEKLY;BYDAY=XX', /BYDAY-Wert „XX“/],
    ['BYSETPOS=0', 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0', /BYSETPOS-Wert 0/],
    ['a negative COUNT', 'FREQ=DAILY;COUNT=-1', /COUNT/],
    ['COUNT=0', 'FREQ=DAILY;COUNT=0', /COUNT muss mindestens 1 sein/],
    ['a huge COUNT', 'FREQ=DAILY;COUNT=999999999', /COUNT darf höchstens/],
    ['INTERVAL=0', 'FREQ=DAILY;INTERVAL=0', /INTERVAL muss mindestens 1 sein/],
    ['BYMONTHDAY=99', 'FREQ=MONTHLY;BYMONTHDAY=99', /BYMONTHDAY-Wert 99 liegt außerhalb des erlaubten Bereichs/],
    ['BYMONTHDAY=0', 'FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY-Wert 0/],
    ['BYMONTH=13', 'FREQ=YEARLY;BYMONTH=13', /BYMONTH-Wert 13/],
    ['BYYEARDAY=367', 'FREQ=YEARLY;BYYEARDAY=367', /BYYEARDAY/],
    ['BYWEEKNO=54', 'FREQ=YEARLY;BYWEEKNO=54', /BYWEEKNO/],
    ['BYHOUR=24', 'FREQ=DAILY;BYHOUR=24', /BYHOUR/],
    ['BYDAY ordinal 54', 'FREQ=MONTHLY;BYDAY=54MO', /Ordnungszahl/],
    ['BYDAY ordinal with WEEKLY', 'FREQ=WEEKLY;BYDAY=2TU', /geht nur mit FREQ=MONTHLY oder FREQ=YEARLY/],
    ['BYMONTHDAY with WEEKLY', 'FREQ=WEEKLY;BYMONTHDAY=1', /WEEKLY/],
    ['BYYEARDAY with MONTHLY', 'FREQ=MONTHLY;BYYEARDAY=100', /BYYEARDAY/],
    ['BYWEEKNO with MONTHLY', 'FREQ=MONTHLY;BYWEEKNO=3', /BYWEEKNO geht nur mit FREQ=YEARLY/],
    ['BYSETPOS alone', 'FREQ=MONTHLY;BYSETPOS=1', /BYSETPOS braucht einen weiteren/],
    ['UNTIL and COUNT', 'FREQ=DAILY;COUNT=3;UNTIL=20270101', /UNTIL und COUNT/],
    ['an impossible UNTIL', 'FREQ=DAILY;UNTIL=20270230', /kein Kalenderdatum/],
    ['a repeated part', 'FREQ=DAILY;INTERVAL=2;INTERVAL=3', /nur einmal vorkommen/],
    ['an unknown part', 'FREQ=DAILY;X-FOO=1', /kein Regelteil nach RFC 5545/],
    ['an empty value', 'FREQ=DAILY;BYDAY=', /Regelteil/],
    ['an empty list item', 'FREQ=WEEKLY;BYDAY=MO,,TU', /BYDAY-Wert „“/],
    ['a NUL byte', 'FREQ=DAILY\u0000', /darf nur Regelteile/],
    ['three digits where two are allowed', 'FREQ=MONTHLY;BYMONTHDAY=010', /BYMONTHDAY-Wert „010“/],
  ])('refuses %s', (_what, rule, message) => {
    expect(refusal(rule)).toMatch(message);
  });

  it('accepts the jour fixe, an RRULE: prefix, lower case and the RFC examples, and normalizes them', () => {
    expect(parseRule('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU').text).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
    expect(parseRule('freq=monthly;byday=-1fr').text).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    for (const rule of [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'FREQ=YEARLY;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
      'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
      'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
      'FREQ=YEARLY;BYYEARDAY=1,100,200',
      'FREQ=DAILY;UNTIL=19971224T000000Z',
      'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
      'FREQ=MONTHLY;BYMONTHDAY=-3',
      'FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0',
    ]) {
      expect(() => parseRule(rule)).not.toThrow();
    }
  });
});

describe('isTimeZone: IANA names the runtime knows, nothing else', () => {
  it.each(['Europe/Berlin', 'UTC', 'Etc/UTC', 'America/Argentina/Buenos_Aires', 'Europe/Kyiv', 'Asia/Kolkata', 'America/Port-au-Prince'])('accepts %s', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each(['local', 'system', 'UTC+5', 'GMT+1', 'utc', 'europe/berlin', 'Europe/Bärlin', 'Mitteleuropa', '', 'Europe/Berlin\u0000', 'x'.repeat(100)])(
    'refuses %j',
    (zone) => {
      expect(isTimeZone(zone)).toBe(false);
    },
  );
});

describe('bounded expansion', () => {
  it('refuses a rule that never occurs at once, without expanding it (30 February)', async () => {
    const before = poolCalls.count;
    await expect(requireDates({ rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', anchorOn: '2026-01-01', until: null }, '2026-01-01')).rejects.toThrow(NO_DATES);
    expect(poolCalls.count).toBe(before);
  });

  it('refuses a rule that never occurs for a reason only expansion shows, and the event loop stays free meanwhile', async () => {
    // Day 60 is 29 February or 1 March, never in January: rrule would search to the year 9999.
    // Counted, not timed: without the worker thread the search would hold this thread for 10+ s and
    // the interleaved task would not get a single turn; with it, it keeps running throughout.
    let turns = 0;
    let running = true;
    const interleave = () => {
      turns++;
      if (running) setTimeout(interleave, 1);
    };
    setTimeout(interleave, 1);
    await expect(requireDates({ rrule: 'FREQ=YEARLY;BYYEARDAY=60;BYMONTH=1', anchorOn: '2026-01-01', until: null }, '2026-01-01')).rejects.toThrow(NO_DATES);
    await expect(requireDates({ rrule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6', anchorOn: '2026-01-01', until: null }, '2026-01-01')).rejects.toThrow(NO_DATES);
    running = false;
    expect(turns).toBeGreaterThan(10);
  });

  it('refuses rules that have run out or begin too late, and accepts a leap-day rule', async () => {
    await expect(requireDates({ rrule: 'FREQ=DAILY;COUNT=3', anchorOn: '2020-01-01', until: null }, '2026-01-01')).rejects.toThrow(NO_DATES);
    await expect(requireDates({ rrule: 'FREQ=DAILY;UNTIL=20200101', anchorOn: '2019-01-01', until: null }, '2026-01-01')).rejects.toThrow(NO_DATES);
    await expect(requireDates({ rrule: 'FREQ=YEARLY;INTERVAL=10', anchorOn: '2015-05-01', until: null }, '2026-01-01')).rejects.toThrow(NO_DATES);
    await expect(requireDates({ rrule: 'FREQ=WEEKLY', anchorOn: '2026-01-01', until: '2025-01-01' }, '2026-01-01')).rejects.toThrow(NO_DATES);
    await expect(requireDates({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', anchorOn: '2026-01-01', until: null }, '2026-01-01')).resolves.toBeUndefined();
  });

  it('stops an expansion at its occurrence limit', async () => {
    await expect(expandDates({ rule: 'FREQ=DAILY', anchorOn: '2026-01-01', from: '2026-01-01', to: '2036-01-01' })).rejects.toBeInstanceOf(ExpansionLimitError);
    const twoYears = await expandDates({ rule: 'FREQ=DAILY', anchorOn: '2026-01-01', from: '2026-01-01', to: '2027-12-31' });
    expect(twoYears).toHaveLength(730);
    expect(EXPANSION_LIMITS.maxOccurrences).toBeGreaterThan(2 * 366);
  });

  it('stops an expansion at its time limit and works again afterwards', async () => {
    await expect(expandDates({ rule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', anchorOn: '2026-01-01', from: '2026-01-01', to: '2026-12-31' })).rejects.toMatchObject({ reason: 'time' });
    expect(await expandDates({ rule: 'FREQ=WEEKLY;BYDAY=TU', anchorOn: '2026-01-06', from: '2026-01-01', to: '2026-01-31' })).toEqual([
      '2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27',
    ]);
  });

  it('expands two years of a daily series without holding the event loop: other work runs between its chunks', async () => {
    // Counted, not timed: every time the expansion yields, the interleaved task gets a turn.
    let turns = 0;
    let running = true;
    const interleave = () => {
      turns++;
      if (running) setImmediate(interleave);
    };
    setImmediate(interleave);
    const { occurrences } = await expandSeries(
      { rrule: 'FREQ=DAILY', anchorOn: '2026-01-01', startTime: '10:00', durationMinutes: 60, timeZone: 'Europe/Berlin', until: null, holidayPolicy: 'NEXT_WORKING_DAY', holidayRegions: ['DE-BW', 'DE-RP'] },
      '2026-01-01',
      '2027-12-31',
    );
    running = false;
    expect(occurrences.length).toBeGreaterThan(600);
    // The dates come from a worker thread; turning ~700 of them into meetings yields every 100.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(occurrences.length / 100));
  });
});
