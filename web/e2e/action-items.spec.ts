import { expect, test, type Page } from '@playwright/test';
import { officer, projectGroup, readi, type Readi } from './support/fixtures';
import { expectAccessible, newPage, screenshot, signInAs, uniq } from './support/hub';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

const today = () => new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' }).format(new Date());

/** Elements in the area wider than they are shown (cut off), as "tag: text"; screen-reader-only text is clipped on purpose. */
const cutOff = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluate((root) =>
      [root, ...root.querySelectorAll('*')]
        .filter((el) => !el.closest('.kern-sr-only') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        .map((el) => `${el.tagName}: ${el.textContent?.slice(0, 40)}`),
    );

test('a city outside the group is given a task, marks it done, finds it under "Erledigte anzeigen" and reopens it', async ({ browser }, info) => {
  test.setTimeout(150_000); // two people, two pages, on a shared machine
  const groupId = await projectGroup(r, 'Aufgaben');
  const clara = await officer(r, 'clara', 'Bretten');
  const task = `Messdaten liefern ${uniq()}`;

  // Mara moderates the group; Bretten is in the network, not in the group.
  const mara = await newPage(browser);
  await signInAs(mara, 'mara', `/gruppen/${groupId}`);
  await mara.getByRole('tab', { name: /^Aufgaben/ }).click();
  const city = mara.getByLabel(/^Zuständige Stadt oder Organisation/);
  await expect(city.locator('optgroup[label="Weitere im Netzwerk"] option', { hasText: 'Stadt Bretten' })).toHaveCount(1);
  await expect(city.locator('optgroup[label="In der Gruppe"] option', { hasText: 'Stadt Bretten' })).toHaveCount(0);
  const person = mara.getByLabel(/^Zuständige Person/);
  await expect(person.locator('optgroup[label="Weitere im Netzwerk"] option', { hasText: `${clara.username} (Stadt Bretten)` })).toHaveCount(1);
  await mara.getByRole('textbox', { name: /^Aufgabe/ }).fill(task);
  await city.selectOption({ label: 'Stadt Bretten' });
  await mara.getByRole('button', { name: 'Aufgabe anlegen' }).click();
  await expect(mara.getByText(`Aufgabe „${task}“ angelegt`)).toBeVisible();
  const atMara = mara.locator('li.ik-action-item', { hasText: task });
  await expect(atMara).toContainText('Stadt Bretten');

  // Clara, outside the group, has it among her tasks, on a phone.
  const page = await newPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, clara.username, '/');
  const tasks = page.locator('#aufgaben');
  const item = tasks.locator('li', { hasText: task });
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: `Erledigt: „${task}“` }).click();
  await expect(item).toHaveCount(0);
  // The keyboard stays in the list, not on the page's body.
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('#aufgaben'))).toBe(true);

  await tasks.getByLabel(/^Erledigte anzeigen/).check();
  await expect(item).toContainText(`erledigt von ${clara.username} am ${today()}`);
  await expect(item.getByText('erledigt', { exact: true })).toBeVisible(); // the status, as a word
  expect(await cutOff(page, '#aufgaben')).toEqual([]);
  await expectAccessible(page, 'my tasks with the done ones shown');
  await screenshot(page, 'aufgaben-erledigt-390', info);

  await item.getByRole('button', { name: `Wieder öffnen: „${task}“` }).click();
  await expect(item.getByRole('button', { name: `Erledigt: „${task}“` })).toBeVisible();
  await expect(item).not.toContainText('erledigt von');
  await expect(item).toBeFocused();

  // The group sees it open again; what was done is kept behind the filter there too.
  await mara.reload();
  await mara.getByRole('tab', { name: /^Aufgaben/ }).click();
  await expect(mara.locator('li.ik-action-item', { hasText: task }).getByRole('button', { name: `Erledigt: „${task}“` })).toBeVisible();
  // With the done ones shown, the item stays in the list and keeps the keyboard.
  await mara.getByLabel(/^Erledigte anzeigen/).check();
  await mara
    .locator('li.ik-action-item', { hasText: task })
    .getByRole('button', { name: `Erledigt: „${task}“` })
    .click();
  const done = mara.locator('li.ik-action-item', { hasText: task });
  await expect(done).toContainText(`erledigt von Mara Moderation (Demo) am ${today()}`);
  await expect(done).toBeFocused();
  await expectAccessible(mara, "the group's tasks with the done ones shown");
});
