import { expect, type Page } from '@playwright/test';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A scan for technical text in front of people: what a page shows (its visible text, and the
 * accessible names, titles, placeholders and option labels of what is visible) must be German
 * words, not rule codes, enum names, ids, field paths, type names, AM/PM or English.
 *
 * With INTERKOM_PLAIN_SURVEY=1 the findings are written to test-results/plain-survey.txt instead
 * of failing the test (to see everything the whole suite would flag in one run).
 */

/** Real German (and public-sector) abbreviations in capitals that are not enum names. */
const ABBREVIATIONS = new Set([
  'PDF', 'ICS', 'CSV', 'JSON', 'KIT', 'IKONE', 'BITV', 'BGG', 'WCAG', 'IT', 'OZG', 'EU', 'KI', 'DSGVO', 'URL', 'ID', 'UTC', 'MEZ', 'MESZ', 'GPS',
  'BW', 'NRW', 'HTML', 'DIN', 'ISO', 'EGOV', 'KGST', 'SGB', 'USB', 'WLAN', 'PLZ', 'TOP', 'TOPS', 'FAQ', 'AG', 'AGS', 'ABC',
  'CDU', 'SPD', 'FDP', 'BSI', 'DNS', 'LAN', 'SAP', 'FIM', 'XOEV', 'XTA', 'OSCI', 'EPA', 'ZIP', 'KB', 'MB', 'GB', 'BMI', 'IKT',
]);

/** English words (and words of the trade) that have a German word in this client. */
const ENGLISH = [
  'Markdown', 'SHA-256', 'Hub', 'Loading', 'Submit', 'Cancel', 'Save', 'Delete', 'Edit', 'Error', 'Warning', 'undefined', 'null',
  'NaN', 'Invalid Date', 'Unknown', 'Settings', 'Dashboard', 'Sign in', 'Sign out', 'Logout', 'Login', 'Username', 'Password',
  'Required', 'Optional', 'Search', 'Upload', 'Download', 'Not found', 'Forbidden', 'true', 'false', 'Payload', 'Token',
  'Timezone', 'Timestamp', 'Status:', 'Draft', 'Approved', 'Published', 'Pending', 'Rejected', 'Waitlist', 'Attendee',
  'Webhook', 'Outbox', 'Query', 'Mutation', 'GraphQL', 'Enum', 'Boolean', 'String', 'DateTime',
];

interface Rule {
  name: string;
  find: (text: string) => string[];
}

const all = (re: RegExp) => (text: string) => [...text.matchAll(re)].map((m) => m[0]);

const RULES: Rule[] = [
  { name: 'Regelcode (RRULE)', find: all(/\b(?:RRULE:|FREQ=|BYDAY=|INTERVAL=|BYMONTHDAY=|COUNT=|UNTIL=)\S*/g) },
  { name: 'UUID', find: all(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi) },
  {
    name: 'Enum-Name',
    find: (text) =>
      [...text.matchAll(/(?<![\w./-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\w/-])/g)]
        .map((m) => m[0])
        .filter((w) => (w.includes('_') || w.replace(/[0-9]/g, '').length >= 3) && !ABBREVIATIONS.has(w)),
  },
  { name: 'Code → Code', find: all(/\b[A-Z][A-Z_]{2,}\s*(?:→|->)\s*[A-Z][A-Z_]{2,}\b/g) },
  { name: 'Feldpfad', find: all(/\b(?:input|variables|args)\.[A-Za-z_][\w.[\]]*|\b[a-z]+[A-Z]\w*\[\d+\]|(?:^|\n)\s*\$?(?:[a-z]+[A-Z][a-zA-Z0-9]*|[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+|\[\d+\])+|date|title|name|text|url|email|username|query|reason|message|notes|location|until|from|to|id)(?:\.[a-zA-Z0-9]+|\[\d+\])*: /g) },
  { name: 'Typname', find: all(/\((?:Date|DateTime|String|Int|Float|Boolean|ID|UUID)!?\)|\b(?:String|Int|Float|Boolean|ID|Date|DateTime)!|\[\w+!\]!?/g) },
  { name: 'Zeitzonen-Code', find: all(/\b(?:Europe|America|Asia|Africa|Australia|Pacific|Atlantic|Etc)\/[A-Za-z_]+/g) },
  { name: 'AM/PM', find: all(/\b\d{1,2}(?::\d{2})?\s?(?:AM|PM|am|pm|a\.m\.|p\.m\.)(?![\w])/g) },
  {
    name: 'Englisch',
    find: (text) => ENGLISH.filter((w) => new RegExp(`(?<![\\wäöüÄÖÜß-])${w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\wäöüÄÖÜß-])`).test(text)),
  },
];

/** The visible text of the page and the names, titles, placeholders and option labels of what is visible. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect?.();
      const style = getComputedStyle(el);
      return !!box && (box.width > 0 || box.height > 0) && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const texts: string[] = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], select, [aria-description]')) {
      if (!visible(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = el.getAttribute(attr);
        if (value) texts.push(value);
      }
      if (el instanceof HTMLSelectElement) for (const option of el.options) texts.push(option.label);
    }
    return texts;
  });
}

/** What in the texts is technical, as "rule: text" lines. Web addresses and e-mail addresses are left out. */
export function technicalText(texts: string[]): string[] {
  const found = new Set<string>();
  for (const raw of texts) {
    const text = raw.replace(/\b(?:https?|webcal):\/\/\S+/g, ' ').replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ');
    for (const rule of RULES) for (const hit of rule.find(text)) found.add(`${rule.name}: ${hit.trim()}`);
  }
  return [...found];
}

/** Fails when the page shows technical text (see the rules above). */
export async function expectPlainGerman(page: Page, what: string): Promise<void> {
  const found = technicalText(await pageTexts(page));
  if (process.env.INTERKOM_PLAIN_SURVEY === '1') {
    if (found.length) {
      const dir = resolve(import.meta.dirname, '../../test-results');
      mkdirSync(dir, { recursive: true });
      appendFileSync(join(dir, 'plain-survey.txt'), `${what} (${page.url()}):\n${found.map((f) => `  ${f}`).join('\n')}\n`);
    }
    return;
  }
  expect(found, `technical text on ${what}`).toEqual([]);
}
