import { useEffect, useRef, type ReactNode } from 'react';

/** On the first page of a visit focus stays at the top (skip link first); after a navigation it moves to the heading. */
let firstPage = true;

/**
 * A page's heading and title. Focus moves to the heading when the page opens, so screen readers
 * announce where a link led (single-page navigation has no page load to do that).
 */
export function Page({ title, kicker, actions, children }: { title: string; kicker?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Interkom`;
  }, [title]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      // The first page of a visit has its data and is usable: what the browser tests time.
      performance.mark('interkom:first-page-ready');
      return;
    }
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <article className="ik-page">
      <header className="ik-page__header">
        {kicker && <p className="kern-preline ik-kicker">{kicker}</p>}
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions && <div className="ik-actions">{actions}</div>}
      </header>
      {children}
    </article>
  );
}

export function Section({ title, id, actions, children }: { title: string; id?: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z0-9äöüß]+/g, '-')}-titel`;
  return (
    <section className="ik-section" aria-labelledby={headingId} id={id}>
      <div className="ik-section__header">
        <h2 className="kern-heading-medium" id={headingId}>
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/**
 * A tab panel's heading for the page outline (h2 below the page's h1): the tab already shows the
 * name, so it is for screen readers only; the panel's own h3 headings then follow in order.
 */
export function PanelTitle({ children }: { children: ReactNode }) {
  return <h2 className="kern-sr-only">{children}</h2>;
}
