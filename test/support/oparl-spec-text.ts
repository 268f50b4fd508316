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
 *   marker keeps both, §2.8);
 * - §2.4: no property `null`, no empty string, no empty array unless the schema requires it
 *   ("Bei obligatorischen Eigenschaften muss jedoch eine leere Liste ausgegeben werden");
 * - §3 (Schema): an object embedded in another does not link back to its parent.
 * (The §2.4 date formats are checked through the schemas' `date-time`/`date` formats.)
 */
export function specTextProblems(object: Record<string, unknown>, where: string, required: readonly string[], parentId?: string): string[] {
  const problems: string[] = [];
  for (const key of ['created', 'modified']) if (!(key in object)) problems.push(`${where}: no ${key} (§3.1)`);
  for (const [key, value] of Object.entries(object)) {
    if (value === null) problems.push(`${where}: ${key} is null (§2.4)`);
    if (value === '') problems.push(`${where}: ${key} is an empty string (§2.4)`);
    if (Array.isArray(value) && value.length === 0 && !required.includes(key)) problems.push(`${where}: ${key} is an empty array, not required (§2.4)`);
    if (parentId !== undefined && (value === parentId || (Array.isArray(value) && value.includes(parentId)))) {
      problems.push(`${where}: embedded, links back to its parent in ${key} (§3)`);
    }
  }
  return problems;
}
