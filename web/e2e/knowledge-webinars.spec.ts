import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { officer, readi } from './support/fixtures';
import { api, expectAccessible, newPage, screenshot, signInAs, tokenFor, uniq } from './support/hub';

test('Steckbriefe: German search with umlaut folding, visibility per network, and a new profile', async ({ page }, info) => {
  await signInAs(page, 'ben', '/steckbriefe');
  await expect(page.getByRole('heading', { level: 1, name: 'Steckbriefe' })).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Suchen' });
  await search.fill('Buergerbeteiligung');
  const hit = page.getByRole('link', { name: 'Digitale Bürgerbeteiligung zur Ortskernentwicklung (Demo)' });
  await expect(hit).toBeVisible();
  await expect(page.locator('mark').first()).toBeVisible();
  await expectAccessible(page, 'the profile search');
  await screenshot(page, 'steckbriefe', info);
  // IKONE's network-only profile is not ben's to see, not even in the count.
  await search.fill('konferenz');
  await expect(page.getByTestId('profile-total')).toHaveText('Keine Steckbriefe gefunden.');

  await hit.waitFor({ state: 'detached' });
  await search.fill('');
  await page.getByRole('button', { name: 'Steckbrief anlegen' }).click();
  const title = `Sensoren an Schulen ${uniq()}`;
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Kurzbeschreibung').fill('CO2-Ampeln mit LoRaWAN in zwölf Klassenzimmern.');
  await page.getByLabel('Bildung und Jugend').check();
  await page.getByRole('button', { name: 'Steckbrief anlegen' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page, 'a profile');
});

test('editing a profile someone else saved meanwhile shows their version instead of overwriting it', async ({ browser }) => {
  const ben = await tokenFor('ben');
  const r = await readi();
  const { createProjectProfile } = await api(ben, 'mutation($i: CreateProjectProfileInput!) { createProjectProfile(input: $i) { id } }', {
    i: {
      title: `Pegelmessung ${uniq()}`,
      summary: 'Erste Fassung.',
      organizationIds: [r.orgs.Rheinstetten],
      status: 'RUNNING',
      visibility: 'NETWORK',
      networkId: r.networkId,
    },
  });
  const mine = await newPage(browser);
  const other = await newPage(browser);
  await signInAs(mine, 'ben', `/steckbriefe/${createProjectProfile.id}`);
  await signInAs(other, 'ben', `/steckbriefe/${createProjectProfile.id}`);
  await mine.getByRole('button', { name: 'Bearbeiten' }).click();
  await other.getByRole('button', { name: 'Bearbeiten' }).click();
  await other.getByLabel('Kurzbeschreibung').fill('Fassung aus dem anderen Fenster.');
  await other.getByRole('button', { name: 'Speichern' }).click();
  await expect(other.getByText('Fassung aus dem anderen Fenster.').first()).toBeVisible();

  await mine.getByLabel('Kurzbeschreibung').fill('Meine Fassung.');
  await mine.getByRole('button', { name: 'Speichern' }).click();
  const conflict = mine.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
  await expect(conflict).toContainText('Fassung aus dem anderen Fenster.');
  await expect(mine.getByLabel('Kurzbeschreibung')).toHaveValue('Meine Fassung.');
  await mine.getByRole('button', { name: 'Meine Fassung speichern' }).click();
  await expect(mine.locator('.kern-body--large')).toHaveText('Meine Fassung.');
});

test('Webinare: registering gives the access link; a full webinar has a waitlist that moves up', async ({ browser }, info) => {
  const r = await readi();
  const mara = await tokenFor('mara');
  const { createEventSeries } = await api(mara, 'mutation($i: CreateEventSeriesInput!) { createEventSeries(input: $i) { id } }', {
    i: { title: `Digital ins Wochenende ${uniq()}`, organizerId: r.orgs['Moderationsagentur re@di (Demo)'], networkId: r.networkId, visibility: 'NETWORK' },
  });
  const title = `LoRaWAN in der Praxis ${uniq()}`;
  const startsAt = new Date(Date.now() + 8 * 86_400_000);
  await api(mara, 'mutation($i: ScheduleWebinarInput!) { scheduleWebinar(input: $i) { id } }', {
    i: {
      seriesId: createEventSeries.id,
      title,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 45 * 60_000).toISOString(),
      capacity: 1,
      onlineUrl: 'https://meet.example.org/digital-ins-wochenende',
      speakers: [{ name: 'Ben Digitallotse', role: 'Digitallotse', organizationId: r.orgs.Rheinstetten }],
    },
  });
  const gina = await officer(r, 'gina', 'Rastatt');

  const first = await newPage(browser);
  await signInAs(first, 'ben', '/webinare');
  const w1 = first.getByTestId('webinar').filter({ hasText: title });
  await w1.getByRole('button', { name: `Anmelden: „${title}“` }).click();
  await expect(w1.getByText('Sie sind angemeldet')).toBeVisible();
  await expect(w1.getByRole('link', { name: `Zum Webinar: „${title}“` })).toHaveAttribute('href', /meet\.example\.org/);
  // Giving up the seat is not "Abmelden" (that signs out of the hub).
  await expect(w1.getByRole('button', { name: /^Abmelden/ })).toHaveCount(0);
  await expectAccessible(first, 'the webinars page');
  await screenshot(first, 'webinare', info);

  const second = await newPage(browser);
  await signInAs(second, gina.username, '/webinare');
  const w2 = second.getByTestId('webinar').filter({ hasText: title });
  await expect(w2.getByText('1 von 1 Plätzen belegt')).toBeVisible();
  // Full: one action, the waitlist, and a sentence saying what it means; no "Anmelden" beside it.
  await expect(w2.getByText('Alle Plätze sind belegt.', { exact: false })).toBeVisible();
  await expect(w2.getByRole('button', { name: /^Anmelden/ })).toHaveCount(0);
  await w2.getByRole('button', { name: `Auf die Warteliste: „${title}“` }).click();
  await expect(w2.getByText('Warteliste, Platz 1')).toBeVisible();
  await expect(w2.getByRole('link', { name: /^Zum Webinar/ })).toHaveCount(0);
  await expect(w2.getByRole('button', { name: `Von der Warteliste nehmen: „${title}“` })).toBeVisible();

  await w1.getByRole('button', { name: `Teilnahme absagen: „${title}“` }).click();
  // Gina moved up into the only seat: for Ben the webinar is full now.
  await expect(w1.getByRole('button', { name: `Auf die Warteliste: „${title}“` })).toBeVisible();
  await second.reload();
  await expect(second.getByTestId('webinar').filter({ hasText: title }).getByText('Sie sind angemeldet')).toBeVisible();
});

test('Webinare organisieren: a moderator creates a series, schedules a webinar and cancels it; members see it change', async ({ browser }, info) => {
  test.slow(); // organizer, member, participant list and a download
  const seriesTitle = `Digital ins Wochenende ${uniq()}`;
  const title = `E-Rechnung im Rathaus ${uniq()}`;
  const mara = await newPage(browser);
  await signInAs(mara, 'mara', '/webinare');
  const organize = mara.getByRole('region', { name: 'Reihen, die Sie organisieren' });
  await organize.getByRole('button', { name: 'Neue Reihe anlegen' }).click();
  await organize.getByLabel('Titel der Reihe').fill(seriesTitle);
  await organize.getByLabel('Netzwerk').selectOption({ label: 're@di' });
  await organize.getByLabel('Veranstaltende Organisation').selectOption({ label: 'Moderationsagentur re@di (Demo)' });
  await organize.getByRole('button', { name: 'Reihe anlegen' }).click();
  const series = organize.getByTestId('organized-series').filter({ hasText: seriesTitle });
  await expect(series.getByText('Keine anstehenden Webinare in dieser Reihe.')).toBeVisible();

  // A date in the past is refused next to the date field, and nothing typed is lost.
  await series.getByRole('button', { name: `Webinar planen in „${seriesTitle}“` }).click();
  await series.getByLabel('Titel des Webinars').fill(title);
  await series.getByLabel(/Referentinnen und Referenten/).fill('Anna Schmidt, Digitallotsin Stadt Bretten\nBen Digitallotse');
  await series.getByLabel(/^Plätze/).fill('2');
  const typeDate = async (day: Date) => {
    await series.getByRole('spinbutton', { name: /Tag/ }).first().click();
    await mara.keyboard.type(`${String(day.getDate()).padStart(2, '0')}${String(day.getMonth() + 1).padStart(2, '0')}${day.getFullYear()}`);
  };
  await typeDate(new Date(Date.now() - 2 * 86_400_000));
  await series.getByRole('button', { name: 'Webinar planen' }).last().click();
  await expect(series.getByRole('alert').filter({ hasText: 'muss in der Zukunft liegen' })).toBeVisible();
  await expect(series.getByLabel('Titel des Webinars')).toHaveValue(title);
  await typeDate(new Date(Date.now() + 9 * 86_400_000));
  await series.getByRole('button', { name: 'Webinar planen' }).last().click();
  await expect(series.getByText(title)).toBeVisible();
  await expect(series.getByText('0 von 2 Plätzen belegt')).toBeVisible();
  // It is in the list for participants too, with its speakers.
  const listed = mara.getByTestId('webinar').filter({ hasText: title });
  await expect(listed.getByText('Mit: Anna Schmidt, Digitallotsin Stadt Bretten; Ben Digitallotse')).toBeVisible();
  await expectAccessible(mara, 'the webinars page for organizers');
  await screenshot(mara, 'webinare-organisieren', info);

  // Ben registers; a member organizes nothing and sees no organizer section.
  const ben = await newPage(browser);
  await signInAs(ben, 'ben', '/webinare');
  const forBen = ben.getByTestId('webinar').filter({ hasText: title });
  await forBen.getByRole('button', { name: `Anmelden: „${title}“` }).click();
  await expect(forBen.getByText('Sie sind angemeldet')).toBeVisible();
  await expect(ben.getByRole('region', { name: 'Reihen, die Sie organisieren' })).toHaveCount(0);

  await mara.reload();
  const again = mara.getByTestId('organized-series').filter({ hasText: seriesTitle });
  await expect(again.getByText('1 von 2 Plätzen belegt')).toBeVisible();

  // The participant list: who, for which organization, e-mail, when, status; as CSV for Excel.
  await again.getByRole('button', { name: `Teilnehmende anzeigen: „${title}“` }).click();
  const list = again.getByRole('table', { name: `Teilnehmende von „${title}“` });
  const benRow = list.getByRole('row').filter({ hasText: 'Rheinstetten' });
  await expect(benRow.getByRole('cell', { name: 'angemeldet', exact: true })).toBeVisible();
  await expect(benRow.getByRole('link', { name: /@/ })).toBeVisible();
  await expect(list.getByRole('columnheader', { name: 'Angemeldet am' })).toBeVisible();
  await expectAccessible(mara, 'the participant list');
  const [download] = await Promise.all([
    mara.waitForEvent('download'),
    again.getByRole('button', { name: `Teilnehmende von „${title}“ als CSV herunterladen (für Excel, Teilnahmebescheinigungen)` }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Teilnehmende-E-Rechnung-im-Rathaus-.+\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('\uFEFFName;Organisation;E-Mail;Angemeldet am;Status');
  expect(lines[1]).toMatch(/^[^;]+;[^;]*Rheinstetten[^;]*;[^;]+@[^;]+;\d\d\.\d\d\.\d{4} \d\d:\d\d;angemeldet$/);
  await again.getByRole('button', { name: `Absagen: „${title}“` }).click();
  await again.getByLabel(/Grund der Absage/).fill('Referentin erkrankt');
  await again.getByRole('button', { name: 'Webinar absagen' }).click();
  await expect(again.getByText('Abgesagt')).toBeVisible();
  await ben.reload();
  await expect(ben.getByTestId('webinar').filter({ hasText: title }).getByText('Abgesagt')).toBeVisible();
});
