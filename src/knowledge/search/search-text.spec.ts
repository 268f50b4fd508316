import { describe, expect, it } from '@jest/globals';
import { escapeLike, fold, plainText, snippet, wordMatches } from './search-text.js';

describe('fold', () => {
  it('folds umlauts, ß, accents and the ae/oe/ue spellings alike', () => {
    expect(fold('Bürgerbeteiligung')).toBe('burgerbeteiligung');
    expect(fold('Buergerbeteiligung')).toBe('burgerbeteiligung');
    expect(fold('Straße Öffnungszeiten Café')).toBe('strasse offnungszeiten cafe');
  });
});

describe('wordMatches', () => {
  it('finds long stems inside compounds, short ones only as the word itself (with an ending)', () => {
    expect(wordMatches('Videokonferenzsystem', ['konferenz'])).toBe(true);
    expect(wordMatches('Videokonferenzen', ['videokonferenz'])).toBe(true);
    expect(wordMatches('Bürgerbeteiligung', ['burgerbeteil'])).toBe(true);
    expect(wordMatches('KI', ['ki'])).toBe(true);
    expect(wordMatches('Kinderbetreuung', ['ki'])).toBe(false);
    expect(wordMatches('Tourismus', ['konferenz'])).toBe(false);
  });
});

describe('snippet', () => {
  it('marks matches and escapes everything else', () => {
    const html = snippet(['Ein <script>alert(1)</script> Videokonferenzsystem & mehr'], ['konferenz']);
    expect(html).toBe('Ein &lt;script&gt;alert(1)&lt;/script&gt; <mark>Videokonferenzsystem</mark> &amp; mehr');
  });

  it('escapes a match itself and takes the first source that matches', () => {
    expect(snippet(['nichts hier', "O'Konferenz-Raum"], ['konferenz'])).toBe('<mark>O&#39;Konferenz-Raum</mark>');
  });

  it('cuts a long text around the first match with ellipses', () => {
    const text = `${'Vorwort '.repeat(40)}Die Bürgerbeteiligung lief gut. ${'Nachwort '.repeat(40)}`;
    const html = snippet([text], ['burgerbeteil'])!;
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>Bürgerbeteiligung</mark>');
    expect(html.length).toBeLessThan(260);
  });

  it('is null without stems or without a match', () => {
    expect(snippet(['Text'], [])).toBeNull();
    expect(snippet(['Text', null], ['konferenz'])).toBeNull();
  });
});

describe('helpers', () => {
  it('reduces markdown to words and escapes LIKE wildcards', () => {
    expect(plainText('## Ziel\n\n**Fett** und [Link](https://x.example)')).toBe('Ziel Fett und Link');
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
