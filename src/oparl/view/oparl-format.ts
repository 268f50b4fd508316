import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';

export const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/** A calendar date (YYYY-MM-DD) of an instant in Europe/Berlin. */
export const berlinDate = (at: Date) => DateTime.fromJSDate(at, { zone: 'Europe/Berlin' }).toISODate()!;

/**
 * An OParl date-time in the one form OParl 1.1 §2.4 allows, `yyyy-mm-ddThh:mm:ss±hh:mm`: whole
 * seconds (the fraction is cut, never rounded up, so a value served is never later than the
 * instant it stands for and `modified_since` with it misses nothing), with the offset of the
 * given zone (Europe/Berlin for a zone luxon does not know), UTC as `+00:00` (§2.4 has no `Z`).
 */
export function dateTime(at: Date, zone = 'Europe/Berlin'): string {
  const local = DateTime.fromJSDate(at, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(at, { zone: 'Europe/Berlin' })).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/**
 * A list property, or nothing when the list is empty: OParl 1.1 §2.4 recommends leaving out a
 * property without value. Only for optional properties (a required list, Body.legislativeTerm,
 * is written as []).
 */
export const nonEmpty = <T>(key: string, list: T[]): Record<string, T[]> => (list.length ? { [key]: list } : {});
