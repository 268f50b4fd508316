import { expect, test } from '@playwright/test';
import { addToGroup, agendaItem, meeting, officer, projectGroup, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, newPage, screenshot, signInAs, tokenFor, uniq } from './support/hub';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

const TRANSITION = (name: string) => `mutation($i: ProtocolTransitionInput!) { ${name}(input: $i) { version } }`;

/** A past meeting of a group with a plain member, its protocol published by Mara. */
async function published(): Promise<{ meetingId: string; title: string; member: string }> {
  const mara = await tokenFor('mara');
  const groupId = await projectGroup(r, 'Projektgruppe Breitband');
  const member = await officer(r, 'berta', 'Ettlingen');
  await addToGroup(groupId, member.id, 'MEMBER', r.orgs.Ettlingen);
  const title = `Berichtigt ${uniq()}`;
  const meetingId = await meeting(mara, groupId, title, -3);
  await agendaItem(mara, meetingId, 'Glasfaser');
  const { startProtocol: p } = await api(mara, 'mutation($m: ID!) { startProtocol(input: { meetingId: $m }) { id version } }', { m: meetingId });
  let version: number = p.version;
  for (const step of ['submitProtocolForReview', 'approveProtocol', 'publishProtocol']) {
    version = (await api(mara, TRANSITION(step), { i: { protocolId: p.id, expectedVersion: version } }))[step].version;
  }
  return { meetingId, title, member: member.username };
}

const noOverflow = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () => [...document.querySelectorAll('main *')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible').length,
  );

test('a moderator adds a Berichtigung to a published protocol, after a warning that it is permanent; a member sees it', async ({ browser }, info) => {
  const { meetingId, member } = await published();
  const mara = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}`);
  await expect(mara.getByRole('heading', { name: 'Berichtigungen' })).toBeVisible();
  await expect(mara.getByText('Zu diesem Protokoll gibt es keine Berichtigungen.')).toBeVisible();
  const field = mara.getByLabel('Text der Berichtigung');
  await expect(field).toHaveAccessibleDescription(/so sichtbar wie das Protokoll/);

  // Empty: the hub's German message stands next to the field, and the keyboard stays there.
  await mara.getByRole('button', { name: 'Berichtigung prüfen' }).click();
  await expect(mara.getByText('darf nicht leer sein')).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  const text = 'Unter TOP 1 muss es **zwölf** Verteiler heißen, nicht zehn.';
  await field.fill(text);
  await mara.getByRole('button', { name: 'Berichtigung prüfen' }).click();
  await expect(mara.getByText(/Eine Berichtigung ist endgültig: Sie kann danach weder geändert noch zurückgenommen werden\./)).toBeVisible();
  await expect(mara.getByRole('button', { name: 'Jetzt endgültig eintragen' })).toBeFocused();
  await expectAccessible(mara, 'the correction question');
  // Cancelling keeps the text and gives the keyboard back to it.
  await mara.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(text);
  await mara.getByRole('button', { name: 'Berichtigung prüfen' }).click();
  await mara.getByRole('button', { name: 'Jetzt endgültig eintragen' }).click();

  const entry = mara.getByTestId('correction');
  await expect(entry).toHaveCount(1);
  await expect(entry).toBeFocused();
  await expect(entry).toContainText('Berichtigung Nr. 1');
  await expect(entry).toContainText('von Mara Moderation (Demo)');
  await expect(entry.locator('strong', { hasText: 'zwölf' })).toBeVisible(); // Markdown rendered
  await expect(entry.getByTestId('correction-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(field).toHaveValue('');
  // The published protocol itself is unchanged, its own hash still shown.
  await expect(mara.getByTestId('content-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await expectAccessible(mara, 'a published protocol with a Berichtigung');
  await screenshot(mara, 'protokoll-berichtigung', info);

  // A member of the group sees it below the protocol, with date, author and hash; no form.
  const alice = await newPage(browser);
  await alice.setViewportSize({ width: 390, height: 844 });
  await signInAs(alice, member, `/sitzungen/${meetingId}`);
  const seen = alice.getByTestId('correction');
  await expect(seen).toHaveCount(1);
  await expect(seen).toContainText('Berichtigung Nr. 1');
  await expect(seen).toContainText(/Eingetragen am .+ von Mara Moderation \(Demo\)/);
  await expect(seen).toContainText('zwölf');
  await expect(seen.getByTestId('correction-hash')).toHaveText(await entry.getByTestId('correction-hash').innerText());
  await expect(alice.getByLabel('Text der Berichtigung')).toHaveCount(0);
  await expect(alice.locator('main')).not.toContainText(/PUBLISHED|ProtocolCorrect/);
  expect(await noOverflow(alice)).toBe(0);
  await expectAccessible(alice, 'the Berichtigung at 390 px');
  await screenshot(alice, 'protokoll-berichtigung-390', info);

  // The download carries the published text and, after it, the Berichtigung.
  const [download] = await Promise.all([alice.waitForEvent('download'), alice.getByRole('button', { name: 'Als Textdatei herunterladen' }).click()]);
  const body = await (await download.createReadStream()).toArray();
  const markdown = Buffer.concat(body as Buffer[]).toString('utf8');
  expect(markdown).toMatch(/^# Protokoll: /);
  expect(markdown).toContain('# Berichtigungen');
  expect(markdown).toContain(text);
});
