import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signInAs, WEB, WEB_KC } from './support/hub';

test('a first visitor is sent to the name picker and comes back to where they wanted to go', async ({ page }, info) => {
  await page.goto(`${WEB()}/netzwerke/readi`);
  await expect(page).toHaveURL(/\/anmelden\?zurueck=%2Fnetzwerke%2Freadi$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expect(page.getByText('Entwicklungsmodus')).toBeVisible();
  await expectAccessible(page, 'the name picker');
  await screenshot(page, 'anmelden', info);
  await page.getByRole('button', { name: 'Als alice anmelden' }).click();
  await expect(page).toHaveURL(/\/netzwerke\/readi$/);
  await expect(page.getByRole('heading', { level: 1, name: 're@di' })).toBeVisible();
});

test('the name picker refuses a name the hub refuses, next to the field', async ({ page }) => {
  await page.goto(`${WEB()}/anmelden`);
  await page.getByLabel('Name', { exact: false }).first().fill('nicht erlaubt!');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Bitte einen Namen');
  await expect(page.getByLabel('Name', { exact: false }).first()).toHaveAttribute('aria-invalid', 'true');
});

test('someone outside a network sees nothing of it', async ({ page }) => {
  await signInAs(page, `aussen-${Date.now()}`, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.getByText('Sie gehören noch keinem Netzwerk an').first()).toBeVisible();
  await page.goto(`${WEB()}/netzwerke/readi`);
  await expect(page.getByRole('heading', { level: 1, name: 're@di' })).toBeVisible();
  // What the groups do, so a newcomer knows where to ask (issue 22) — but nothing of their inside.
  await expect(page.getByRole('heading', { name: 'Die Gruppen von re@di' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Projektgruppe LoRaWAN/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Sitzungen/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Mitgliedsorganisation/ })).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Beitritt anfragen' })).toBeVisible();
  await page.goto(`${WEB()}/netzwerke/gibt-es-nicht`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nicht gefunden' })).toBeVisible();
  await expectAccessible(page, 'the not-found page');
});

test('signs in through Keycloak with the authorization code flow and PKCE', async ({ page }) => {
  await page.goto(`${WEB_KC()}/`);
  // The issuer's login form (standing in for Keycloak's).
  await expect(page.getByRole('heading', { name: 'Anmeldung' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('code_challenge_method')).toBe('S256');
  expect(new URL(page.url()).searchParams.get('client_id')).toBe('interkom-web');
  await page.getByLabel('Benutzername').fill('katrin');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(`${WEB_KC()}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.getByText('Guten Tag, Katrin')).toBeVisible();
  // The token stays in this tab's sessionStorage, not in the URL.
  expect(page.url()).not.toContain('code=');
});
