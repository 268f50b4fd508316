import { expect, test, type Page } from '@playwright/test';
import { addToGroup, agendaItem, meeting, projectGroup, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, newPage, screenshot, signInAs, tokenFor, uniq } from './support/hub';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

/** A meeting with three agenda items and a started protocol; Alice (network admin) may write it too. */
async function protocolReady(): Promise<string> {
  const mara = await tokenFor('mara');
  const groupId = await projectGroup(r, 'Projektgruppe Protokollmodus');
  const aliceId = (await api(await tokenFor('alice'), '{ me { id } }')).me.id;
  await addToGroup(groupId, aliceId, 'MEMBER', r.orgs.Ettlingen);
  const meetingId = await meeting(mara, groupId, `Protokollmodus ${uniq()}`, -1);
  for (const title of ['E-Rechnung', 'Onlinedienste', 'Verschiedenes']) await agendaItem(mara, meetingId, title);
  await api(mara, 'mutation($m: ID!) { startProtocol(input: { meetingId: $m }) { id } }', { m: meetingId });
  return meetingId;
}

/**
 * What scrolls sideways or is cut off in the page's main part, and the page itself; text only for
 * screen readers (kern-sr-only, react-aria's 1-px hidden inputs) is meant to be clipped.
 */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('main')!;
    const wide = [main, ...Array.from(main.querySelectorAll('*'))].filter(
      (el) => !el.closest('.kern-sr-only') && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible',
    );
    const whole = document.documentElement.scrollWidth > document.documentElement.clientWidth + 1 ? ['the page'] : [];
    return [...whole, ...wide.map((el) => `${el.tagName} in ${el.parentElement?.className}: ${el.textContent?.slice(0, 40)}`)];
  });

test('a moderator writes item by item, the notes save themselves, and a co-moderator sees them without reloading', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const meetingId = await protocolReady();
  const mara = await newPage(browser);
  const alice = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}`);
  await mara.getByRole('link', { name: 'Protokoll schreiben' }).click();
  await expect(mara.getByRole('heading', { level: 1, name: /^Protokoll schreiben: Protokollmodus/ })).toBeVisible();
  await expect(mara.getByRole('heading', { level: 2, name: '1. E-Rechnung' })).toBeVisible();
  await expect(mara.getByText('Punkt 1 von 3')).toBeVisible();
  await signInAs(alice, 'alice', `/sitzungen/${meetingId}/protokoll`);
  // A guard against a hang on a shared, loaded machine, not a timing goal.
  await expect(alice.getByLabel('Notizen zu Punkt 1: E-Rechnung')).toHaveValue('', { timeout: 30_000 });
  // A marker that a reload would wipe.
  await alice.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // Mara types; a moment after she stops, the notes are saved (no button), and she keeps the keyboard.
  const notes = mara.getByLabel('Notizen zu Punkt 1: E-Rechnung');
  await notes.click();
  await mara.keyboard.type('Ettlingen empfängt XRechnungen seit Oktober.');
  await expect(mara.getByTestId('save-status')).toHaveText(/^Gespeichert um \d\d:\d\d$/);
  await expect(notes).toBeFocused();
  await expect(mara.getByRole('button', { name: 'Speichern' })).toHaveCount(0);

  // Alice's page shows it (it polls every 3 s), without a reload. The bound is a guard, not a timing goal.
  await expect(alice.getByLabel('Notizen zu Punkt 1: E-Rechnung')).toHaveValue('Ettlingen empfängt XRechnungen seit Oktober.', { timeout: 20_000 });
  expect(await alice.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // Next and previous: the keyboard stays on the button; the heading names the item.
  const next = alice.getByRole('button', { name: /^Nächster Punkt/ });
  await expect(next).toHaveText('Nächster Punkt: 2. Onlinedienste');
  await next.click();
  await expect(alice.getByRole('heading', { level: 2, name: '2. Onlinedienste' })).toBeVisible();
  await expect(alice.getByLabel('Notizen zu Punkt 2: Onlinedienste')).toBeVisible();
  await expect(next).toBeFocused();
  await expect(alice.getByRole('navigation', { name: 'Tagesordnung' }).getByRole('link', { name: '2. Onlinedienste' })).toHaveAttribute('aria-current', 'step');
  await alice.getByRole('button', { name: /^Vorheriger Punkt/ }).click();
  await expect(alice.getByRole('heading', { level: 2, name: '1. E-Rechnung' })).toBeFocused();
  await expect(alice.getByRole('button', { name: 'Erster Punkt' })).toBeDisabled();
  // The agenda beside it leads to any item; the keyboard goes to its heading.
  await alice.getByRole('navigation', { name: 'Tagesordnung' }).getByRole('link', { name: '3. Verschiedenes' }).click();
  await expect(alice.getByRole('heading', { level: 2, name: '3. Verschiedenes' })).toBeFocused();
  await expect(alice.getByRole('button', { name: 'Letzter Punkt' })).toBeDisabled();

  // Mara records a decision and a task on item 2; both stay with that item, and reach Alice too.
  await mara.getByRole('button', { name: /^Nächster Punkt/ }).click();
  await mara.getByLabel('Beschluss', { exact: true }).fill('Das Servicekonto BW wird angebunden.');
  await mara.getByLabel('Ja-Stimmen').fill('6');
  await mara.getByRole('button', { name: 'Beschluss festhalten' }).click();
  await expect(mara.getByText('Das Servicekonto BW wird angebunden.')).toBeVisible();
  await mara.getByRole('textbox', { name: /^Aufgabe/ }).fill('Schnittstelle beschreiben');
  await mara.getByLabel(/^Zuständige Stadt/).selectOption({ label: 'Stadt Bretten' });
  await mara.getByRole('button', { name: 'Aufgabe anlegen' }).click();
  await expect(mara.locator('li.ik-action-item', { hasText: 'Schnittstelle beschreiben' })).toBeVisible();
  await mara.getByRole('button', { name: /^Vorheriger Punkt/ }).click();
  await expect(mara.getByText('Das Servicekonto BW wird angebunden.')).toHaveCount(0);
  await expect(mara.locator('li.ik-action-item', { hasText: 'Schnittstelle beschreiben' })).toHaveCount(0);
  await alice.getByRole('navigation', { name: 'Tagesordnung' }).getByRole('link', { name: '2. Onlinedienste' }).click();
  await expect(alice.getByText('Das Servicekonto BW wird angebunden.')).toBeVisible();
  await expect(alice.locator('li.ik-action-item', { hasText: 'Schnittstelle beschreiben' })).toBeVisible();
  await expectAccessible(alice, 'the protocol mode');
  expect(await overflowing(alice)).toEqual([]);
  await screenshot(alice, 'protokollmodus', info);

  // On a phone the agenda folds above the item; nothing is cut off.
  await alice.setViewportSize({ width: 390, height: 844 });
  await expect(alice.getByRole('navigation', { name: 'Tagesordnung' })).toHaveCount(1);
  await alice.getByText('Tagesordnung (3 Punkte)').click();
  await alice.getByRole('navigation', { name: 'Tagesordnung' }).getByRole('link', { name: '1. E-Rechnung' }).click();
  await expect(alice.getByRole('heading', { level: 2, name: '1. E-Rechnung' })).toBeFocused();
  await expect(alice.getByLabel('Notizen zu Punkt 1: E-Rechnung')).toHaveValue('Ettlingen empfängt XRechnungen seit Oktober.');
  expect(await overflowing(alice)).toEqual([]);
  await expectAccessible(alice, 'the protocol mode on a phone');
  await screenshot(alice, 'protokollmodus-390', info);

  // The meeting page shows the text as written, and leads back into the mode.
  await mara.goto(mara.url().replace(/\/protokoll.*$/, ''));
  await expect(mara.locator('.ik-markdown')).toContainText('Ettlingen empfängt XRechnungen seit Oktober.');
  await expect(mara.getByLabel(/^Notizen zu Punkt/)).toHaveCount(0);
  await expect(mara.getByRole('link', { name: 'Protokoll schreiben' })).toBeVisible();
});

test('a member of the group who does not moderate is told so in the protocol mode', async ({ browser }) => {
  const meetingId = await protocolReady();
  const { officer } = await import('./support/fixtures');
  const clara = await officer(r, 'clara', 'Bretten');
  const { meeting: m } = await api(await tokenFor('mara'), 'query($id: ID!) { meeting(id: $id) { group { id } } }', { id: meetingId });
  await addToGroup(m.group.id, clara.id, 'MEMBER', r.orgs.Bretten);
  const page = await newPage(browser);
  await signInAs(page, clara.username, `/sitzungen/${meetingId}/protokoll`);
  await expect(page.getByText('Das Protokoll schreibt die Moderation der Gruppe; Sie können es auf der Seite der Sitzung lesen.')).toBeVisible();
  await expect(page.getByLabel(/^Notizen zu Punkt/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Zurück zur Sitzung/ })).toBeVisible();
});
