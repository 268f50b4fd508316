import { expect, test } from '@playwright/test';
import { addToGroup, meeting, officer, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, newPage, screenshot, signInAs, tokenFor, uniq } from './support/hub';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

test('a digital officer of Bretten sees her next meetings and open action items, and closes one', async ({ page, context }, info) => {
  const clara = await officer(r, 'clara', 'Bretten');
  await addToGroup(r.groups.fachgruppe, clara.id, 'MEMBER', r.orgs.Bretten);
  const mara = await tokenFor('mara');
  const title = `Fachgruppe ${uniq()}`;
  await meeting(mara, r.groups.fachgruppe, title, 3, { onlineUrl: 'https://meet.example.org/fachgruppe' });
  const task = `Vergabeunterlagen teilen ${uniq()}`;
  await api(mara, 'mutation($i: AddActionItemInput!) { addActionItem(input: $i) { id } }', {
    i: { groupId: r.groups.fachgruppe, title: task, assigneeOrganizationId: r.orgs.Bretten, dueOn: '2027-02-01' },
  });

  await signInAs(page, clara.username, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  const meetings = page.locator('#sitzungen');
  await expect(meetings.getByRole('link', { name: `Fachgruppe Digitalisierung: ${title}` })).toBeVisible();
  await expect(meetings.getByRole('link', { name: `Online teilnehmen: „${title}“` })).toHaveAttribute('href', 'https://meet.example.org/fachgruppe');
  const tasks = page.locator('#aufgaben');
  await expect(tasks.getByText(task)).toBeVisible();
  await expect(tasks.getByText('fällig am 01.02.2027')).toBeVisible();
  await expectAccessible(page, 'the overview');
  await screenshot(page, 'uebersicht', info);
  await tasks.getByRole('button', { name: `Erledigt: „${task}“` }).click();
  // Off the list (the screen-reader announcement names it once more).
  await expect(tasks.getByRole('listitem').filter({ hasText: task })).toHaveCount(0);

  // The calendar feed: copy it, renew it (the old address stops working).
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const feed = page.getByLabel('Adresse Ihres Kalender-Abos');
  const before = await feed.inputValue();
  expect(before).toMatch(/\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
  await page.getByRole('button', { name: 'Adresse kopieren' }).click();
  await expect(page.getByText('Adresse kopiert')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(before);
  await page.getByRole('button', { name: 'Neue Adresse erzeugen' }).click();
  await page.getByRole('button', { name: 'Ja, neue Adresse erzeugen' }).click();
  await expect(feed).not.toHaveValue(before);
  const oldFeed = await fetch(before.replace(/^http:\/\/localhost:\d+/, process.env.INTERKOM_WEB_URL!));
  expect(oldFeed.status).toBe(404);
  const newFeed = await fetch((await feed.inputValue()).replace(/^http:\/\/localhost:\d+/, process.env.INTERKOM_WEB_URL!));
  expect(await newFeed.text()).toContain(title);
});

test('she finds the LoRaWAN project group in the network, asks to join, and the lead city admits her', async ({ browser }, info) => {
  const dana = await officer(r, 'dana', 'Bretten');
  const page = await newPage(browser);
  await signInAs(page, dana.username, '/netzwerke/readi');
  await expect(page.getByRole('heading', { level: 1, name: 're@di' })).toBeVisible();
  const tree = page.locator('#gruppen');
  await expect(tree.getByRole('link', { name: 'Plenum' })).toBeVisible();
  await expect(tree.getByRole('link', { name: 'Fachgruppe Digitalisierung' })).toBeVisible();
  const lorawan = tree.locator('.kern-card').filter({ hasText: 'Projektgruppe LoRaWAN/IoT' });
  await expect(lorawan.getByText('Federführung: Stadt Rheinstetten')).toBeVisible();
  await expect(page.getByRole('table').getByText('Stadt Bretten')).toBeVisible();
  await expectAccessible(page, 'the network page');
  await screenshot(page, 'netzwerk', info);
  await lorawan.getByRole('button', { name: 'Mitarbeit anfragen: „Projektgruppe LoRaWAN/IoT“' }).click();
  await lorawan.getByLabel('Nachricht an die Leitung').fill('Bretten plant zwölf Sensoren an Schulen.');
  await lorawan.getByRole('button', { name: 'Anfrage senden' }).click();
  await expect(lorawan.getByText('Anfrage gestellt')).toBeVisible();
  await page.reload();
  await expect(page.locator('.kern-card').filter({ hasText: 'Projektgruppe LoRaWAN/IoT' }).getByText('Anfrage gestellt')).toBeVisible();

  // Ben leads the group: the request waits on his overview.
  const ben = await newPage(browser);
  await signInAs(ben, 'ben', '/');
  const waiting = ben.locator('#anfragen li').filter({ hasText: `${dana.username} möchte in „Projektgruppe LoRaWAN/IoT“ mitarbeiten` });
  await expect(waiting).toBeVisible();
  await expect(waiting.getByText('Bretten plant zwölf Sensoren an Schulen.')).toBeVisible();
  await waiting.getByRole('button', { name: `Annehmen: Anfrage von ${dana.username}` }).click();
  await expect(waiting).toHaveCount(0);

  await page.reload();
  await expect(page.locator('.kern-card').filter({ hasText: 'Projektgruppe LoRaWAN/IoT' }).getByText('Sie: Mitglied')).toBeVisible();
});

test("the network ADMIN decides a city's request to join and sets roles", async ({ browser }) => {
  const root = await tokenFor('root', true);
  const { createOrganization } = await api(root, 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id name } }', {
    i: { name: `Stadtwerke Probe ${uniq()}`, kind: 'MUNICIPAL_UTILITY', federalState: 'DE-BW' },
  });
  const erik = await tokenFor(`erik-${uniq()}`);
  await api(erik, 'mutation($i: RequestNetworkMembershipInput!) { requestNetworkMembership(input: $i) { id } }', {
    i: { networkId: r.networkId, organizationId: createOrganization.id, message: 'Wir möchten beim LoRaWAN-Netz mitmachen.' },
  });
  const page = await newPage(browser);
  await signInAs(page, 'alice', '/netzwerke/readi');
  const request = page.locator('#beitrittsanfragen li').filter({ hasText: createOrganization.name });
  await expect(request.getByText('Wir möchten beim LoRaWAN-Netz mitmachen.')).toBeVisible();
  await request.getByLabel('Begründung').fill('Willkommen!');
  await request.getByRole('button', { name: `Annehmen: Anfrage von ${createOrganization.name}` }).click();
  await expect(request).toHaveCount(0);
  await expect(page.getByRole('table').first().getByText(createOrganization.name)).toBeVisible();

  // Roles: Erik became MEMBER with the approval; Alice makes him MODERATOR.
  const role = page.getByLabel(/^Rolle von erik-/);
  await expect(role).toHaveValue('MEMBER');
  await role.selectOption('MODERATOR');
  await page.reload();
  await expect(page.getByLabel(/^Rolle von erik-/)).toHaveValue('MODERATOR');
  await expectAccessible(page, 'the network page for its ADMIN');

  // A public face through OParl, without sign-in; and back.
  const publication = page.locator('#oeffentlichkeit');
  await publication.getByRole('button', { name: 'Netzwerk öffentlich machen' }).click();
  const link = publication.getByRole('link', { name: /\/oparl\/v1\// });
  await expect(link).toBeVisible();
  const body = await fetch((await link.getAttribute('href'))!.replace(/^http:\/\/localhost:\d+/, process.env.INTERKOM_WEB_URL!));
  expect((await body.json()) as { type: string; shortName: string }).toMatchObject({ type: 'https://schema.oparl.org/1.1/Body', shortName: 'readi' });
  await publication.getByRole('button', { name: 'Nicht mehr öffentlich zeigen' }).click();
  await expect(link).toHaveCount(0);
});
