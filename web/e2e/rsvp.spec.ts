// Answering an invitation (issue 23.1): Zusage / Absage / Vielleicht / Vertretung on the meeting page
// and in one click on the overview, the moderation's expected attendance per city, and the
// attendance list that starts from the answers — German, axe-clean, at 390 px.
import { expect, test } from '@playwright/test';
import { addToGroup, meeting, officer, projectGroup, readi, type Readi } from './support/fixtures';
import { expectAccessible, newPage, screenshot, signInAs, tokenFor } from './support/hub';
import { expectFitsPhone, expectFocusKept, PHONE } from './support/page-checks';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

test('invited people answer and change their answer; the moderation sees it per city and takes it into the attendance list', async ({ browser }, info) => {
  test.slow();
  const groupId = await projectGroup(r, 'Projektgruppe Zusagen');
  const ettlingen = await officer(r, 'zusagen-ettlingen', 'Ettlingen');
  const colleague = await officer(r, 'kollege-ettlingen', 'Ettlingen');
  const bruchsal = await officer(r, 'zusagen-bruchsal', 'Bruchsal');
  await addToGroup(groupId, ettlingen.id, 'MEMBER', r.orgs.Ettlingen);
  await addToGroup(groupId, bruchsal.id, 'MEMBER', r.orgs.Bruchsal);
  const meetingId = await meeting(await tokenFor('mara'), groupId, 'Sitzung mit Zusagen', 5);

  // Ettlingen's member on the meeting page: no answer yet, then Zusage, then Absage.
  const page = await newPage(browser);
  await signInAs(page, ettlingen.username, `/sitzungen/${meetingId}#teilnahme`);
  const box = page.locator('#teilnahme');
  await expect(box.getByRole('heading', { name: 'Ihre Teilnahme' })).toBeVisible();
  await expect(box.getByTestId('rsvp-status')).toHaveText('Sie haben noch nicht geantwortet.');
  await expectAccessible(page, 'the meeting page with „Ihre Teilnahme“');
  await box.getByLabel('Anmerkung – optional').fill('Ich bringe die Unterlagen mit');
  const yes = box.getByRole('button', { name: 'Zusage' });
  await yes.click();
  await expect(box.getByTestId('rsvp-status')).toHaveText('Ihre Antwort: Zusage.');
  await expect(yes).toHaveAttribute('aria-pressed', 'true');
  await expectFocusKept(page, 'the Zusage');
  await box.getByRole('button', { name: 'Absage' }).click();
  await expect(box.getByTestId('rsvp-status')).toHaveText('Ihre Antwort: Absage.');
  await expect(yes).toHaveAttribute('aria-pressed', 'false');

  // A deputy: nobody chosen → the German message beside the field; then a colleague of Ettlingen.
  await box.getByRole('button', { name: 'Vertretung benennen' }).click();
  const deputy = box.getByLabel('Wer geht statt Ihnen?');
  await box.getByRole('button', { name: 'Vertretung speichern' }).click();
  await expect(deputy).toHaveAttribute('aria-invalid', 'true');
  await expect(box.getByText('bitte die Person wählen, die Sie vertritt')).toBeVisible();
  await expectAccessible(page, 'the deputy field with its error');
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page, '„Ihre Teilnahme“ with the deputy field');
  await screenshot(page, 'rsvp-member-phone', info);
  await deputy.selectOption({ label: colleague.username });
  await box.getByRole('button', { name: 'Vertretung speichern' }).click();
  await expect(box.getByTestId('rsvp-status')).toHaveText(`Ihre Antwort: Vertretung. Es geht: ${colleague.username}.`);
  await expectFocusKept(page, 'saving the deputy');

  // Bruchsal's member answers on the overview in one click, on a phone.
  const phone = await newPage(browser);
  await phone.setViewportSize(PHONE);
  await signInAs(phone, bruchsal.username, '/');
  const quick = phone.getByTestId('rsvp-quick');
  const answers = quick.getByRole('group', { name: /Sitzung mit Zusagen/ });
  await expect(quick.getByRole('heading', { name: 'Einladungen beantworten' })).toBeVisible();
  await expectFitsPhone(phone, 'the overview with invitations to answer');
  await answers.getByRole('button', { name: 'Vielleicht' }).click();
  await expect(answers.getByRole('button', { name: 'Vielleicht' })).toHaveAttribute('aria-pressed', 'true');
  await answers.getByRole('button', { name: 'Zusage' }).click();
  await expect(answers.getByRole('button', { name: 'Zusage' })).toHaveAttribute('aria-pressed', 'true');
  await expectFocusKept(phone, 'the one-click Zusage');
  await expectAccessible(phone, 'the overview with answers');

  // The moderation: expected attendance per city with names, and the attendance list prepared from the answers.
  const mara = await newPage(browser);
  await mara.setViewportSize(PHONE);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}#erwartet`);
  const expected = mara.getByTestId('expected-attendance');
  const ettlingenRow = expected.getByRole('listitem').filter({ hasText: 'Stadt Ettlingen' }).first();
  await expect(ettlingenRow).toContainText('0 Zusagen, 0 Vielleicht, 0 Absagen, 1 Vertretungen');
  await expect(ettlingenRow).toContainText(`${ettlingen.username}: Vertretung (${colleague.username}) – „Ich bringe die Unterlagen mit“`);
  const bruchsalRow = expected.getByRole('listitem').filter({ hasText: 'Stadt Bruchsal' }).first();
  await expect(bruchsalRow).toContainText('1 Zusagen');
  await expect(bruchsalRow).toContainText(`${bruchsal.username}: Zusage`);
  await expectFitsPhone(mara, 'expected attendance');
  await expectAccessible(mara, 'expected attendance per city');
  await screenshot(mara, 'rsvp-moderator-phone', info);

  const prepared = mara.getByTestId('attendance-from-answers');
  await expect(prepared.getByRole('heading', { name: 'Aus den Antworten vorbereitet' })).toBeVisible();
  await expect(prepared).toContainText(`${bruchsal.username}: anwesend`);
  await expect(prepared).toContainText(`${ettlingen.username}: entschuldigt`);
  await expect(prepared).toContainText(`${colleague.username}: anwesend (in Vertretung für Stadt Ettlingen)`);
  // Nothing is recorded before the moderation takes it over.
  const section = mara.locator('#anwesenheit');
  await expect(section.getByLabel(`Anwesenheit von ${bruchsal.username}`)).toHaveValue('');
  await prepared.getByRole('button', { name: 'Alle übernehmen' }).click();
  await expect(prepared).toHaveCount(0);
  await expect(section.getByLabel(`Anwesenheit von ${bruchsal.username}`)).toHaveValue('PRESENT');
  await expect(section.getByLabel(`Anwesenheit von ${ettlingen.username}`)).toHaveValue('EXCUSED');
  await expect(section.getByRole('row', { name: new RegExp(colleague.username) })).toContainText('in Vertretung für Stadt Ettlingen');
  await expectFocusKept(mara, 'taking over the answers');
  await expectAccessible(mara, 'the attendance taken from the answers');
});
