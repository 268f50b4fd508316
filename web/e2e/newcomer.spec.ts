import { expect, test } from '@playwright/test';
import { api, expectAccessible, newPage, signInAs, tokenFor, uniq } from './support/hub';

test("a newcomer from a city outside re@di finds the network's groups, asks to take part in one, and the ADMIN sees who asks", async ({ browser }) => {
  test.slow(); // a newcomer and an admin, on a shared machine
  const root = await tokenFor('root', true);
  const city = `Stadt Neuling ${uniq()}`;
  await api(root, 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', {
    i: { name: city, kind: 'MUNICIPALITY', federalState: 'DE-BW', website: 'https://www.example.org' },
  });
  const nina = `nina-${uniq()}`;

  const page = await newPage(browser);
  await signInAs(page, nina, '/netzwerke/readi');
  await expect(page.getByRole('heading', { level: 1, name: 're@di' })).toBeVisible();
  // The network's groups and what they do: level, description, lead city, how many take part.
  const groups = page.getByRole('region', { name: 'Die Gruppen von re@di' });
  const lorawan = groups.getByTestId('group-overview').filter({ hasText: 'Projektgruppe LoRaWAN/IoT' });
  await expect(lorawan.getByText('Projektgruppe', { exact: true })).toBeVisible();
  await expect(lorawan.getByText(/^Federführung: Stadt Rheinstetten · \d+ Mitglied/)).toBeVisible();
  await expect(groups.getByTestId('group-overview').filter({ hasText: 'Plenum' }).first()).toBeVisible();
  // Members, meetings and the people stay hidden.
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'the network page for a newcomer');

  // "Hier mitarbeiten" leads to the request, with the group named and the organisation to choose.
  await lorawan.getByRole('button', { name: 'Hier mitarbeiten: „Projektgruppe LoRaWAN/IoT“ (Beitritt anfragen)' }).click();
  const organisation = page.getByLabel('Ihre Organisation');
  await expect(organisation).toBeFocused();
  await expect(page.getByLabel(/^Nachricht/)).toHaveValue('Wir möchten in der Gruppe „Projektgruppe LoRaWAN/IoT“ mitarbeiten.');
  await expect(page.getByText('Über den Beitritt entscheidet die Administration von re@di; über die Mitarbeit in einer Gruppe danach deren Leitung.')).toBeVisible();
  // Only organisations not yet members (or one's own): never a member city like Rheinstetten.
  const offered = await organisation.locator('option').allTextContents();
  expect(offered).toContain(city);
  expect(offered).not.toContain('Stadt Rheinstetten');
  await organisation.selectOption({ label: city });
  await page.getByRole('button', { name: 'Beitritt anfragen', exact: true }).click();
  await expect(page.getByText('Anfrage gesendet')).toBeVisible();

  // The ADMIN sees who asks, with the verified e-mail domain beside the organisation's website.
  const alice = await newPage(browser);
  await signInAs(alice, 'alice', '/netzwerke/readi');
  const request = alice.locator('#beitrittsanfragen li').filter({ hasText: city });
  await expect(request.getByText(`angefragt von ${nina} (${nina}@example.org)`)).toBeVisible();
  await expect(request.getByRole('link', { name: `${nina}@example.org` })).toBeVisible();
  await expect(request.getByText('E-Mail-Domain: example.org (bestätigt) · Website: www.example.org · passt zur Website')).toBeVisible();
  await expect(request.getByText('Wir möchten in der Gruppe „Projektgruppe LoRaWAN/IoT“ mitarbeiten.')).toBeVisible();
  await expectAccessible(alice, 'the join requests with who asks');
});

test('a new group starts with its creator as lead; the default level is the project group', async ({ page }) => {
  await signInAs(page, 'mara', '/netzwerke/readi');
  const groups = page.getByRole('region', { name: 'Gruppen' });
  await groups.getByRole('button', { name: 'Gruppe anlegen' }).click();
  await expect(groups.getByLabel('Ebene')).toHaveValue('PROJECT_GROUP');
  const lead = groups.getByLabel(/^Leitung der Gruppe \(Person\)/);
  await expect(lead.locator('option:checked')).toHaveText(/\(Sie\)$/);
  const name = `Projektgruppe Neu ${uniq()}`;
  await groups.getByLabel('Name der Gruppe').fill(name);
  await groups.getByRole('button', { name: 'Gruppe anlegen' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(/(^|\s)1 Mitglied( ·|$)/)).toBeVisible();
});
