import { expect, test } from '@playwright/test';
import { signInAs, WEB } from './support/hub';
import { technicalText } from './support/plain-text';

test('the JavaScript of the first page arrives compressed (brotli or gzip, written at build time), and there is a favicon', async ({ page }) => {
  const scripts: { url: string; encoding: string | undefined; vary: string | undefined }[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/assets/') && response.url().endsWith('.js')) {
      const headers = response.headers();
      scripts.push({ url: response.url(), encoding: headers['content-encoding'], vary: headers['vary'] });
    }
  });
  await signInAs(page, 'mara', '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) {
    expect(['br', 'gzip'], s.url).toContain(s.encoding);
    expect(s.vary, s.url).toMatch(/accept-encoding/i);
  }
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  const res = await page.request.get(`${WEB()}${icon}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/image\/svg\+xml/);
});

test('the technical-text scanner finds what people must not read, and leaves German alone', () => {
  expect(technicalText(['Jede 2. Woche am Donnerstag um 10:00 Uhr', 'Stadt Bühl (DE-BW) – PDF, ICS und CSV', 'https://example.org/calendar/0b6c2f0e-1d1a-4c1e-9a61-2a6f0e3b9d55.ics']))
    .toEqual([]);
  const found = technicalText([
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    'Sichtbarkeit NETWORK',
    'APPROVED → PUBLISHED',
    'date: muss ein Kalenderdatum (Date) sein',
    '10:00 AM',
    'id 0b6c2f0e-1d1a-4c1e-9a61-2a6f0e3b9d55',
    'input.title',
    'Als Markdown herunterladen',
  ]).join('\n');
  for (const expected of ['Regelcode', 'Enum-Name: NETWORK', 'Code → Code', 'Feldpfad: date:', 'Typname: (Date)', 'AM/PM', 'UUID', 'Feldpfad: input.title', 'Englisch: Markdown']) {
    expect(found).toContain(expected);
  }
});
