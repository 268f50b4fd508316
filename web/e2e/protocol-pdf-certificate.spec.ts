import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { officer, readi } from './support/fixtures';
import { api, expectAccessible, newPage, signInAs, tokenFor, uniq } from './support/hub';

/** The hub's own database of the browser tests (see support/global-setup.ts). */
async function sql(text: string, values: unknown[] = []) {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${process.env.INTERKOM_TEST_DB_PREFIX ?? 'interkom_test'}_web`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

test('a participant marked present downloads the Teilnahmebescheinigung, also after the webinar has left the list', async ({ browser }) => {
  test.slow();
  const r = await readi();
  const mara = await tokenFor('mara');
  const person = await officer(r, `teiln${uniq()}`, 'Ettlingen');
  const { createEventSeries } = await api(mara, 'mutation($i: CreateEventSeriesInput!) { createEventSeries(input: $i) { id } }', {
    i: { title: `Digital ins Wochenende ${uniq()}`, organizerId: r.orgs['Moderationsagentur re@di (Demo)'], networkId: r.networkId, visibility: 'NETWORK' },
  });
  const title = `Barrierefreie Formulare ${uniq()}`;
  const startsAt = new Date(Date.now() + 86_400_000);
  const { scheduleWebinar } = await api(mara, 'mutation($i: ScheduleWebinarInput!) { scheduleWebinar(input: $i) { id } }', {
    i: {
      seriesId: createEventSeries.id,
      title,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
      onlineUrl: 'https://meet.example.org/x',
    },
  });
  await api(person.token, 'mutation($i: RegisterForWebinarInput!) { registerForWebinar(input: $i) { id } }', { i: { webinarId: scheduleWebinar.id } });
  // It took place two days ago; the organiser marks the person present.
  await sql(`UPDATE webinar SET starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '90 minutes' WHERE id = $1`, [
    scheduleWebinar.id,
  ]);
  await api(mara, 'mutation($i: MarkWebinarAttendanceInput!) { markWebinarAttendance(input: $i) { attendedAt } }', {
    i: { webinarId: scheduleWebinar.id, personId: person.id, attended: true },
  });

  const page = await newPage(browser);
  await signInAs(page, person.username, '/webinare');
  await expect(page.getByRole('heading', { name: 'Ihre Teilnahmebescheinigungen' })).toBeVisible();
  const button = page.getByRole('button', { name: `Teilnahmebescheinigung „${title}“ herunterladen` });
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(file.suggestedFilename()).toMatch(/^Teilnahmebescheinigung-.+\.pdf$/);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-', '-'], { input: bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`„${title}“`);
  expect(text).toContain('90 Minuten');
  await expect(button).toBeFocused();
  await expectAccessible(page, 'the webinars page with a Teilnahmebescheinigung');
});
