import { validateRuleSyntax, type RuleParts } from './rrule-syntax.js';

/**
 * An RRULE as a German sentence for people ("alle 2 Wochen donnerstags"), e.g. in audit entries.
 * Covers the parts networks use (FREQ, INTERVAL, BYDAY with ordinals, BYMONTHDAY, BYMONTH, COUNT,
 * UNTIL); a rule with other parts reads "nach einer eigenen Regel" rather than showing its code.
 * (The `rrule` package's toText is English-only and cannot decline German ordinals.)
 */
const DAY: Record<string, [string, string]> = {
  MO: ['Montag', 'montags'],
  TU: ['Dienstag', 'dienstags'],
  WE: ['Mittwoch', 'mittwochs'],
  TH: ['Donnerstag', 'donnerstags'],
  FR: ['Freitag', 'freitags'],
  SA: ['Samstag', 'samstags'],
  SU: ['Sonntag', 'sonntags'],
};
const ORDER = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const ORDINAL: Record<string, string> = { '1': 'ersten', '2': 'zweiten', '3': 'dritten', '4': 'vierten', '5': 'fünften', '-1': 'letzten', '-2': 'vorletzten' };
const UNIT: Record<string, [string, string]> = {
  DAILY: ['täglich', 'Tage'],
  WEEKLY: ['wöchentlich', 'Wochen'],
  MONTHLY: ['monatlich', 'Monate'],
  YEARLY: ['jährlich', 'Jahre'],
};
const KNOWN = new Set(['freq', 'interval', 'byday', 'bymonthday', 'bymonth', 'count', 'until', 'wkst']);

const listing = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}` : (items[0] ?? ''));

function untilDate(until: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(until);
  return m ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : until;
}

function describeParts(p: RuleParts): string | null {
  if (Object.keys(p).some((k) => !KNOWN.has(k) && (p as unknown as Record<string, unknown>)[k] !== undefined)) return null;
  const unit = UNIT[p.freq];
  if (!unit) return null;
  const interval = p.interval ?? 1;
  const every = interval > 1 ? `alle ${interval} ${unit[1]}` : unit[0];
  const parts: string[] = [every];
  const days = [...(p.byday ?? [])].sort((a, b) => ORDER.indexOf(a.weekday) - ORDER.indexOf(b.weekday));
  if (days.length && days.every((d) => d.ordinal === null)) {
    parts.push(listing(days.map((d) => DAY[d.weekday]![1])));
  } else if (days.length) {
    const named = days.map((d) => (d.ordinal === null ? DAY[d.weekday]![1] : `am ${ORDINAL[String(d.ordinal)] ?? `${d.ordinal}.`} ${DAY[d.weekday]![0]}`));
    parts.push(listing(named));
  }
  if (p.bymonthday?.length) parts.push(`am ${listing(p.bymonthday.map((d) => (d === -1 ? 'letzten Tag' : `${d}.`)))}`);
  if (p.bymonth?.length) parts.push(`im ${listing(p.bymonth.map((m) => MONTHS[m - 1]!))}`);
  if (p.count) parts.push(p.count === 1 ? 'einmal' : `${p.count}-mal`);
  if (p.until) parts.push(`bis zum ${untilDate(p.until)}`);
  return parts.join(' ');
}

/** "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH" → "alle 2 Wochen donnerstags"; a rule it cannot read → "nach einer eigenen Regel". */
export function describeRule(rrule: string): string {
  try {
    return describeParts(validateRuleSyntax(rrule).parts) ?? 'nach einer eigenen Regel';
  } catch {
    return 'nach einer eigenen Regel';
  }
}
