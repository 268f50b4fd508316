import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agendaItem, meeting, projectGroup, readi } from './support/fixtures';
import { signInAs, tokenFor, uniq } from './support/hub';
import { expectFocusKept } from './support/page-checks';

/** Key presses per step of a task, Tab (and Shift+Tab) apart from the rest (Enter, Ctrl+S; typed text not counted). */
class KeyCount {
  readonly steps: { step: string; tabs: number; keys: number }[] = [];
  private tabs = 0;
  private keys = 0;
  constructor(private readonly page: Page) {}

  /** Tabs forward until `target` has focus (at most 120: a keyboard user would give up long before). */
  async tabTo(target: Locator, backwards = false): Promise<void> {
    for (let i = 0; i < 120; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      this.tabs++;
    }
    await expect(target).toBeFocused();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.keys++;
  }

  done(step: string): void {
    this.steps.push({ step, tabs: this.tabs, keys: this.keys });
    this.tabs = 0;
    this.keys = 0;
  }
}

test('the moderator’s core task by keyboard alone: focus never falls to the page after a save (key presses counted)', async ({ page }, info) => {
  const r = await readi();
  const mara = await tokenFor('mara');
  const title = `Tastenzählung ${uniq()}`;
  const groupId = await projectGroup(r, 'Projektgruppe Tastenzählung');
  await meeting(mara, groupId, title, 3);
  await signInAs(page, 'mara', '/');
  const count = new KeyCount(page);

  // Open the meeting from the overview.
  const link = page.getByRole('link', { name: new RegExp(`: ${title}$`) });
  await expect(link).toBeVisible();
  await count.tabTo(link);
  await count.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  count.done('Sitzung öffnen');

  // Two agenda items: the title field keeps focus after each save, so the second costs no Tab.
  const titleField = page.getByLabel('Titel', { exact: true });
  for (const [n, item] of [
    [1, 'Glasfaser: Stand der Ausschreibung'],
    [2, 'LoRaWAN: Gateways in Bretten'],
  ] as const) {
    await count.tabTo(titleField);
    await page.keyboard.type(item);
    await count.press('Enter');
    await expect(page.getByTestId('agenda-item')).toHaveCount(n);
    await expectFocusKept(page, `adding agenda item ${n}`);
    await expect(titleField).toBeFocused();
    await expect(titleField).toHaveValue('');
    count.done(`Tagesordnungspunkt ${n} anlegen`);
  }

  // Start the protocol; focus moves to the way into the protocol mode.
  await count.tabTo(page.getByRole('button', { name: 'Protokoll beginnen' }));
  await count.press('Enter');
  const write = page.getByRole('link', { name: 'Protokoll schreiben' });
  await expect(write).toBeFocused();
  await count.press('Enter');
  count.done('Protokoll beginnen und öffnen');

  // Notes for both items, saved with Ctrl+S; "Nächster Punkt" leads on.
  for (const [n, item] of [
    [1, 'Glasfaser: Stand der Ausschreibung'],
    [2, 'LoRaWAN: Gateways in Bretten'],
  ] as const) {
    const notes = page.getByLabel(`Notizen zu Punkt ${n}: ${item}`);
    await expect(notes).toBeVisible();
    await count.tabTo(notes);
    await page.keyboard.type(`Notiz zu Punkt ${n}, mit der Tastatur geschrieben.`);
    await count.press('Control+s');
    await expect(page.getByTestId('save-status')).toHaveText(/^Gespeichert um \d\d:\d\d$/);
    await expectFocusKept(page, `saving the notes of item ${n}`);
    await expect(notes).toBeFocused();
    count.done(`Notizen zu Punkt ${n} schreiben und speichern`);
    if (n === 1) {
      const next = page.getByRole('button', { name: /^Nächster Punkt/ });
      await count.tabTo(next);
      await count.press('Enter');
      await expect(page.getByLabel(`Notizen zu Punkt 2: LoRaWAN: Gateways in Bretten`)).toBeVisible();
      await expectFocusKept(page, 'going to the next item');
      count.done('Zum nächsten Punkt');
    }
  }

  const total = count.steps.reduce((sum, s) => ({ tabs: sum.tabs + s.tabs, keys: sum.keys + s.keys }), { tabs: 0, keys: 0 });
  const figures = { task: 'Sitzung öffnen, zwei Tagesordnungspunkte anlegen, Notizen zu beiden schreiben und speichern', steps: count.steps, total };
  const dir = join(info.config.rootDir, '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'keyboard-count.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`key presses of the moderator's core task: ${total.tabs} Tab, ${total.keys} other keys — ${JSON.stringify(count.steps)}`);
});

test('focus stays where the work is after deleting, accepting and moving agenda items', async ({ page }) => {
  const r = await readi();
  const mara = await tokenFor('mara');
  const title = `Fokus ${uniq()}`;
  const groupId = await projectGroup(r, 'Projektgruppe Fokus');
  const meetingId = await meeting(mara, groupId, title, 4);
  for (const item of ['Erster Punkt', 'Zweiter Punkt', 'Dritter Punkt']) await agendaItem(mara, meetingId, item);
  await signInAs(page, 'mara', `/sitzungen/${meetingId}`);
  await expect(page.getByTestId('agenda-item')).toHaveCount(3);
  // Remove the second: focus goes to a neighbouring control, not to the page.
  const remove = page.getByRole('button', { name: 'Entfernen: „Zweiter Punkt“' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agenda-item')).toHaveCount(2);
  await expectFocusKept(page, 'removing an agenda item');
  // Where focus went is not where the change was: it is said politely.
  await expect(page.getByRole('status', { name: 'Meldungen' })).toHaveText('„Zweiter Punkt“ ist von der Tagesordnung entfernt.');
  // Move by keyboard: the moved item keeps focus.
  const third = page.getByTestId('agenda-item').filter({ hasText: 'Dritter Punkt' });
  await third.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('agenda-item').first()).toContainText('Dritter Punkt');
  await expect(third).toBeFocused();
  // Attendance: choosing a status saves, and the select keeps focus.
  const attendance = page.getByLabel('Anwesenheit von Mara Moderation (Demo)');
  await attendance.focus();
  await attendance.selectOption('PRESENT');
  await expect(attendance).toHaveValue('PRESENT');
  await expectFocusKept(page, 'recording attendance');
  await expect(attendance).toBeFocused();
});
