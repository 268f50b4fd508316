import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';

export const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/** A calendar date (YYYY-MM-DD) of an instant in Europe/Berlin. */
export const berlinDate = (at: Date) => DateTime.fromJSDate(at, { zone: 'Europe/Berlin' }).toISODate()!;

/** An OParl date-time: ISO 8601 with the offset of the given zone (Europe/Berlin for a zone luxon does not know). */
export function dateTime(at: Date, zone = 'Europe/Berlin'): string {
  const local = DateTime.fromJSDate(at, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(at, { zone: 'Europe/Berlin' })).toISO({ suppressMilliseconds: true })!;
}
