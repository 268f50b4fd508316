import { describe, expect, it } from '@jest/globals';
import { describeRule } from './rule-text.js';

describe('describeRule (an RRULE as a German sentence)', () => {
  it.each([
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', 'alle 2 Wochen donnerstags'],
    ['FREQ=WEEKLY;BYDAY=TH,MO', 'wöchentlich montags und donnerstags'],
    ['RRULE:FREQ=MONTHLY;BYDAY=-1FR', 'monatlich am letzten Freitag'],
    ['FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU', 'alle 3 Monate am zweiten Dienstag'],
    ['FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6', 'monatlich am 15. 6-mal'],
    ['FREQ=YEARLY;BYMONTH=3;BYDAY=1MO;UNTIL=20301231', 'jährlich am ersten Montag im März bis zum 31.12.2030'],
    ['FREQ=DAILY;INTERVAL=10', 'alle 10 Tage'],
  ])('%s → %s', (rule, text) => {
    expect(describeRule(rule)).toBe(text);
  });

  it('never shows the code of a rule it cannot read', () => {
    expect(describeRule('FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1')).toBe('nach einer eigenen Regel');
    expect(describeRule('kaputt')).toBe('nach einer eigenen Regel');
  });
});
