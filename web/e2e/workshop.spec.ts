import { expect, test } from '@playwright/test';
import { officer, readi } from './support/fixtures';
import { expectAccessible, newPage, screenshot, signInAs, uniq } from './support/hub';

test('a Digital-Werkstatt: the facilitator sets it up, a city chooses fields, collects and votes ideas, plans steps and gets its strategy', async ({
  browser,
}, info) => {
  test.slow(); // three people and two cities, on a shared machine
  const r = await readi();
  const clara = await officer(r, 'clara', 'Bretten');
  const title = `Digital-Werkstatt Bretten ${uniq()}`;

  const mara = await newPage(browser);
  await signInAs(mara, 'mara', '/werkstatt');
  await expect(mara.getByRole('heading', { level: 1, name: 'Digital-Werkstatt' })).toBeVisible();
  await mara.getByLabel('Titel').fill(title);
  await mara.getByRole('spinbutton', { name: /Tag/ }).first().click();
  await mara.keyboard.type('12032027');
  await mara.getByLabel('Stadt Bretten').check();
  await mara.getByLabel('Stadt Bruchsal').check();
  await expect(mara.getByLabel(/^Punkte je teilnehmender Person/)).toHaveValue('3');
  await mara.getByLabel(/^Punkte je teilnehmender Person/).fill('4');
  await mara.getByRole('button', { name: 'Digital-Werkstatt anlegen' }).click();
  await expect(mara.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const workshopUrl = new URL(mara.url()).pathname;

  await mara.getByRole('tab', { name: /^Teilnehmende/ }).click();
  // Nobody is preselected: adding without choosing says so next to the fields.
  await expect(mara.getByLabel('Person')).toHaveValue('');
  await mara.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(mara.getByText('Bitte wählen Sie eine Person.')).toBeVisible();
  await expect(mara.getByText('Bitte wählen Sie eine Kommune.')).toBeVisible();
  await expect(mara.getByRole('table')).toHaveCount(0);
  // Someone added by mistake is removed again.
  const wrong = await officer(r, 'irrtum', 'Bretten');
  await mara.reload();
  await mara.getByRole('tab', { name: /^Teilnehmende/ }).click();
  await mara.getByLabel('Person').selectOption({ label: wrong.username });
  await mara.getByLabel('Kommune').selectOption({ label: 'Stadt Bretten' });
  await mara.getByRole('button', { name: 'Hinzufügen' }).click();
  await mara.getByRole('button', { name: `${wrong.username} aus der Werkstatt entfernen` }).click();
  await mara.getByRole('button', { name: `Ja, ${wrong.username} entfernen` }).click();
  await expect(mara.getByRole('table')).toHaveCount(0);
  await mara.getByLabel('Person').selectOption({ label: clara.username });
  await mara.getByLabel('Kommune').selectOption({ label: 'Stadt Bretten' });
  await mara.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(mara.getByRole('table').getByText(clara.username)).toBeVisible();

  const city = await newPage(browser);
  await signInAs(city, clara.username, workshopUrl);
  await expect(city.getByText('Teilnehmend', { exact: true })).toBeVisible();
  const tourism = city.getByLabel(/^Priorität von Tourismus für Stadt Bretten/);
  await tourism.selectOption('1');
  await expect(tourism).toHaveValue('1');
  // A second field with the same priority is refused next to its select; nothing is renumbered.
  const administration = city.getByLabel(/^Priorität von Kommunale Verwaltung für Stadt Bretten/);
  await administration.selectOption('1');
  await expect(administration).toHaveAccessibleDescription(/Priorität 1 ist schon an „Tourismus“ vergeben/);
  await city.reload();
  await expect(tourism).toHaveValue('1');
  await expect(administration).toHaveValue('');
  await administration.selectOption('2');
  await expect(administration).toHaveValue('2');
  await expect(administration).not.toHaveAttribute('aria-invalid', 'true');
  // Only her own municipality is hers to choose for.
  await expect(city.getByLabel(/für Stadt Bruchsal$/)).toHaveCount(0);

  await city.getByRole('tab', { name: /^Ideen/ }).click();
  const ideas = ['Digitale Gästekarte', 'WLAN am Marktplatz', 'Online-Buchung Stadtführungen', 'Veranstaltungs-App'];
  for (const idea of ideas) {
    await city.getByLabel('Idee', { exact: true }).fill(idea);
    await city.getByRole('button', { name: 'Idee festhalten' }).click();
    await expect(city.getByTestId('idea').filter({ hasText: idea })).toBeVisible();
  }
  // Four dots in this workshop, at most one per idea; the rest is shown.
  await expect(city.getByText('Sie haben noch 4 von 4 Punkten zu vergeben (höchstens einen je Idee).')).toBeVisible();
  for (const idea of ideas.slice(0, 3)) await city.getByRole('button', { name: `Punkt vergeben: „${idea}“` }).click();
  await expect(city.getByText('Sie haben noch einen von 4 Punkten zu vergeben (höchstens einen je Idee).')).toBeVisible();
  await city.getByRole('button', { name: `Punkt vergeben: „${ideas[3]}“` }).click();
  await expect(city.getByText('Sie haben alle 4 Punkte vergeben.', { exact: false })).toBeVisible();
  await expect(city.getByRole('button', { name: `Punkt zurücknehmen: „${ideas[3]}“` })).toBeVisible();
  await city.getByRole('button', { name: `Schritt planen: „${ideas[0]}“` }).click();
  const first = city.getByTestId('idea').filter({ hasText: ideas[0] });
  await first.getByRole('textbox', { name: 'Schritt' }).fill('Anbieter vergleichen');
  await first.getByRole('textbox', { name: /^Wer\?/ }).fill('Tourist-Info');
  await first.getByRole('button', { name: 'Schritt planen', exact: true }).click();
  await expect(city.getByText('Anbieter vergleichen – Tourist-Info')).toBeVisible();
  await expectAccessible(city, 'the workshop ideas');
  await screenshot(city, 'werkstatt', info);

  await city.getByRole('tab', { name: 'Digitalstrategie' }).click();
  const strategy = city.locator('.ik-markdown');
  await expect(strategy).toContainText('Tourismus');
  await expect(strategy).toContainText('Digitale Gästekarte');
  await expect(strategy).toContainText('Anbieter vergleichen');

  // Another city of the workshop sees Bretten's ideas but plans no steps for them.
  const other = await officer(r, 'bruno', 'Bruchsal');
  await mara.reload();
  await mara.getByRole('tab', { name: /^Teilnehmende/ }).click();
  await mara.getByLabel('Person').selectOption({ label: other.username });
  await mara.getByLabel('Kommune').selectOption({ label: 'Stadt Bruchsal' });
  await mara.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(mara.getByRole('table').getByText(other.username)).toBeVisible();
  const bruchsal = await newPage(browser);
  await signInAs(bruchsal, other.username, workshopUrl);
  await bruchsal.getByRole('tab', { name: /^Ideen/ }).click();
  await expect(bruchsal.getByTestId('idea').filter({ hasText: ideas[0] })).toBeVisible();
  await expect(bruchsal.getByRole('button', { name: /^Schritt planen/ })).toHaveCount(0);

  await mara.reload();
  await mara.getByRole('tab', { name: /^Ideen/ }).click();
  await mara.getByRole('button', { name: `Als Projektgruppe und Steckbrief anlegen: „${ideas[0]}“` }).click();
  await expect(mara.getByRole('link', { name: /^Zur Projektgruppe/ })).toBeVisible();
  await expectAccessible(mara, 'the workshop for its facilitator');
});
