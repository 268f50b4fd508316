import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expectPlainGerman } from './plain-text';

export const WEB = () => process.env.INTERKOM_WEB_URL!;
export const WEB_KC = () => process.env.INTERKOM_WEB_KC_URL!;

/** A development token for a person (created on first use), straight from the hub. */
export async function tokenFor(username: string, admin = false, base = WEB()): Promise<string> {
  const res = await fetch(`${base}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, admin }),
  });
  if (!res.ok) throw new Error(`dev sign-in of ${username} failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** A GraphQL call for test set-up; fails the test on errors. */
export async function api<T = any>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${WEB()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** A page in a context of its own (a second person at another desk), German and in Berlin time. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  return context.newPage();
}

/** Opens the client already signed in (the name picker itself is tested on its own). */
export async function signInAs(page: Page, username: string, path = '/', admin = false, base = WEB()): Promise<void> {
  const token = await tokenFor(username, admin, base);
  await page.addInitScript((t) => {
    sessionStorage.setItem('interkom.devToken', JSON.stringify({ accessToken: t, expiresAt: Date.now() + 3_600_000 }));
  }, token);
  await page.goto(`${base}${path}`);
}

/**
 * axe on the page as it is: no violation of any impact (minor and moderate too) of WCAG 2.0–2.2
 * A/AA (BITV 2.0, WCAG 2.2 target size included) and axe's best practices.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await expectPlainGerman(page, what);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')} (${(v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)})`,
  );
  expect(violations, `accessibility of ${what}`).toEqual([]);
}

/** A full-page screenshot in test-results/screenshots (never compared: no pixel tests). */
export async function screenshot(page: Page, name: string, info: TestInfo): Promise<string> {
  const dir = join(info.config.rootDir, '..', 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * A screenshot the README shows: with INTERKOM_SCREENSHOTS=1 also copied into web/screenshots.
 * Only the demo tour (demo-tour.spec.ts) takes them, on the demo data, never on test fixtures.
 */
export async function readmeScreenshot(page: Page, name: string, info: TestInfo): Promise<void> {
  const path = await screenshot(page, name, info);
  if (process.env.INTERKOM_SCREENSHOTS === '1') {
    const target = resolve(info.config.rootDir, '..', 'screenshots');
    mkdirSync(target, { recursive: true });
    copyFileSync(path, join(target, `${name}.png`));
  }
}

export const uniq = () => Math.random().toString(36).slice(2, 8);
