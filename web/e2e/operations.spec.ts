import { expect, test } from '@playwright/test';
import pg from 'pg';
import { expectAccessible, screenshot, signInAs, uniq, WEB } from './support/hub';

/** The hub's own database of the browser tests (see support/global-setup.ts). */
async function sql(text: string, values: unknown[] = []) {
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(server);
  url.pathname = `/${process.env.INTERKOM_TEST_DB_PREFIX ?? 'interkom_test'}_web`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

test('Betrieb: a hub admin sees delivery per channel, puts dead letters back in line and compares Matrix rooms', async ({ page }, info) => {
  // A Matrix delivery that gave up (as after eight failed attempts).
  const marker = `Ausfall ${uniq()}`;
  const [{ id }] = await sql(
    `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload, attempts, dead_at, last_error)
     VALUES ('ChatReply', 'Chat', gen_random_uuid(), jsonb_build_object('text', $1::text), 8, now(), 'M_FORBIDDEN') RETURNING id`,
    [marker],
  );

  await signInAs(page, `leitstelle-${uniq()}`, '/', true);
  await page.getByRole('link', { name: 'Betrieb', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Betrieb' })).toBeVisible();
  const matrix = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Matrix', exact: true }) });
  await expect(page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'E-Mail', exact: true }) })).toHaveCount(1);
  await expectAccessible(page, 'the operations page');
  await screenshot(page, 'betrieb', info);

  await matrix.getByRole('button', { name: 'Aufgegebene Zustellungen erneut versuchen: Matrix' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'wieder in der Warteschlange' })).toBeVisible();
  const [row] = await sql('SELECT dead_at, attempts FROM outbox_event WHERE id = $1', [id]);
  expect(row).toEqual({ dead_at: null, attempts: 0 });

  // The browser tests' hub runs without a homeserver: the comparison says so instead of failing.
  await page.getByRole('button', { name: 'Jetzt abgleichen' }).click();
  await expect(page.getByText('Es ist kein Matrix-Homeserver eingerichtet; es gibt nichts abzugleichen.')).toBeVisible();
  await sql('DELETE FROM outbox_event WHERE id = $1', [id]);
});

test('Betrieb does not exist for anyone but hub admins', async ({ page }) => {
  await signInAs(page, 'ben', '/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Betrieb', exact: true })).toHaveCount(0);
  await page.goto(`${WEB()}/betrieb`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nicht gefunden' })).toBeVisible();
});
