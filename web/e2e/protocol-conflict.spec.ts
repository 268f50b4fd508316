import { expect, test, type Locator, type Page } from '@playwright/test';
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

const SAVED = /^Gespeichert um \d\d:\d\d$/;

/** A paragraph of about 2,000 characters, as long minutes have them (long words included). */
const paragraph = (who: string) =>
  `${who}: ` +
  Array.from(
    { length: 24 },
    (_, i) => `Abschnitt ${i + 1}: Die Kreisverwaltung berichtet über die Digitalisierungsstrategie und Rechnungseingangsbearbeitung. `,
  ).join('');

/** Whether an element shows all of its text: nothing scrolls sideways, nothing is clipped below. */
const fullyShown = (el: Locator) =>
  el.evaluate((node) => ({
    sideways: node.scrollWidth > node.clientWidth + 1,
    clipped: node.scrollHeight > node.clientHeight + 1 && getComputedStyle(node).overflowY !== 'visible',
    pageSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
  }));

async function expectReadable(page: Page, yours: string, theirs: string) {
  for (const id of ['conflict-diff', 'conflict-yours', 'conflict-theirs']) {
    expect(await fullyShown(page.getByTestId(id)), id).toEqual({ sideways: false, clipped: false, pageSideways: false });
  }
  await expect(page.getByTestId('conflict-yours')).toHaveText(yours);
  await expect(page.getByTestId('conflict-theirs')).toHaveText(theirs);
}

test('two people write the same entry: the second sees the word-level difference, readable at 1280 and 390 px, merges, and nothing typed is lost', async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const { meetingId } = await protocolReady();
  const mara = await newPage(browser);
  const alice = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}/protokoll`);
  await signInAs(alice, 'alice', `/sitzungen/${meetingId}/protokoll`);
  const label = 'Notizen zu Punkt 1: E-Rechnung';
  await expect(mara.getByLabel(label)).toBeVisible();
  await expect(alice.getByLabel(label)).toBeVisible();

  // Alice writes while her connection is gone: her text waits in her browser.
  const theirs = paragraph('Mara');
  const yours = paragraph('Alice').replace('Abschnitt 12:', 'Abschnitt zwölf (geändert):') + 'Bühl will im Frühjahr folgen.';
  await alice.context().setOffline(true);
  await alice.getByLabel(label).fill(yours);
  await expect(alice.getByTestId('save-status')).toHaveText(/^Nicht gespeichert – keine Verbindung/);
  // Meanwhile Mara saves the same entry.
  await mara.getByLabel(label).fill(theirs);
  await expect(mara.getByTestId('save-status')).toHaveText(SAVED);

  // Back online, Alice's page learns of Mara's save: a conflict, and nothing is saved over it.
  await alice.context().setOffline(false);
  const alert = alice.getByRole('alert');
  await expect(alert).toContainText('Gleichzeitig bearbeitet', { timeout: 15_000 });
  await expect(alert).toContainText('Mara Moderation (Demo) hat diesen Eintrag inzwischen gespeichert.');
  await expect(alice.getByTestId('save-status')).toHaveText('Nicht gespeichert – Konflikt');
  await expect(alice.getByLabel(label)).toHaveValue(yours);
  // Word by word: what only Alice has is underlined (<ins>), what only the saved text has is struck through (<del>).
  const diff = alice.getByTestId('conflict-diff');
  await expect(diff.locator('ins', { hasText: 'zwölf' })).toHaveCount(1);
  await expect(diff.locator('ins', { hasText: 'Bühl will im Frühjahr folgen.' })).toHaveCount(1);
  await expect(diff.locator('del', { hasText: 'Mara' })).toHaveCount(1);
  await expect(diff.locator('ins').first()).toHaveCSS('text-decoration-line', 'underline');
  await expect(diff.locator('del').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(diff.locator('ins .kern-sr-only').first()).toHaveText('[nur in Ihrer Fassung: ');

  await alice.setViewportSize({ width: 1280, height: 900 });
  await expectReadable(alice, yours, theirs);
  await expectAccessible(alice, 'the conflict view at 1280 px');
  await screenshot(alice, 'protokoll-konflikt', info);
  await alice.setViewportSize({ width: 390, height: 844 });
  await expectReadable(alice, yours, theirs);
  await expectAccessible(alice, 'the conflict view at 390 px');
  await screenshot(alice, 'protokoll-konflikt-390', info);

  // The conflict survives a reload (the draft is kept in the browser until saved).
  await alice.reload();
  await expect(alice.getByLabel(label)).toHaveValue(yours);
  await expect(alice.getByTestId('conflict-theirs')).toHaveText(theirs);

  await alice.getByRole('button', { name: 'Andere Fassung unter meine setzen' }).click();
  await expect(alice.getByRole('button', { name: 'Andere Fassung unter meine setzen' })).toBeFocused();
  await alice.getByRole('button', { name: 'Zusammengeführte Fassung speichern' }).click();
  await expect(alice.getByTestId('save-status')).toHaveText(SAVED);
  await expect(alice.getByRole('alert')).toHaveCount(0);
  await expect(alice.getByLabel(label)).toBeFocused();

  const { meeting: m } = await api(await tokenFor('mara'), 'query($id: ID!) { meeting(id: $id) { protocol { entries { notes agendaItem { title } } } } }', {
    id: meetingId,
  });
  const notes = m.protocol.entries.find((e: { agendaItem: { title: string } }) => e.agendaItem.title === 'E-Rechnung').notes;
  expect(notes).toBe(`${yours}\n\n${theirs}`);
  // And Mara's page, untouched since her save, shows the merged text without a reload.
  await expect(mara.getByLabel(label)).toHaveValue(`${yours}\n\n${theirs}`);
});

test('a save on another entry meanwhile is merged without asking', async ({ browser }) => {
  const { meetingId } = await protocolReady();
  const mara = await newPage(browser);
  const alice = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}/protokoll`);
  await signInAs(alice, 'alice', `/sitzungen/${meetingId}/protokoll`);
  await alice.getByRole('button', { name: /^Nächster Punkt/ }).click();
  await alice.context().setOffline(true);
  await alice.getByLabel('Notizen zu Punkt 2: Onlinedienste').fill('Punkt zwei, von Alice.');
  await mara.getByLabel('Notizen zu Punkt 1: E-Rechnung').fill('Punkt eins, von Mara.');
  await expect(mara.getByTestId('save-status')).toHaveText(SAVED);
  // Alice's save is on another entry: it goes through on the new version.
  await alice.context().setOffline(false);
  await expect(alice.getByTestId('save-status')).toHaveText(SAVED, { timeout: 15_000 });
  await expect(alice.getByRole('alert')).toHaveCount(0);
  await alice.getByRole('button', { name: /^Vorheriger Punkt/ }).click();
  await expect(alice.getByLabel('Notizen zu Punkt 1: E-Rechnung')).toHaveValue('Punkt eins, von Mara.');
  await mara.reload();
  await mara.getByRole('button', { name: /^Nächster Punkt/ }).click();
  await expect(mara.getByLabel('Notizen zu Punkt 2: Onlinedienste')).toHaveValue('Punkt zwei, von Alice.');
});

test('notes written without a connection survive a reload and are saved when it is back', async ({ page }) => {
  const { meetingId } = await protocolReady();
  await signInAs(page, 'mara', `/sitzungen/${meetingId}/protokoll?punkt=`);
  await page.getByRole('button', { name: /^Nächster Punkt/ }).click();
  const label = 'Notizen zu Punkt 2: Onlinedienste';
  await page.context().setOffline(true);
  await page.getByLabel(label).fill('Noch nicht gespeichert: Servicekonto BW anbinden.');
  await expect(page.getByTestId('save-status')).toHaveText(/^Nicht gespeichert – keine Verbindung/);
  await page.context().setOffline(false);
  await page.reload();
  await expect(page.getByLabel(label)).toHaveValue('Noch nicht gespeichert: Servicekonto BW anbinden.');
  await expect(page.getByText('Nicht gespeicherter Text aus diesem Browser wiederhergestellt.')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText(SAVED);
  await page.reload();
  await expect(page.getByLabel(label)).toHaveValue('Noch nicht gespeichert: Servicekonto BW anbinden.');
  await expect(page.getByText('Nicht gespeicherter Text aus diesem Browser wiederhergestellt.')).toHaveCount(0);
});
