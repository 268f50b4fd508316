/**
 * What a string from a client may contain. PostgreSQL refuses NUL in text (an encoding error that
 * would surface as INTERNAL_SERVER_ERROR), and control characters in names break chat messages,
 * ICS lines and markdown; lone UTF-16 surrogates would be stored as U+FFFD, silently changed.
 */

/** Control characters no input may carry: C0 except tab, line feed and carriage return, DEL, C1. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** In a name or any single-line value: every control character, and the Unicode line/paragraph separators. */
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** True for a multi-line text: no control characters except tab and line breaks, well-formed Unicode. */
export const isCleanText = (value: string): boolean => value.isWellFormed() && !CONTROL_IN_TEXT.test(value);

/** True for a name or single-line value: no control characters at all (no tab or line break either). */
export const isCleanLine = (value: string): boolean => value.isWellFormed() && !CONTROL_IN_LINE.test(value);

/**
 * The first string anywhere in `value` (objects and lists walked, at most `maxDepth` levels) that
 * is not a clean text, as its path ("title", "options.0.note"), or null when all are clean.
 */
export function findUncleanString(value: unknown, path: string, maxDepth = 16): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path;
  if (value === null || typeof value !== 'object' || value instanceof Date || maxDepth <= 0) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const found = findUncleanString(child, path ? `${path}.${key}` : key, maxDepth - 1);
    if (found !== null) return found;
  }
  return null;
}
