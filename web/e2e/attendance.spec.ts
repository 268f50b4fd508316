import { expect, test, type Page } from '@playwright/test';
import { meeting, officer, projectGroup, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, newPage, signInAs, tokenFor } from './support/hub';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

/** Nothing wider than its box (a select cut off at 390 px reads "an…" for "anwesend"). */
async function expectNothingCutOff(page: Page, what: string) {
  const cut = await page
    .locator('main select, main input, main button, main td')
    .evaluateAll((els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible').map((e) => e.outerHTML.slice(0, 80)),
    );
  expect(cut, `nothing cut off: ${what}`).toEqual([]);
  const page_ = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(page_, `no sideways scrolling: ${what}`).toBe(true);
}

test('the moderation records a guest, a deputy for a city and an external person, in German, with errors beside the fields', async ({ browser }) => {
  const groupId = await projectGroup(r, 'Projektgruppe Anwesenheit');
  const guest = await officer(r, 'gast', 'Ettlingen');
  const deputy = await officer(r, 'vertretung', 'Ettlingen');
  const meetingId = await meeting(await tokenFor('mara'), groupId, 'Sitzung mit Gästen', -1);
  const mara = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}#anwesenheit`);
  const section = mara.locator('#anwesenheit');
  await expect(section.getByRole('heading', { name: 'Weitere Teilnehmende erfassen' })).toBeVisible();

  // A guest from the network (a person of Ettlingen who is not in the group).
  const kind = section.getByLabel('Art der Teilnahme');
  await expect(kind).toHaveValue('GUEST');
  // Nobody chosen: the API's German message stands next to the person field.
  await section.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(section.getByText('muss eine gültige ID (UUID) sein')).toBeVisible();
  await expect(section.getByLabel('Person', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await section.getByLabel('Person', { exact: true }).selectOption({ label: `${displayName(guest.username)} (Stadt Ettlingen)` });
  await section.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(section.getByText(`„${displayName(guest.username)}“ wurde erfasst.`)).toBeVisible();
  await expect(kind).toBeFocused();
  const guestRow = section.getByRole('row', { name: new RegExp(displayName(guest.username)) });
  await expect(guestRow).toContainText('Gast');

  // A deputy: without the city the field says what is missing; with it the row reads "in Vertretung für".
  await kind.selectOption({ label: 'Vertretung' });
  await section.getByLabel('Person', { exact: true }).selectOption({ label: `${displayName(deputy.username)} (Stadt Ettlingen)` });
  await section.getByRole('button', { name: 'Hinzufügen' }).click();
  const city = section.getByLabel('In Vertretung für');
  await expect(city).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByText('für eine Vertretung bitte die Organisation angeben, für die die Person teilnimmt')).toBeVisible();
  await city.selectOption({ label: 'Stadt Bruchsal' });
  await section.getByRole('button', { name: 'Hinzufügen' }).click();
  const deputyRow = section.getByRole('row', { name: new RegExp(displayName(deputy.username)) });
  await expect(deputyRow).toContainText('in Vertretung für Stadt Bruchsal');
  await expect(deputyRow).toContainText('Vertretung');

  // An external person without an account, by name and organization.
  await kind.selectOption({ label: 'Externe Person' });
  await section.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(section.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByText('darf nicht leer sein')).toBeVisible();
  await section.getByLabel('Name', { exact: true }).fill('Dr. Erika Extern');
  await section.getByLabel('Organisation – optional').fill('Ingenieurbüro Nord');
  await section.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(section.getByText('„Dr. Erika Extern“ wurde erfasst.')).toBeVisible();
  const externalRow = section.getByRole('row', { name: /Dr\. Erika Extern/ });
  await expect(externalRow).toContainText('Ingenieurbüro Nord');
  await expect(externalRow).toContainText('Externe Person');
  await expect(externalRow).toContainText('nur intern sichtbar');
  await expect(externalRow.getByLabel('Anwesenheit von Dr. Erika Extern')).toHaveValue('PRESENT');

  // Status changes keep the focus where it was.
  const status = externalRow.getByLabel('Anwesenheit von Dr. Erika Extern');
  await status.focus();
  await status.selectOption({ label: 'entschuldigt' });
  await expect(status).toHaveValue('EXCUSED');
  await expect(mara.locator('#anwesenheit').getByRole('row', { name: /Dr\. Erika Extern/ })).toBeVisible();
  await expect(status).toBeFocused();

  await expectAccessible(mara, 'attendance with a guest, a deputy and an external person');
  await expect(mara.locator('main')).not.toContainText(/\b(GUEST|DEPUTY|EXTERNAL|SPEAKER|MEMBER|PRESENT|EXCUSED)\b/);

  // Removing asks once more; focus goes to the form's heading, not to the page's start.
  await externalRow.getByRole('button', { name: 'Entfernen: „Dr. Erika Extern“ von der Anwesenheitsliste' }).click();
  await section.getByRole('button', { name: 'Ja, entfernen' }).click();
  await expect(section.getByText('„Dr. Erika Extern“ wurde von der Liste genommen.')).toBeVisible();
  await expect(section.getByRole('row', { name: /Dr\. Erika Extern/ })).toHaveCount(0);
  await expect(section.getByRole('heading', { name: 'Weitere Teilnehmende erfassen' })).toBeFocused();

  // At 390 px nothing is cut off.
  await mara.setViewportSize({ width: 390, height: 844 });
  await mara.reload();
  await expect(mara.locator('#anwesenheit').getByRole('row', { name: new RegExp(displayName(deputy.username)) })).toContainText(
    'in Vertretung für Stadt Bruchsal',
  );
  await expectNothingCutOff(mara, 'attendance at 390 px');
  await expectAccessible(mara, 'attendance at 390 px');
});

/** The dev sign-in names a person by their username. */
const displayName = (username: string) => username;

test('once the protocol is approved, the attendance shows everyone but offers no controls', async ({ browser }) => {
  const mara = await tokenFor('mara');
  const groupId = await projectGroup(r, 'Projektgruppe Abgeschlossen');
  const guest = await officer(r, 'gast', 'Bühl');
  const meetingId = await meeting(mara, groupId, 'Genehmigte Sitzung mit Gästen', -2);
  await api(mara, 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { role } }', {
    i: { meetingId, personId: guest.id, status: 'PRESENT', role: 'SPEAKER' },
  });
  await api(mara, 'mutation($i: AddExternalAttendeeInput!) { addExternalAttendee(input: $i) { id } }', {
    i: { meetingId, name: 'Prof. Sabine Sachverstand', organizationName: 'KIT' },
  });
  const { startProtocol: p } = await api(mara, 'mutation($m: ID!) { startProtocol(input: { meetingId: $m }) { id version } }', { m: meetingId });
  let version: number = p.version;
  for (const step of ['submitProtocolForReview', 'approveProtocol']) {
    version = (
      await api(mara, `mutation($i: ProtocolTransitionInput!) { ${step}(input: $i) { version } }`, { i: { protocolId: p.id, expectedVersion: version } })
    )[step].version;
  }
  const page = await newPage(browser);
  await signInAs(page, 'mara', `/sitzungen/${meetingId}`);
  const section = page.locator('#anwesenheit');
  await expect(section.getByRole('row', { name: /Prof\. Sabine Sachverstand/ })).toContainText('anwesend');
  await expect(section.getByRole('row', { name: new RegExp(guest.username) })).toContainText('Vortrag');
  await expect(section.getByRole('heading', { name: 'Weitere Teilnehmende erfassen' })).toHaveCount(0);
  await expect(section.getByRole('button')).toHaveCount(0);
  await expect(section.getByRole('combobox')).toHaveCount(0);
  await expectAccessible(page, 'the attendance of an approved meeting');
});
