import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Focus after an action, for the whole client at once. A save disables its button, a refetch
 * re-renders a list, a removed row takes its button along, a closed form unmounts: each time
 * Chromium drops focus to `<body>` without an event, and a keyboard user starts again at the top
 * of the page. The keeper remembers what had focus and, when that element is gone, disabled or
 * hidden while focus sits on `<body>`, puts focus back: on the same element when it is usable
 * again, else on an element with the same role and name (the list re-rendered it), else on the
 * nearest remaining control of the part of the page it was in. A click on the page's background
 * is the person's choice and is left alone.
 */

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

interface Remembered {
  el: HTMLElement;
  key: string | null;
  /** Its ancestors, nearest first: where to look when it is gone. */
  ancestors: HTMLElement[];
  /** Set when focus went to <body>: until then nothing is restored. */
  lostAt: number | null;
  /** The element the keeper focused in the meantime (a nearby control), to move on from once the element returns. */
  fallback: HTMLElement | null;
}

/** How long after focus was lost a re-rendered element still takes it back (a refetch's duration). */
const PATIENCE_MS = 5000;

function accessibleName(el: HTMLElement): string {
  const labelled = el.getAttribute('aria-labelledby');
  if (labelled)
    return labelled
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) return labels[0]!.textContent ?? '';
  return el.textContent ?? '';
}

/** Role and name: how a re-rendered element is recognised (as a screen reader would name it). */
function keyOf(el: HTMLElement): string | null {
  const name = accessibleName(el).replace(/\s+/g, ' ').trim();
  if (!name) return null;
  return `${el.tagName}|${el.getAttribute('type') ?? ''}|${el.getAttribute('role') ?? ''}|${name}`;
}

function usable(el: HTMLElement): boolean {
  return el.isConnected && !(el as HTMLButtonElement).disabled && !el.closest('[inert], [hidden]') && el.getClientRects().length > 0;
}

function focusOnBody(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === document.documentElement;
}

function findByKey(key: string | null): HTMLElement | null {
  if (!key) return null;
  const tag = key.slice(0, key.indexOf('|'));
  for (const candidate of document.querySelectorAll<HTMLElement>(tag)) {
    if (keyOf(candidate) === key && usable(candidate)) return candidate;
  }
  return null;
}

/** The nearest remaining control of the part of the page the element was in, or that part's heading. */
function nearby(remembered: Remembered): HTMLElement | null {
  for (const ancestor of remembered.ancestors) {
    if (!ancestor.isConnected || ancestor === document.body) continue;
    const control = [...ancestor.querySelectorAll<HTMLElement>(FOCUSABLE)].find(usable);
    if (control) return control;
    if (ancestor.id === 'inhalt') break;
  }
  return document.querySelector<HTMLElement>('#inhalt h1[tabindex]') ?? document.getElementById('inhalt');
}

export function useFocusKeeper(): void {
  useEffect(() => {
    let remembered: Remembered | null = null;

    const onFocusIn = (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      if (remembered?.fallback === el) return; // the keeper's own interim focus: keep waiting for the element
      const ancestors: HTMLElement[] = [];
      for (let a = el.parentElement; a; a = a.parentElement) ancestors.push(a);
      remembered = { el, key: keyOf(el), ancestors, lostAt: null, fallback: null };
    };
    // A click on something that takes no focus (text, the background) moves focus to <body> on purpose.
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as HTMLElement;
      if (!target.closest?.(`${FOCUSABLE}, [tabindex], label`)) remembered = null;
    };

    const restore = () => {
      const r = remembered;
      if (!r) return;
      const onBody = focusOnBody();
      const onFallback = r.fallback !== null && document.activeElement === r.fallback;
      if (!onBody && !onFallback) {
        if (r.lostAt !== null && !onFallback) remembered = { ...r, lostAt: null, fallback: null };
        return;
      }
      if (onBody && r.lostAt === null) {
        if (usable(r.el)) return; // focus left on purpose (a click elsewhere, the window) — nothing was lost
        r.lostAt = Date.now();
      }
      if (r.lostAt === null) return;
      if (usable(r.el)) {
        r.el.focus({ preventScroll: true });
        remembered = { ...r, lostAt: null, fallback: null };
        return;
      }
      const same = findByKey(r.key);
      if (same) {
        same.focus({ preventScroll: true });
        remembered = { el: same, key: r.key, ancestors: r.ancestors, lostAt: null, fallback: null };
        return;
      }
      // A disabled button (the save runs) comes back by itself; anything else gets a neighbour meanwhile.
      if (r.el.isConnected && (r.el as HTMLButtonElement).disabled && Date.now() - r.lostAt < PATIENCE_MS) return;
      if (onBody) {
        const near = nearby(r);
        if (near) {
          r.fallback = near;
          near.focus({ preventScroll: true });
        }
      }
      if (Date.now() - r.lostAt > PATIENCE_MS)
        remembered = r.fallback ? { el: r.fallback, key: keyOf(r.fallback), ancestors: [], lostAt: null, fallback: null } : null;
    };

    let scheduled = false;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        restore();
      });
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'inert'] });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', schedule);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', schedule);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, []);
}

/* ------------------------------------------------------------------------------------------------ */

const listeners = new Set<(message: string) => void>();

/**
 * Says something politely to screen readers (one live region in the layout): for a change that
 * happens away from where focus is, e.g. a row added further up, a list fetched again.
 */
export function announce(message: string): void {
  for (const listener of listeners) listener(message);
}

export function LiveRegion() {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  useEffect(() => {
    // The same message twice is announced twice: clear, then set on the next frame.
    const listener = (m: string) => {
      setMessage('');
      requestAnimationFrame(() => setMessage(m));
    };
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return (
    <div className="kern-sr-only" role="status" aria-live="polite" aria-label={t('layout.live')}>
      {message}
    </div>
  );
}
