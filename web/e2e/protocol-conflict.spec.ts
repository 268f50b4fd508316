import { expect, test, type Page } from '@playwright/test';
import { addToGroup, agendaItem, meeting, projectGroup, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, newPage, screenshot, signInAs, tokenFor, uniq } from './support/hub';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

/** A meeting with two agenda items and a started protocol, as the moderator leaves it. */
async function protocolReady(): Promise<{ meetingId: string; protocolId: string }> {
  const mara = await tokenFor('mara');
  const groupId = await projectGroup(r, 'Projektgruppe E-Akte');
  const aliceId = (await api(await tokenFor('alice'), '{ me { id } }')).me.id;
  await addToGroup(groupId, aliceId, 'MEMBER', r.orgs.Ettlingen);
  const meetingId = await meeting(mara, groupId, `Konflikt ${uniq()}`, 4);
  await agendaItem(mara, meetingId, 'E-Rechnung');
  await agendaItem(mara, meetingId, 'Onlinedienste');
  const { startProtocol } = await api(mara, 'mutation($m: ID!) { startProtocol(input: { meetingId: $m }) { id } }', { m: meetingId });
  return { meetingId, protocolId: startProtocol.id };
}

const entry = (page: Page, label: string) => page.locator('.ik-entry').filter({ has: page.getByLabel(label) });

test('two people save the same entry: the second sees both texts, merges, and nothing typed is lost', async ({ browser }, info) => {
  const { meetingId } = await protocolReady();
  const mara = await newPage(browser);
  const alice = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}`);
  await signInAs(alice, 'alice', `/sitzungen/${meetingId}`);
  const label = 'Notizen zu Punkt 1: E-Rechnung';
  await expect(mara.getByLabel(label)).toBeVisible();
  await expect(alice.getByLabel(label)).toBeVisible();

  await mara.getByLabel(label).fill('Mara: Ettlingen empfängt XRechnungen seit Oktober.');
  await alice.getByLabel(label).fill('Alice: Bühl will im Frühjahr folgen.');
  await entry(mara, label).getByRole('button', { name: 'Speichern' }).click();
  await expect(entry(mara, label).getByText('Gespeichert', { exact: true })).toBeVisible();

  await entry(alice, label).getByRole('button', { name: 'Speichern' }).click();
  const conflict = entry(alice, label).getByRole('alert');
  await expect(conflict).toContainText('Gleichzeitig bearbeitet');
  await expect(conflict).toContainText('Mara Moderation (Demo) hat diesen Eintrag inzwischen gespeichert');
  await expect(alice.getByTestId('conflict-yours')).toHaveText('Alice: Bühl will im Frühjahr folgen.');
  await expect(alice.getByTestId('conflict-theirs')).toHaveText('Mara: Ettlingen empfängt XRechnungen seit Oktober.');
  await expect(alice.getByLabel(label)).toHaveValue('Alice: Bühl will im Frühjahr folgen.');
  await expectAccessible(alice, 'the conflict view');
  await screenshot(alice, 'protokoll-konflikt', info);

  // The conflict survives a reload (the draft is kept in the browser until saved).
  await alice.reload();
  await expect(alice.getByLabel(label)).toHaveValue('Alice: Bühl will im Frühjahr folgen.');
  await expect(alice.getByTestId('conflict-theirs')).toHaveText('Mara: Ettlingen empfängt XRechnungen seit Oktober.');

  await entry(alice, label).getByRole('button', { name: 'Andere Fassung unter meine setzen' }).click();
  await entry(alice, label).getByRole('button', { name: 'Zusammengeführte Fassung speichern' }).click();
  await expect(entry(alice, label).getByText('Gespeichert', { exact: true })).toBeVisible();
  await expect(entry(alice, label).getByRole('alert')).toHaveCount(0);

  const { meeting: m } = await api(
    await tokenFor('mara'),
    'query($id: ID!) { meeting(id: $id) { protocol { entries { notes agendaItem { title } } revisions { version } } } }',
    { id: meetingId },
  );
  const notes = m.protocol.entries.find((e: { agendaItem: { title: string } }) => e.agendaItem.title === 'E-Rechnung').notes;
  expect(notes).toContain('Alice: Bühl will im Frühjahr folgen.');
  expect(notes).toContain('Mara: Ettlingen empfängt XRechnungen seit Oktober.');
});

test('a save on another entry meanwhile is merged without asking', async ({ browser }) => {
  const { meetingId } = await protocolReady();
  const mara = await newPage(browser);
  const alice = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}`);
  await signInAs(alice, 'alice', `/sitzungen/${meetingId}`);
  await mara.getByLabel('Notizen zu Punkt 1: E-Rechnung').fill('Punkt eins, von Mara.');
  await alice.getByLabel('Notizen zu Punkt 2: Onlinedienste').fill('Punkt zwei, von Alice.');
  await entry(mara, 'Notizen zu Punkt 1: E-Rechnung').getByRole('button', { name: 'Speichern' }).click();
  await expect(entry(mara, 'Notizen zu Punkt 1: E-Rechnung').getByText('Gespeichert', { exact: true })).toBeVisible();
  // Alice's page still has the old version; her save is on another entry and goes through.
  await entry(alice, 'Notizen zu Punkt 2: Onlinedienste').getByRole('button', { name: 'Speichern' }).click();
  await expect(entry(alice, 'Notizen zu Punkt 2: Onlinedienste').getByText('Gespeichert', { exact: true })).toBeVisible();
  await expect(alice.getByRole('alert')).toHaveCount(0);
  await alice.reload();
  await expect(alice.getByLabel('Notizen zu Punkt 1: E-Rechnung')).toHaveValue('Punkt eins, von Mara.');
  await expect(alice.getByLabel('Notizen zu Punkt 2: Onlinedienste')).toHaveValue('Punkt zwei, von Alice.');
});

test('unsaved notes survive a reload and are saved later', async ({ page }) => {
  const { meetingId } = await protocolReady();
  await signInAs(page, 'mara', `/sitzungen/${meetingId}`);
  const label = 'Notizen zu Punkt 2: Onlinedienste';
  await page.getByLabel(label).fill('Noch nicht gespeichert: Servicekonto BW anbinden.');
  await expect(entry(page, label).getByText('Nicht gespeichert', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(label)).toHaveValue('Noch nicht gespeichert: Servicekonto BW anbinden.');
  await expect(page.getByText('Nicht gespeicherter Text aus diesem Browser wiederhergestellt.')).toBeVisible();
  await entry(page, label).getByRole('button', { name: 'Speichern' }).click();
  await expect(entry(page, label).getByText('Gespeichert', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(label)).toHaveValue('Noch nicht gespeichert: Servicekonto BW anbinden.');
  await expect(page.getByText('Nicht gespeicherter Text aus diesem Browser wiederhergestellt.')).toHaveCount(0);
});
