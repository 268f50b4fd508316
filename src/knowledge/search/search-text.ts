/**
 * The pure half of the profile search: folding as the database folds (interkom_fold), matching
 * words against the query's stems, and the HTML snippet with matches in <mark>.
 */

/** Stems at least this long also match inside words (parts of compounds, via trigrams). */
export const MIN_PART = 4;

/** Like SQL interkom_fold: lower case, accents and umlauts removed (ß → ss), then ae/oe/ue → a/o/u. */
export function fold(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/ẞ/g, 'SS')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
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
    const hits = [...text.matchAll(WORD_RE)].filter((m) => wordMatches(m[0], stems));
    if (!hits.length) continue;
    let start = Math.max(0, hits[0].index! - Math.floor(width / 3));
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    let end = Math.min(text.length, start + width);
    if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), hits[0].index! + hits[0][0].length);
    let html = start > 0 ? '…' : '';
    let at = start;
    for (const hit of hits) {
      const from = hit.index!;
      const to = from + hit[0].length;
      if (from < start || to > end) continue;
      html += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(hit[0])}</mark>`;
      at = to;
    }
    html += escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
    return html;
  }
  return null;
}
