import i18next from 'i18next';
import { beforeAll, describe as group, expect, it } from 'vitest';
import de from '../i18n/de.json';
import { describe, describeRule, fromRrule, toRrule, type RuleModel } from './rrule-builder';

const t = i18next.t.bind(i18next);

group('the rule builder', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'de', resources: { de: { translation: de } }, interpolation: { escapeValue: false } });
  });

  it('builds the 14-day jour fixe and reads it back', () => {
    const jourFixe: RuleModel = { freq: 'WEEKLY', interval: 2, weekdays: ['TH'] };
    expect(toRrule(jourFixe)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    expect(fromRrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH')).toEqual(jourFixe);
    expect(describe(jourFixe, '10:00', t)).toBe('Jede 2. Woche am Donnerstag um 10:00 Uhr');
  });

  it('keeps weekdays in calendar order and joins them in German', () => {
    expect(toRrule({ freq: 'WEEKLY', interval: 1, weekdays: ['TH', 'MO'] })).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
    expect(describeRule('FREQ=WEEKLY;BYDAY=MO,WE,FR', '09:30', t)).toBe('Jede Woche am Montag, Mittwoch und Freitag um 09:30 Uhr');
  });

  it('builds monthly rules on the nth or last weekday', () => {
    expect(toRrule({ freq: 'MONTHLY', interval: 1, weekday: 'FR', ordinal: -1 })).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(describeRule('FREQ=MONTHLY;BYDAY=-1FR', '11:30', t)).toBe('Jeden Monat am letzten Freitag um 11:30 Uhr');
    expect(describeRule('FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU', '14:00', t)).toBe('Jeden 2. Monat am ersten Dienstag um 14:00 Uhr');
  });

  it('describes rules it cannot edit without showing their code', () => {
    expect(fromRrule('FREQ=DAILY;COUNT=5')).toBeNull();
    expect(fromRrule('FREQ=WEEKLY;BYDAY=XX')).toBeNull();
    expect(describeRule('FREQ=YEARLY;BYMONTH=3', '10:00', t)).toBe('Nach einer eigenen Regel um 10:00 Uhr');
  });
});
