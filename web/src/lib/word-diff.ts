import { diffWordsWithSpace } from 'diff';

/** A run of text that is in both versions, only in the saved one, or only in the local one. */
export interface DiffSegment {
  kind: 'both' | 'theirs' | 'yours';
  text: string;
}

/**
 * The word-level difference from the saved version (`theirs`) to the local one (`yours`), as runs
 * for the conflict view: `theirs` runs are shown struck through, `yours` underlined. Whitespace
 * between words belongs to the runs around it (jsdiff's diffWordsWithSpace, which, unlike diffWords, gives both texts back byte for byte), and adjacent runs of one kind
 * are joined so that a screen reader announces each change once.
 */
export function wordDiff(theirs: string, yours: string): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const change of diffWordsWithSpace(theirs, yours)) {
    const kind: DiffSegment['kind'] = change.added ? 'yours' : change.removed ? 'theirs' : 'both';
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else if (change.value) out.push({ kind, text: change.value });
  }
  return out;
}

/** The two texts back from the runs: what the conflict view shows must add up to both versions. */
export function sides(segments: DiffSegment[]): { theirs: string; yours: string } {
  let theirs = '';
  let yours = '';
  for (const s of segments) {
    if (s.kind !== 'yours') theirs += s.text;
    if (s.kind !== 'theirs') yours += s.text;
  }
  return { theirs, yours };
}
