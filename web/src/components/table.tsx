import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Whether the element scrolls sideways (a wide table on a phone). Such a region must be reachable
 * by keyboard (WCAG 2.1.1, axe's scrollable-region-focusable); one that fits takes no tab stop.
 */
function useScrollsSideways<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return [ref, scrolls] as const;
}

/** A KERN table with a caption for screen readers and column headers; rows are the caller's. */
export function Table({ caption, headers, variant, children }: { caption: string; headers: ReactNode[]; variant?: 'striped' | 'small'; children: ReactNode }) {
  const { t } = useTranslation();
  const [wrap, scrolls] = useScrollsSideways<HTMLDivElement>();
  return (
    <div ref={wrap} className="ik-table-wrap" {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': t('common.tableRegion', { caption }) } : {})}>
      <table className={`kern-table${variant ? ` kern-table--${variant}` : ''}`}>
        <caption className="kern-sr-only">{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {headers.map((h, i) => (
              <th key={i} scope="col" className="kern-table__header">
                {/* A column of buttons has no visible heading, but every header needs a name (axe: empty-table-header). */}
                {h === '' ? <span className="kern-sr-only">{t('common.actionsColumn')}</span> : h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return <tr className="kern-table__row">{children}</tr>;
}

export function Cell({ children }: { children?: ReactNode }) {
  return <td className="kern-table__cell">{children}</td>;
}
