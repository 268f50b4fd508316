import { expect, type Page } from '@playwright/test';

/** The phone the issue measured on: an iPhone 12–15 class screen. */
export const PHONE = { width: 390, height: 844 };

/**
 * What a phone user would meet on the page as it is: the page never scrolls sideways, no control's
 * text is cut off (a button, select, tab or link button whose text is wider than its box, or any
 * text cut with an ellipsis), and the closed header stays small.
 */
export async function expectFitsPhone(page: Page, what: string): Promise<void> {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      // Name the widest culprits so the failure says where to look.
      // Name the outermost culprits (beyond the edge while their parent is not) so the failure says where to look.
      const beyond = (el: Element) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > doc.clientWidth + 1;
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => beyond(el) && !(el.parentElement && beyond(el.parentElement)))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
      problems.push(`scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth} (${wide.join(', ')})`);
    }
    // checkVisibility: also false inside a closed <details> (Chromium lays its content out but skips painting it).
    const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && el.checkVisibility();
    const canvas = document.createElement('canvas').getContext('2d')!;
    // What the element says, or (a field, an empty box) what it is, so that a failure names it.
    const name = (el: Element) =>
      (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40) ||
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('type') ? ` type=${el.getAttribute('type')}` : ''} class="${el.className}">`;
    for (const select of document.querySelectorAll('select')) {
      if (!visible(select)) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.textContent ?? '';
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (canvas.measureText(text).width > room + 1) problems.push(`select "${select.labels?.[0]?.textContent?.trim() ?? ''}" cuts "${text}"`);
    }
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, [role="tab"], a.kern-btn, .kern-btn, .kern-label, .fc-event-title, .fc-toolbar-title, .fc-list-event-title',
    )) {
      if (!visible(el) || el.clientWidth < 2) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.tagName.toLowerCase()} "${name(el)}" is cut (${el.scrollWidth} > ${el.clientWidth})`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!visible(el) || el.clientWidth < 2) continue;
      if (getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) problems.push(`"${name(el)}" ends in an ellipsis`);
    }
    const header = document.querySelector('header');
    if (header && header.getBoundingClientRect().height > 80) problems.push(`the header is ${Math.round(header.getBoundingClientRect().height)} px high`);
    return [...new Set(problems)];
  });
  expect(found, `${what} at 390 px`).toEqual([]);
}

/** Focus is somewhere a keyboard user can go on from, never dropped to the page's body. */
export async function expectFocusKept(page: Page, after: string): Promise<void> {
  // Focus may move a moment after the change shows (a refetch re-renders): wait for it, but it must arrive.
  await expect
    .poll(() => page.evaluate(() => !!document.activeElement && document.activeElement !== document.body), { message: `focus after ${after}` })
    .toBe(true);
}
