import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet';

describe('search snippets', () => {
  it('splits marked matches from the text around them', () => {
    expect(parseSnippet('… die <mark>Videokonferenz</mark> im Rat …')).toEqual([
      { text: '… die ', mark: false },
      { text: 'Videokonferenz', mark: true },
      { text: ' im Rat …', mark: false },
    ]);
  });

  it('keeps escaped markup as text, so nothing the hub escaped becomes HTML', () => {
    const parts = parseSnippet('&lt;script&gt;alert(1)&lt;/script&gt; <mark>B&amp;B</mark>');
    expect(parts).toEqual([
      { text: '<script>alert(1)</script> ', mark: false },
      { text: 'B&B', mark: true },
    ]);
  });
});
