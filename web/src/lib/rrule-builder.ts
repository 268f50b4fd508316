/**
 * The planning page's readable rule builder: the few shapes networks actually use ("every 2nd
 * week on Thursday", "every month on the last Friday") as a small model, to and from RFC 5545
 * RRULE text, and described in German. The hub validates and expands the rule; this only builds it.
 */
import type { TFunction } from 'i18next';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Ordinal = 1 | 2 | 3 | 4 | -1;

export type RuleModel = { freq: 'WEEKLY'; interval: number; weekdays: Weekday[] } | { freq: 'MONTHLY'; interval: number; weekday: Weekday; ordinal: Ordinal };

export function toRrule(model: RuleModel): string {
  const interval = model.interval > 1 ? `;INTERVAL=${model.interval}` : '';
  if (model.freq === 'WEEKLY') {
    const days = WEEKDAYS.filter((d) => model.weekdays.includes(d));
    return `FREQ=WEEKLY${interval};BYDAY=${days.join(',')}`;
  }
  return `FREQ=MONTHLY${interval};BYDAY=${model.ordinal}${model.weekday}`;
}

/** The model of a rule this builder can show, or null for anything else (shown as text only). */
export function fromRrule(rrule: string): RuleModel | null {
  const parts = new Map(
    rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY']);
  if ([...parts.keys()].some((k) => !known.has(k))) return null;
  const interval = Number(parts.get('INTERVAL') ?? 1);
  if (!Number.isInteger(interval) || interval < 1) return null;
  const byday = parts.get('BYDAY')?.split(',') ?? [];
  if (parts.get('FREQ') === 'WEEKLY') {
    if (!byday.length || !byday.every((d) => (WEEKDAYS as readonly string[]).includes(d))) return null;
    return { freq: 'WEEKLY', interval, weekdays: byday as Weekday[] };
  }
  if (parts.get('FREQ') === 'MONTHLY' && byday.length === 1) {
    const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byday[0]!);
    if (!m) return null;
    return { freq: 'MONTHLY', interval, weekday: m[2] as Weekday, ordinal: Number(m[1]) as Ordinal };
  }
  return null;
}

type T = TFunction;

/** "Jede 2. Woche am Donnerstag um 10:00 Uhr". */
export function describe(model: RuleModel, startTime: string, t: T): string {
  if (model.freq === 'WEEKLY') {
    const names = WEEKDAYS.filter((d) => model.weekdays.includes(d)).map((d) => t(`weekday.${d}`));
    const days = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t('rule.and')} ${names[names.length - 1]}` : (names[0] ?? '');
    return t('rule.weekly', { count: model.interval, days, time: startTime });
  }
  return t('rule.monthly', { count: model.interval, which: t(`rule.ordinal.${model.ordinal}`), day: t(`weekday.${model.weekday}`), time: startTime });
}

/** A stored rule in words where the builder knows its shape, else the rule itself. */
export function describeRule(rrule: string, startTime: string, t: T): string {
  const model = fromRrule(rrule);
  return model ? describe(model, startTime, t) : t('rule.raw', { time: startTime });
}
