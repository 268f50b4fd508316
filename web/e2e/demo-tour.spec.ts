import { expect, test, type Page } from '@playwright/test';
import { readmeScreenshot, signInAs, tokenFor } from './support/hub';

// A walk through the pages the README shows, as the demo people, on the embedded default's first
// start (support/global-setup.ts): the README's screenshots show the demo data, never test fixtures.
// `INTERKOM_SCREENSHOTS=1 npx playwright test e2e/demo-tour.spec.ts` writes them into web/screenshots.
const BASE = () => process.env.INTERKOM_WEB_EMBEDDED_URL!;

async function gql<T = any>(username: string, query: string): Promise<T> {
  const res = await fetch(`${BASE()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(username, false, BASE())}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

interface Ids {
  fachgruppe: string;
  inReview: string;
  published: string;
}

async function ids(): Promise<Ids> {
  const { network } = await gql('mara', '{ network(slug: "readi") { groups { id name } } }');
  const fachgruppe = network.groups.find((g: { name: string }) => g.name === 'Fachgruppe Digitalisierung').id;
  const { group } = await gql('mara', `{ group(id: "${fachgruppe}") { meetings(from: "2000-01-01T00:00:00Z") { id title protocol { status } } } }`);
  const by = (status: string) => group.meetings.find((m: { protocol: { status: string } | null }) => m.protocol?.status === status).id;
  return { fachgruppe, inReview: by('IN_REVIEW'), published: by('PUBLISHED') };
}

// The machine the tests share may be busy: a page gets longer than the default to load.
const open = (page: Page, username: string, path: string, admin = false) =>
  test.step(`${username} opens ${path}`, async () => {
    await signInAs(page, username, path, admin, BASE());
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  });

let m: Ids;
test.beforeAll(async () => {
  m = await ids();
});

test('the demo tour: the pages of the README with the demo data', async ({ page, browser }, info) => {
  test.setTimeout(300_000);
  await page.goto(`${BASE()}/anmelden`);
  await expect(page.getByRole('button', { name: 'Als alice anmelden' })).toBeVisible();
  await readmeScreenshot(page, 'anmelden', info);

  await open(page, 'ben', '/');
  await expect(page.getByRole('region', { name: 'Meine Aufgaben' }).getByText('Betreiberkonzept für das LoRaWAN-Netz entwerfen (Demo)')).toBeVisible();
  await readmeScreenshot(page, 'uebersicht', info);

  await open(page, 'ben', '/netzwerke/readi');
  await expect(page.getByRole('heading', { level: 1, name: /re@di/ })).toBeVisible();
  await readmeScreenshot(page, 'netzwerk', info);

  await open(page, 'alice', '/netzwerke/readi');
  await page.getByRole('region', { name: 'Gruppen' }).getByRole('button', { name: 'Gruppe anlegen' }).click();
  await page.getByRole('region', { name: 'Gruppen' }).getByLabel('Name der Gruppe').fill('Projektgruppe Open Data');
  await readmeScreenshot(page, 'netzwerk-verwalten', info);

  await open(page, 'mara', `/gruppen/${m.fachgruppe}`);
  await page.getByRole('tab', { name: 'Jour fixe und Serien' }).click();
  await expect(page.getByText('Jour fixe re@di (Demo)').first()).toBeVisible();
  await readmeScreenshot(page, 'gruppe-serien', info);

  await open(page, 'mara', '/planung');
  await readmeScreenshot(page, 'planung', info);

  await open(page, 'ben', '/kalender');
  await expect(page.getByText(/Jour fixe re@di \(Demo\)/).first()).toBeVisible();
  await readmeScreenshot(page, 'kalender', info);

  await open(page, 'mara', `/sitzungen/${m.inReview}/protokoll`);
  await expect(page.getByText(/Digitaltag/).first()).toBeVisible();
  await readmeScreenshot(page, 'protokollmodus', info);

  await open(page, 'ben', `/sitzungen/${m.inReview}`);
  await expect(page.getByText(/Bruchsal hat die Teilnahme am Portal zugesagt/).first()).toBeVisible();
  await readmeScreenshot(page, 'protokoll-abstimmung-mitglied', info);

  await open(page, 'mara', `/sitzungen/${m.inReview}`);
  await expect(page.getByText(/Bruchsal hat die Teilnahme am Portal zugesagt/).first()).toBeVisible();
  await readmeScreenshot(page, 'protokoll-abstimmung-moderation', info);

  await open(page, 'ben', `/sitzungen/${m.published}`);
  await expect(page.getByText(/gemeinsames LoRaWAN-Netz/).first()).toBeVisible();
  await readmeScreenshot(page, 'sitzung-veroeffentlicht', info);

  await open(page, 'mara', '/webinare');
  await expect(page.getByText('E-Rechnung in der Praxis (Demo)').first()).toBeVisible();
  await readmeScreenshot(page, 'webinare-organisieren', info);

  await open(page, 'ben', '/webinare');
  await expect(page.getByText('E-Rechnung in der Praxis (Demo)').first()).toBeVisible();
  await readmeScreenshot(page, 'webinare', info);

  await open(page, 'mara', '/werkstatt');
  await page.getByRole('link', { name: /Digital-Werkstatt Ettlingen und Rheinstetten \(Demo\)/ }).first().click();
  await page.getByRole('tab', { name: /^Ideen/ }).click();
  await expect(page.getByText('Parkplatzsensoren am Bahnhof').first()).toBeVisible();
  await readmeScreenshot(page, 'werkstatt', info);

  await open(page, 'alice', '/steckbriefe');
  await expect(page.getByText(/\(Demo\)/).first()).toBeVisible();
  await readmeScreenshot(page, 'steckbriefe', info);

  await open(page, 'leitstelle', '/betrieb', true);
  await readmeScreenshot(page, 'betrieb', info);

  // The protocol mode on a phone.
  const phone = await browser.newPage({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 390, height: 844 } });
  await open(phone, 'mara', `/sitzungen/${m.inReview}/protokoll`);
  await expect(phone.getByText(/Digitaltag/).filter({ visible: true }).first()).toBeVisible();
  await readmeScreenshot(phone, 'protokollmodus-390', info);
  await phone.close();
});

// Last, since they change the demo's protocols: the conflict view and a Berichtigung, staged on the demo data.
test('the demo tour: two people write the same entry, and a Berichtigung', async ({ browser }, info) => {
  test.setTimeout(300_000);
  const mara = await browser.newPage({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const alice = await browser.newPage({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  await open(mara, 'mara', `/sitzungen/${m.inReview}/protokoll`);
  await open(alice, 'alice', `/sitzungen/${m.inReview}/protokoll`);
  const label = /^Notizen zu Punkt 1:/;
  await expect(alice.getByLabel(label)).toBeVisible();
  const before = await mara.getByLabel(label).inputValue();
  await alice.context().setOffline(true);
  await alice.getByLabel(label).fill(`${before}\n\nStutensee prüft bis zur nächsten Sitzung, ob der Bauhof die Sensoren betreut.`);
  await mara.getByLabel(label).fill(`${before}\n\nStutensee übernimmt die Betreuung der Sensoren ab März.`);
  await expect(mara.getByTestId('save-status')).toHaveText(/^Gespeichert um/, { timeout: 30_000 });
  await alice.context().setOffline(false);
  await expect(alice.getByRole('alert')).toContainText('Gleichzeitig bearbeitet', { timeout: 30_000 });
  await readmeScreenshot(alice, 'protokoll-konflikt', info);
  await alice.setViewportSize({ width: 390, height: 844 });
  await readmeScreenshot(alice, 'protokoll-konflikt-390', info);
  await alice.close();
  await mara.close();

  const page = await browser.newPage({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  await open(page, 'mara', `/sitzungen/${m.published}`);
  await page.getByLabel('Text der Berichtigung').fill('Unter TOP 2 muss es **zwölf** Gateways heißen, nicht zehn.');
  await page.getByRole('button', { name: 'Berichtigung prüfen' }).click();
  await page.getByRole('button', { name: 'Jetzt endgültig eintragen' }).click();
  await expect(page.getByTestId('correction')).toContainText('Berichtigung Nr. 1');
  await readmeScreenshot(page, 'protokoll-berichtigung', info);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, 'ben', `/sitzungen/${m.published}`);
  await expect(page.getByTestId('correction')).toContainText('Berichtigung Nr. 1');
  await readmeScreenshot(page, 'protokoll-berichtigung-390', info);
  await page.close();
});
