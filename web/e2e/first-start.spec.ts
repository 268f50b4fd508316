import { expect, test } from '@playwright/test';
import { signInAs } from './support/hub';

// The embedded default on its first start (support/global-setup.ts): it loaded the demo networks
// and their activity itself, dated from today (issue 22.1).
const FIRST_START = () => process.env.INTERKOM_WEB_EMBEDDED_URL!;

test('first start: mara, the moderator, sees the next jour fixe and her task on her first page', async ({ page }) => {
  await signInAs(page, 'mara', '/', false, FIRST_START());
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  const meetings = page.getByRole('region', { name: 'Meine nächsten Sitzungen' });
  await expect(meetings.getByRole('link', { name: 'Fachgruppe Digitalisierung: Jour fixe re@di (Demo)' }).first()).toBeVisible();
  const tasks = page.getByRole('region', { name: 'Meine Aufgaben' });
  await expect(tasks.getByText('Vorlage für die Berichte der Projektgruppen verschicken (Demo)')).toBeVisible();
});

test('first start: ben, lead of the LoRaWAN project group, sees its next meeting and his open tasks', async ({ page }) => {
  await signInAs(page, 'ben', '/', false, FIRST_START());
  const meetings = page.getByRole('region', { name: 'Meine nächsten Sitzungen' });
  await expect(meetings.getByRole('link', { name: 'Projektgruppe LoRaWAN/IoT: Projektgruppe LoRaWAN: Gateway-Standorte (Demo)' })).toBeVisible();
  const tasks = page.getByRole('region', { name: 'Meine Aufgaben' });
  for (const task of ['Betreiberkonzept für das LoRaWAN-Netz entwerfen (Demo)', 'Angebote für zehn Gateways einholen (Demo)', 'Netzabdeckung in Rheinstetten messen (Demo)']) {
    await expect(tasks.getByText(task)).toBeVisible();
  }
});

test('first start: alice, admin of re@di, sees the pending join request of Stadt Waghäusel', async ({ page }) => {
  await signInAs(page, 'alice', '/', false, FIRST_START());
  const requests = page.getByRole('region', { name: 'Eine Anfrage wartet auf Sie' });
  await expect(requests.getByText('Stadt Waghäusel möchte re@di beitreten')).toBeVisible();
  await expect(requests.getByText('angefragt von Nina Neumann (Demo)')).toBeVisible();
});
