/** German dates and times. Meetings are shown in their own zone (Europe/Berlin unless planned elsewhere). */
const BERLIN = 'Europe/Berlin';

/** The reader's own zone (the browser's). */
export const readerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * After a time, the zone it is in, but only where the reader is elsewhere: "" for a reader in the
 * same zone, else " (Ortszeit Berlin)". 24-hour times throughout (de-DE, hourCycle h23).
 */
export function zoneNote(timeZone: string, reader = readerZone()): string {
  if (timeZone === reader) return '';
  return ` (Ortszeit ${(timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ')})`;
}

export function formatDateTime(iso: string, timeZone = BERLIN, reader = readerZone()): string {
  return (
    new Intl.DateTimeFormat('de-DE', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
      new Date(iso),
    ) +
    ' Uhr' +
    zoneNote(timeZone, reader)
  );
}

export function formatTime(iso: string, timeZone = BERLIN): string {
  return new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}

/** "Do., 3. Dezember 2026, 10:00–11:30 Uhr" (both ends on one day), else both full. */
export function formatRange(startIso: string, endIso: string, timeZone = BERLIN, reader = readerZone()): string {
  const sameDay = localDate(startIso, timeZone) === localDate(endIso, timeZone);
  if (!sameDay) return `${formatDateTime(startIso, timeZone, timeZone)} – ${formatDateTime(endIso, timeZone, reader)}`;
  const day = new Intl.DateTimeFormat('de-DE', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(startIso));
  return `${day}, ${formatTime(startIso, timeZone)}–${formatTime(endIso, timeZone)} Uhr${zoneNote(timeZone, reader)}`;
}

/** A calendar date (YYYY-MM-DD) as "03.12.2026" or, long, "Donnerstag, 3. Dezember 2026". */
export function formatDate(date: string, long = false): string {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(y!, m! - 1, d!));
  return new Intl.DateTimeFormat(
    'de-DE',
    long
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  ).format(utc);
}

/** The local calendar date of an instant in a zone, YYYY-MM-DD. */
export function localDate(iso: string, timeZone = BERLIN): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(iso));
}

/** Today in Berlin, YYYY-MM-DD. */
export const today = (): string => localDate(new Date().toISOString());

/**
 * A local wall-clock date and time in a zone as an instant (ISO), e.g. for meeting forms:
 * ("2026-12-03", "10:00") in Europe/Berlin is 09:00Z. Handles DST by measuring the zone's offset.
 */
export function localToIso(date: string, time: string, timeZone = BERLIN): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(at));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - at;
  };
  let at = guess - offset(guess);
  at = guess - offset(at); // second pass: the offset at the result, not at the guess (DST edges)
  return new Date(at).toISOString();
}
