import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { officer, readi } from './support/fixtures';
import { api, expectAccessible, screenshot, signInAs, tokenFor } from './support/hub';

test('a person gives consent, links Matrix, downloads their data, reads their audit log and erases their account', async ({ page }, info) => {
  const r = await readi();
  const frida = await officer(r, 'frida', 'Gaggenau');
  await signInAs(page, frida.username, '/');
  await page.getByRole('link', { name: `${frida.username} – Meine Daten` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Daten' })).toBeVisible();
  await expect(page.getByText('Stadt Gaggenau')).toBeVisible();

  const consent = page.getByLabel(/^Mein Name darf in öffentlichen Ausgaben erscheinen/);
  await expect(consent).not.toBeChecked();
  await consent.check();
  await expect(consent).toBeChecked();
  await page.reload();
  await expect(page.getByLabel(/^Mein Name darf in öffentlichen Ausgaben erscheinen/)).toBeChecked();

  await page.getByLabel('Ihre Matrix-ID').fill('kein matrix');
  await page.getByRole('button', { name: 'Matrix-ID speichern' }).click();
  await expect(page.getByLabel('Ihre Matrix-ID')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Ihre Matrix-ID').fill(`@${frida.username}:matrix.gaggenau.example`);
  await page.getByRole('button', { name: 'Matrix-ID speichern' }).click();
  await expect(page.getByText('Matrix-ID gespeichert')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Meine Daten herunterladen' }).click();
  const file = await (await download).path();
  const exported = readFileSync(file, 'utf8');
  expect(exported).toContain(frida.username);
  expect(exported).toContain(`@${frida.username}:matrix.gaggenau.example`);

  await expect(page.locator('#protokoll table')).toBeVisible();
  await expectAccessible(page, 'Meine Daten');
  await screenshot(page, 'meine-daten', info);

  const erase = page.getByRole('button', { name: 'Konto endgültig löschen' });
  await expect(erase).toBeDisabled();
  await page.getByLabel(/^Zur Bestätigung Ihren Namen eingeben/).fill(frida.username);
  await erase.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();

  // The erased person is gone from the network; the next sign-in is a new, empty person.
  const { network } = await api(await tokenFor('alice'), '{ network(slug: "readi") { people { person { id displayName } } } }');
  expect(JSON.stringify(network.people)).not.toContain(frida.username);
  const { me, networks } = await api(await tokenFor(frida.username), '{ me { id } networks { myRole } }');
  expect(me.id).not.toBe(frida.id);
  expect(networks.filter((n: { myRole: string | null }) => n.myRole)).toEqual([]);
});
