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

/** Markdown as the hub stores it, rendered with GitHub tables and sanitized (no raw HTML, no javascript: links). */
export default function Markdown({ text }: { text: string }) {
  return (
    <div className="ik-markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={BELOW_SECTION}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
