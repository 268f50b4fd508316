/**
 * What the OParl 1.1 spec text requires beyond the official JSON schemas (which check none of
 * it), as checks the crawler runs on every object it meets, top-level, in a list or embedded.
 */

/** §2.4: a date-time is exactly `yyyy-mm-ddThh:mm:ss±hh:mm` (no fraction, no `Z`). */
export const OPARL_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d[+-]([01]\d|2[0-3]):[0-5]\d$/;
/** §2.4: a date is exactly `yyyy-mm-dd`. */
export const OPARL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const isOparlDateTime = (s: string) => OPARL_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s));
export const isOparlDate = (s: string) => OPARL_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));


/**
 * The spec text's rules for one object:
 * - §3.1 (new in 1.1): `created` and `modified` on every object, embedded ones too (a deletion
 *   marker keeps both, §2.8).
 * (The §2.4 date formats are checked through the schemas' `date-time`/`date` formats.)
 */
export function specTextProblems(object: Record<string, unknown>, where: string): string[] {
  const problems: string[] = [];
  for (const key of ['created', 'modified']) if (!(key in object)) problems.push(`${where}: no ${key} (§3.1)`);
  return problems;
}
