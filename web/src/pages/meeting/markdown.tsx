import type { Element, Root, RootContent } from 'hast';
import type { ComponentProps, ElementType } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

type Level = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * The protocol's own headings sit below the page's: the page has one h1 (the meeting) and the
 * protocol section an h2, so a protocol's "# Protokoll: …" renders as h3 and deeper levels follow,
 * ending at h6. Screen readers then see one outline, and the page still has a single h1.
 */
function demoted(by: number): Components {
  const components: Components = {};
  for (const level of [1, 2, 3, 4, 5, 6] as Level[]) {
    const Tag = `h${Math.min(6, level + by)}` as ElementType;
    components[`h${level}`] = ({ node: _node, ...props }: ComponentProps<'h1'> & { node?: unknown }) => <Tag {...props} />;
  }
  return components;
}

const BELOW_SECTION = demoted(2);

const isElement = (n: RootContent | Root | undefined, tag?: string): n is Element => n?.type === 'element' && (!tag || n.tagName === tag);
const text = (n: RootContent): string => (n.type === 'text' ? n.value : isElement(n) ? n.children.map(text).join('') : '');

/**
 * The protocol's key–value tables ("Gremium | …", "Datum | …") start with an empty header row in
 * Markdown (GitHub tables need one). Empty column headers say nothing to a screen reader (axe:
 * empty-table-header): such a table loses its header row and names each row by its first cell.
 * Only the rendering changes; the stored Markdown (and its SHA-256) stays byte for byte.
 */
function rowHeaderTables() {
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tagName === 'table') fixTable(child);
      else visit(child);
    }
  };
  const fixTable = (table: Element) => {
    const thead = table.children.find((c) => isElement(c, 'thead'));
    if (!thead || text(thead as Element).trim() !== '') return;
    table.children = table.children.filter((c) => c !== thead);
    const tbody = table.children.find((c) => isElement(c, 'tbody'));
    if (!isElement(tbody)) return;
    for (const row of tbody.children) {
      if (!isElement(row, 'tr')) continue;
      const first = row.children.find((c) => isElement(c, 'td'));
      if (isElement(first)) {
        first.tagName = 'th';
        first.properties = { ...first.properties, scope: 'row' };
      }
    }
  };
  return (tree: Root) => visit(tree);
}

/** Markdown as the hub stores it, rendered with GitHub tables and sanitized (no raw HTML, no javascript: links). */
export default function Markdown({ text }: { text: string }) {
  return (
    <div className="ik-markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize, rowHeaderTables]} components={BELOW_SECTION}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
