import { describe, expect, it } from 'vitest';
import { sides, wordDiff } from './word-diff';

describe('the word difference of the conflict view', () => {
  it('marks whole words, not letters', () => {
    expect(wordDiff('Bühl folgt im Frühjahr.', 'Bühl folgt im Herbst.')).toEqual([
      { kind: 'both', text: 'Bühl folgt im ' },
      { kind: 'theirs', text: 'Frühjahr' },
      { kind: 'yours', text: 'Herbst' },
      { kind: 'both', text: '.' },
    ]);
  });

  it('gives back both texts exactly, also for long paragraphs and line breaks', () => {
    const theirs = Array.from({ length: 300 }, (_, i) => `Wort${i}`).join(' ') + '\n\n- Punkt';
    const yours = theirs.replace('Wort150', 'Ersetzt').replace('- Punkt', '- Punkt\n- Neu');
    const segments = wordDiff(theirs, yours);
    expect(sides(segments)).toEqual({ theirs, yours });
    expect(segments.filter((s) => s.kind === 'theirs').map((s) => s.text.trim())).toEqual(['Wort150']);
    expect(segments.filter((s) => s.kind === 'yours').map((s) => s.text.trim())).toEqual(['Ersetzt', '- Neu']);
  });

  it('never leaves two runs of one kind side by side, nor empty runs', () => {
    const segments = wordDiff('eins zwei drei vier', 'null eins drei fünf sechs');
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.kind).not.toBe(segments[i - 1]!.kind);
    expect(segments.every((s) => s.text.length > 0)).toBe(true);
    expect(sides(segments)).toEqual({ theirs: 'eins zwei drei vier', yours: 'null eins drei fünf sechs' });
  });

  it('is one unchanged run for equal texts and one inserted run against an empty one', () => {
    expect(wordDiff('gleich', 'gleich')).toEqual([{ kind: 'both', text: 'gleich' }]);
    expect(wordDiff('', 'neu')).toEqual([{ kind: 'yours', text: 'neu' }]);
  });
});
