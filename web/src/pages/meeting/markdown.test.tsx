import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Markdown from './markdown';

describe('protocol Markdown', () => {
  it('renders the protocol headings below the section, so the page keeps its single h1', () => {
    const html = renderToStaticMarkup(<Markdown text={'# Protokoll: Jour fixe\n\n## TOP 1\n\n#### tief\n\n###### tiefer'} />);
    expect(html).not.toMatch(/<h1|<h2/);
    expect(html).toContain('<h3>Protokoll: Jour fixe</h3>');
    expect(html).toContain('<h4>TOP 1</h4>');
    expect(html).toContain('<h6>tief</h6>');
    expect(html).toContain('<h6>tiefer</h6>');
  });

  it('still drops raw HTML and script links', () => {
    const html = renderToStaticMarkup(<Markdown text={'<script>alert(1)</script>\n\n[x](javascript:alert(1))'} />);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
  });

  it('gives a key–value table with an empty header row row headers instead (no empty column headers)', () => {
    const html = renderToStaticMarkup(<Markdown text={'| | |\n|---|---|\n| Gremium | Plenum |\n| Datum | Montag |'} />);
    expect(html).not.toContain('<thead');
    expect(html).toContain('<th scope="row">Gremium</th><td>Plenum</td>');
    expect(html).toContain('<th scope="row">Datum</th>');
  });

  it('keeps a table with real column headers as it is', () => {
    const html = renderToStaticMarkup(<Markdown text={'| Nr. | Aufgabe |\n|---|---|\n| 1 | Prüfen |'} />);
    expect(html).toContain('<thead>');
    expect(html).toContain('<td>1</td><td>Prüfen</td>');
  });
});
