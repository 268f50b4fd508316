/**
 * The pure half of the profile search: folding as the database folds (interkom_fold), matching
 * words against the query's stems, and the HTML snippet with matches in <mark>.
 */

/** Stems at least this long also match inside words (parts of compounds, via trigrams). */
export const MIN_PART = 4;

/** Like SQL interkom_fold: lower case, accents and umlauts removed (ß → ss), then ae/oe/ue → a/o/u. */
export function fold(text: string): string {
  let s = text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) s = s.replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
  if (s.includes('ae') || s.includes('oe') || s.includes('ue')) s = s.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  return s;
}

/** Escapes LIKE's wildcards (backslash is PostgreSQL's default escape character). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Whether a word matches one of the query's stems (as the SQL condition does). */
export function wordMatches(word: string, stems: string[]): boolean {
  const folded = fold(word);
  return stems.some((s) => (s.length >= MIN_PART ? folded.includes(s) : folded === s || (folded.startsWith(s) && folded.length - s.length <= 3)));
}

const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Markdown reduced to its words: link texts kept, markup characters dropped, whitespace collapsed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]*(?:#{1,6}|>+|[-*+]|\d+\.)[ \t]+/gm, '')
    .replace(/\*\*|__|\*|`+|~~/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first passage (about `width` characters) of the first source that contains a match, every
 * matching word in <mark>…</mark> and everything else escaped; null when nothing matches.
 */
export function snippet(sources: (string | null | undefined)[], stems: string[], width = 200): string | null {
  if (!stems.length) return null;
  for (const source of sources) {
    if (!source) continue;
    const text = plainText(source);
    // Every match contains a stem, so a text without any stem has none (the cheap test first).
    const folded = fold(text);
    if (!stems.some((s) => folded.includes(s))) continue;
    const words = text.matchAll(WORD_RE);
    let first: RegExpExecArray | undefined;
    for (const w of words) if (wordMatches(w[0], stems)) { first = w; break; }
    if (!first) continue;
    let start = Math.max(0, first.index - Math.floor(width / 3));
    if (start > 0) start = Math.min(text.indexOf(' ', start) + 1 || start, first.index);
    let end = Math.min(text.length, start + width);
    if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), first.index + first[0].length);
    let html = `${start > 0 ? '…' : ''}${escapeHtml(text.slice(start, first.index))}<mark>${escapeHtml(first[0])}</mark>`;
    let at = first.index + first[0].length;
    for (const w of words) {
      const to = w.index + w[0].length;
      if (to > end) break;
      if (!wordMatches(w[0], stems)) continue;
      html += `${escapeHtml(text.slice(at, w.index))}<mark>${escapeHtml(w[0])}</mark>`;
      at = to;
    }
    return html + escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
  }
  return null;
}
