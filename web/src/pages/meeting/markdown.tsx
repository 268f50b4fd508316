import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

/** Markdown as the hub stores it, rendered with GitHub tables and sanitized (no raw HTML, no javascript: links). */
export default function Markdown({ text }: { text: string }) {
  return (
    <div className="ik-markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
