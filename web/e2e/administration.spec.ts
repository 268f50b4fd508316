import { expect, test } from '@playwright/test';
import { officer, readi } from './support/fixtures';
import { api, expectAccessible, screenshot, signInAs, tokenFor, uniq } from './support/hub';

test('a hub admin founds a network, takes in a new city and creates its first project group with the city in the lead', async ({ page }, info) => {
  const name = `Digitalregion Nordschwarzwald ${uniq()}`;
  const city = `Stadt Bad Wildbad ${uniq()}`;
  await signInAs(page, `plattform-${uniq()}`, '/netzwerke', true);
  await page.getByRole('button', { name: 'Netzwerk anlegen' }).click();
  await page.getByLabel('Name des Netzwerks').fill(name);
  await expect(page.getByLabel('Kurzname in der Adresse')).toHaveValue(/^digitalregion-nordschwarzwald-/);
  await page.getByRole('button', { name: 'Netzwerk anlegen' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Ihre Rolle: Administration')).toBeVisible();

  // The city is new to the hub: created first, then taken in.
  await page.getByRole('button', { name: 'Neue Organisation anlegen' }).click();
  await page.getByLabel('Name der Organisation').fill(city);
  await page.getByLabel(/^Land/).selectOption({ label: 'Baden-Württemberg' });
  await page.getByLabel(/Amtlicher Gemeindeschlüssel/).fill('08235008');
  await page.getByRole('button', { name: 'Organisation anlegen' }).click();
  const members = page.getByRole('region', { name: /Mitgliedsorganisation/ });
  await members.getByLabel('Organisation', { exact: true }).selectOption({ label: city });
  await members.getByRole('button', { name: 'Aufnehmen' }).click();
  await expect(members.getByRole('cell', { name: city, exact: true })).toBeVisible();

  // A project group led by the new city; a plenum-level parent is not offered for a plenum.
  const groups = page.getByRole('region', { name: 'Gruppen' });
  await groups.getByRole('button', { name: 'Gruppe anlegen' }).click();
  await groups.getByLabel('Name der Gruppe').fill('Projektgruppe Smarte Wasserzähler');
  await groups.getByLabel(/^Federführende Stadt/).selectOption({ label: city });
  await groups.getByLabel('Wie kommt man in die Gruppe?').selectOption('OPEN');
  await expectAccessible(page, 'the network page with the administration forms');
  await screenshot(page, 'netzwerk-verwalten', info);
  await groups.getByRole('button', { name: 'Gruppe anlegen' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Projektgruppe Smarte Wasserzähler/ })).toBeVisible();
  await expect(page.getByText(city).first()).toBeVisible();

  // Back on the network: the group is in the tree; the city can be taken out again (its history stays).
  await page.goBack();
  await expect(page.getByRole('link', { name: 'Projektgruppe Smarte Wasserzähler' })).toBeVisible();
  const again = page.getByRole('region', { name: /Mitgliedsorganisation/ });
  await again.getByRole('button', { name: `Austragen: ${city}` }).click();
  await again.getByRole('button', { name: `Ja, ${city} austragen` }).click();
  await expect(again.getByRole('cell', { name: city, exact: true })).toHaveCount(0);
});

test('a group moderator adds a person of the network to the group and removes them again', async ({ page }) => {
  const r = await readi();
  const colleague = await officer(r, 'carla', 'Rastatt');
  await signInAs(page, 'mara', `/gruppen/${r.groups.vereine}`);
  await page.getByRole('tab', { name: 'Mitglieder' }).click();
  await page.getByRole('button', { name: 'Person hinzufügen' }).click();
  await page.getByLabel('Person', { exact: true }).selectOption({ label: `${colleague.username} (Stadt Rastatt)` });
  await page.getByLabel('Rolle', { exact: true }).selectOption('GUEST');
  await expect(page.getByRole('group', { name: /Zugang bis/ })).toBeVisible();
  await page.getByLabel('Rolle', { exact: true }).selectOption('MEMBER');
  await page.getByRole('button', { name: 'Hinzufügen' }).click();
  const row = page.getByRole('row').filter({ hasText: colleague.username });
  await expect(row).toContainText('Mitglied');
  await expectAccessible(page, 'the members tab for managers');

  await row.getByRole('button', { name: `Aus der Gruppe entfernen: ${colleague.username}` }).click();
  await row.getByRole('button', { name: `Ja, ${colleague.username} entfernen` }).click();
  await expect(page.getByRole('row').filter({ hasText: colleague.username })).toHaveCount(0);
});

test('the author deletes a Steckbrief after confirming; it is gone from the search', async ({ page }) => {
  const title = `Probeprofil ${uniq()}`;
  await signInAs(page, 'ben', '/steckbriefe');
  await page.getByRole('button', { name: 'Steckbrief anlegen' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Kurzbeschreibung').fill('Nur für diesen Test.');
  await page.getByRole('button', { name: 'Steckbrief anlegen' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Löschen' }).click();
  await page.getByRole('button', { name: `Ja, „${title}“ löschen` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Steckbriefe' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Suchen' }).fill(title);
  await expect(page.getByTestId('profile-total')).toHaveText('Keine Steckbriefe gefunden.');
});

test('a network with many people: the roles table loads 50 at a time, and a role on a later page can be changed', async ({ page }) => {
  const admin = `leitung-${uniq()}`;
  const adminToken = await tokenFor(admin, true);
  const { createNetwork } = await api(adminToken, 'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id slug } }', {
    i: { name: `Landesnetz ${uniq()}`, slug: `landesnetz-${uniq()}`, joinPolicy: 'APPROVAL' },
  });
  // 55 more people with a role (names sort after the admin's: "zz-…").
  const people = Array.from({ length: 55 }, (_, i) => `zz-${String(i).padStart(2, '0')}-${uniq()}`);
  for (const name of people) {
    const token = await tokenFor(name);
    const { me } = await api(token, '{ me { id } }');
    await api(adminToken, 'mutation($i: SetNetworkRoleInput!) { setNetworkRole(input: $i) { role } }', {
      i: { networkId: createNetwork.id, personId: me.id, role: 'MEMBER' },
    });
  }
  await signInAs(page, admin, `/netzwerke/${createNetwork.slug}`, true);
  const roles = page.getByRole('region', { name: 'Personen und Rollen' });
  await expect(roles.getByText('50 von 56 Personen angezeigt')).toBeVisible();
  const lastPerson = people[people.length - 1];
  await expect(roles.getByLabel(`Rolle von ${lastPerson}`)).toHaveCount(0);
  await roles.getByRole('button', { name: 'Weitere Personen anzeigen' }).click();
  await expect(roles.getByText('56 von 56 Personen angezeigt')).toBeVisible();
  await expect(roles.getByRole('button', { name: 'Weitere Personen anzeigen' })).toHaveCount(0);
  await roles.getByLabel(`Rolle von ${lastPerson}`).selectOption('MODERATOR');
  await expect(roles.getByLabel(`Rolle von ${lastPerson}`)).toHaveValue('MODERATOR');
  await page.reload();
  await page.getByRole('region', { name: 'Personen und Rollen' }).getByRole('button', { name: 'Weitere Personen anzeigen' }).click();
  await expect(page.getByLabel(`Rolle von ${lastPerson}`)).toHaveValue('MODERATOR');
});
