import { expect, test } from '@playwright/test';
import { addToGroup, officer, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, newPage, screenshot, signInAs, tokenFor, uniq } from './support/hub';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

test('a moderator plans a jour fixe with the rule builder and sees the holidays it skips before saving', async ({ page }, info) => {
  await signInAs(page, 'mara', `/planung?gruppe=${r.groups.erechnung}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Planung' })).toBeVisible();
  await expect(page.getByLabel('Gruppe')).toHaveValue(r.groups.erechnung);
  const title = `Jour fixe E-Rechnung ${uniq()}`;
  await page.getByLabel('Titel der Serie').fill(title);
  // Every week on Thursday from 1 May 2031: 1 May, Ascension Day and Corpus Christi fall on Thursdays.
  await page.getByLabel('Abstand').selectOption('1');
  await expect(page.getByLabel('Donnerstag')).toBeChecked();
  await page.getByRole('group', { name: 'Erster Termin ab' }).getByRole('spinbutton', { name: /Tag/ }).click();
  await page.keyboard.type('01052031');
  await page.getByLabel('Uhrzeit').fill('09:30');
  await expect(page.getByTestId('rule-sentence')).toContainText('Jede Woche am Donnerstag um 09:30 Uhr');
  await expect(page.getByRole('group', { name: 'Erster Termin ab' })).toContainText('1.5.2031');
  // The preview follows the form (debounced): wait for the dates of this rule before reading the holidays.
  await expect(page.getByTestId('preview-dates').locator('li').first()).toContainText('Do., 8. Mai 2031, 09:30', { timeout: 20_000 });
  const skipped = page.getByTestId('preview-skipped');
  await expect(skipped).toContainText('Donnerstag, 1. Mai 2031');
  await expect(skipped).toContainText('Maifeiertag');
  await expect(skipped).toContainText('Christi Himmelfahrt');
  await expect(skipped).toContainText('Fronleichnam');
  await expectAccessible(page, 'the planning page');
  await screenshot(page, 'planung', info);

  // Every 2nd week: the sentence and the rule follow.
  await page.getByLabel('Abstand').selectOption('2');
  await expect(page.getByTestId('rule-sentence')).toContainText('Jede 2. Woche am Donnerstag um 09:30 Uhr');
  await expect(page.getByTestId('rule-sentence')).not.toContainText('FREQ=');
  // With no weekday there is no rule: the form says so instead of sending one.
  await page.getByLabel('Donnerstag').uncheck();
  await expect(page.getByRole('button', { name: 'Serie anlegen' })).toBeDisabled();
  await page.getByLabel('Donnerstag').check();
  await page.getByRole('button', { name: 'Serie anlegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Serie „${title}“ angelegt` })).toBeVisible();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  // The form starts afresh (the series is not created twice by a second click).
  await expect(page.getByLabel('Titel der Serie')).not.toHaveValue(title);
  await expect(page.getByLabel('Uhrzeit')).toHaveValue('10:00');
  await expect(page.getByLabel('Abstand')).toHaveValue('2');
});

test('the fields of a group stand below their legend, each with its own name', async ({ page }) => {
  await signInAs(page, 'mara', `/planung?gruppe=${r.groups.erechnung}`);
  const rhythm = page.getByRole('group', { name: 'Rhythmus', exact: true });
  const repeat = rhythm.getByRole('combobox', { name: 'Wiederholung', exact: true });
  await expect(repeat).toBeVisible();
  await expect(rhythm.getByRole('group', { name: 'Wochentage', exact: true })).toBeVisible();
  // The legend is a line of its own: the first field's label starts below it, not beside it.
  const legend = await rhythm.locator('legend').first().boundingBox();
  const label = await rhythm.getByText('Wiederholung', { exact: true }).boundingBox();
  expect(label!.y).toBeGreaterThanOrEqual(legend!.y + legend!.height - 1);
});

test("the API's refusal shows next to the field it names", async ({ page }) => {
  await signInAs(page, 'mara', `/planung?gruppe=${r.groups.erechnung}`);
  // The page is ready once the group from the address is chosen (as in the first test).
  await expect(page.getByLabel('Gruppe')).toHaveValue(r.groups.erechnung);
  await page.getByLabel('Titel der Serie').fill('   ');
  await page.getByRole('button', { name: 'Serie anlegen' }).click();
  const title = page.getByLabel('Titel der Serie');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.kern-form-input--error').filter({ has: title }).getByRole('alert')).toHaveText('darf nicht leer sein');
});

test('a series edited from a date on, and one occurrence cancelled', async ({ page }) => {
  const mara = await tokenFor('mara');
  const title = `Jour fixe Vereine ${uniq()}`;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  await api(mara, 'mutation($i: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $i) { id } }', {
    i: {
      groupId: r.groups.vereine,
      title,
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      startsOn: today,
      startTime: '14:00',
      durationMinutes: 30,
      holidayPolicy: 'IGNORE',
    },
  });
  await signInAs(page, 'mara', `/planung?gruppe=${r.groups.vereine}`);
  const series = page.locator('article.ik-series').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(series.getByText('Jede Woche am Montag, Dienstag, Mittwoch, Donnerstag und Freitag um 14:00 Uhr')).toBeVisible();
  const first = series
    .locator('li')
    .filter({ has: page.getByRole('button', { name: /^Diesen Termin absagen/ }) })
    .first();
  const when = (await first.locator('span').first().textContent())!;
  await first.getByRole('button', { name: /^Diesen Termin absagen/ }).click();
  await expect(series.locator('li').filter({ hasText: when }).getByText('Abgesagt')).toBeVisible();

  await series.getByRole('button', { name: 'Ab einem Datum ändern' }).click();
  await series.getByLabel('Uhrzeit').fill('15:00');
  await series.getByRole('button', { name: 'Ab diesem Datum übernehmen' }).click();
  await expect(series.getByText('um 15:00 Uhr')).toBeVisible();
  // The cancelled occurrence stays cancelled; the others moved to 15:00.
  await expect(series.locator('li').filter({ hasText: 'Abgesagt' })).toHaveCount(1);
  await expect(series.locator('li').filter({ hasText: '15:00–15:30' }).first()).toBeVisible();
});

test('the group page shows the jour fixe with its next dates and skipped holidays, and a date poll becomes a meeting', async ({ browser }, info) => {
  const mara = await tokenFor('mara');
  const member = await officer(r, 'emil', 'Bruchsal');
  await addToGroup(r.groups.plenum, member.id, 'MEMBER', r.orgs.Bruchsal);
  const title = `Plenum-Serie ${uniq()}`;
  // Monthly on the first Friday: 1 January 2027 (New Year) is one; it is skipped.
  await api(mara, 'mutation($i: ScheduleMeetingSeriesInput!) { scheduleMeetingSeries(input: $i) { id } }', {
    i: { groupId: r.groups.plenum, title, rrule: 'FREQ=MONTHLY;BYDAY=1FR', startsOn: '2026-12-01', startTime: '10:00', durationMinutes: 120 },
  });
  const pollTitle = `Klausurtagung ${uniq()}`;
  const slot = (days: number) => ({
    startsAt: new Date(Date.now() + days * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + days * 86_400_000 + 3 * 3_600_000).toISOString(),
  });
  await api(mara, 'mutation($i: CreateDatePollInput!) { createDatePoll(input: $i) { id } }', {
    i: { groupId: r.groups.plenum, title: pollTitle, options: [slot(40), slot(41)] },
  });

  const page = await newPage(browser);
  await signInAs(page, member.username, `/gruppen/${r.groups.plenum}`);
  await page.getByRole('tab', { name: 'Jour fixe und Serien' }).click();
  const series = page.locator('section').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(series.getByText('Jeden Monat am ersten Freitag um 10:00 Uhr')).toBeVisible();
  await expect(series.getByText('Freitag, 1. Januar 2027')).toBeVisible();
  await expect(series.getByText('Neujahr')).toBeVisible();
  await expectAccessible(page, 'the series tab');
  await screenshot(page, 'gruppe-serien', info);

  await page.getByRole('tab', { name: 'Terminumfragen' }).click();
  const poll = page.locator('section').filter({ has: page.getByRole('heading', { name: pollTitle }) });
  await poll.getByRole('radio', { name: 'ja' }).first().check();
  await expect(poll.getByText('1 ja, 0 vielleicht, 0 nein').first()).toBeVisible();
  await expectAccessible(page, 'the date polls tab');
  await page.getByRole('tab', { name: 'Chat und Kalender' }).click();
  await expect(page.getByLabel('Adresse des Gruppenkalenders')).toHaveValue(new RegExp(`/calendar/groups/${r.groups.plenum}\\.ics\\?token=`));
  await expectAccessible(page, 'the channels tab');

  const moderator = await newPage(browser);
  await signInAs(moderator, 'mara', `/gruppen/${r.groups.plenum}`);
  await moderator.getByRole('tab', { name: 'Terminumfragen' }).click();
  const modPoll = moderator.locator('section').filter({ has: moderator.getByRole('heading', { name: pollTitle }) });
  await modPoll
    .getByRole('button', { name: /^Diesen Termin wählen/ })
    .first()
    .click();
  await expect(modPoll.getByText('abgeschlossen')).toBeVisible();
  await modPoll.getByRole('link', { name: 'Zur angelegten Sitzung' }).click();
  await expect(moderator.getByRole('heading', { level: 1, name: pollTitle })).toBeVisible();
});

test('the calendar shows my meetings in German', async ({ page }, info) => {
  const title = `Kalendertermin ${uniq()}`;
  const mara = await tokenFor('mara');
  // In 12 days at 10:00 UTC (11:00 or 12:00 in Berlin): a meeting that ran past midnight would
  // show in two day cells (the test failed when it ran at 23:11 Berlin time).
  const startsAt = new Date(Date.now() + 12 * 86_400_000);
  startsAt.setUTCHours(10, 0, 0, 0);
  await api(mara, 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
    i: { groupId: r.groups.fachgruppe, title, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() },
  });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(startsAt);
  await signInAs(page, 'mara', `/kalender?datum=${day}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  await expect(page.locator('button', { hasText: 'Heute' })).toBeVisible();
  const event = page.getByText(`Fachgruppe Digitalisierung: ${title}`);
  await expect(event).toBeVisible();
  await expectAccessible(page, 'the calendar');
  await screenshot(page, 'kalender', info);
  await event.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test("the calendar shows the public holidays of one's Land, labelled", async ({ page }) => {
  // mara's city is in Baden-Württemberg (demo data): Fronleichnam is a holiday there, Reformationstag is not.
  await signInAs(page, 'mara', '/kalender?datum=2031-06-12');
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  await expect(page.getByText('Fronleichnam (Feiertag)')).toBeVisible();
  await expect(page.getByText('Pfingstmontag (Feiertag)')).toBeVisible();
  await expectAccessible(page, 'the calendar with holidays');
  await page.getByRole('tab', { name: 'Monat', exact: true }).click();
  await expect(page.getByText('Fronleichnam (Feiertag)')).toBeVisible();
  await signInAs(page, 'mara', '/kalender?datum=2031-10-15');
  await expect(page.getByText('Tag der Deutschen Einheit (Feiertag)')).toBeVisible();
  await expect(page.getByText('Reformationstag (Feiertag)')).toHaveCount(0);
});
