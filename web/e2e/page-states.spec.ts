import { expect, test, type Page } from '@playwright/test';
import { addToGroup, agendaItem, meeting, projectGroup, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, signInAs, tokenFor, uniq, WEB } from './support/hub';
import { expectFitsPhone, PHONE } from './support/page-checks';

/**
 * Every route of the client at least once, as the moderator (mara), a member (ben), a newcomer of a
 * city in no network, and the hub's admin (alice); empty and filled; tabs and disclosures opened.
 * Each state is checked with axe at every impact (best practices and WCAG 2.2 included) and, on a
 * phone (390 × 844), for sideways scrolling, cut-off controls and the header's height.
 */

interface Fixture {
  r: Readi;
  groupId: string;
  meetingId: string;
  workshopId: string;
  profileId: string;
  newcomer: string;
}

let f: Fixture;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const r = await readi();
  const mara = await tokenFor('mara');
  const groupId = await projectGroup(r, 'Projektgruppe Seitenrundgang');
  const ben = (await api(await tokenFor('ben'), '{ me { id } }')).me.id;
  await addToGroup(groupId, ben, 'MEMBER', r.orgs.Rheinstetten);
  const meetingId = await meeting(mara, groupId, `Jour fixe Rundgang ${uniq()}`, 6, { location: 'Rathaus Rheinstetten, Sitzungssaal' });
  const first = await agendaItem(mara, meetingId, 'Begrüßung und Protokoll der letzten Sitzung');
  await agendaItem(mara, meetingId, 'Stand der Glasfaser-Ausbauplanung in allen beteiligten Kommunen');
  await agendaItem(mara, meetingId, 'Personalfragen', false);
  await api(await tokenFor('ben'), 'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
    i: { meetingId, title: 'Vorschlag: Erfahrungen mit der E-Akte' },
  });
  const { startProtocol } = await api(mara, 'mutation($i: StartProtocolInput!) { startProtocol(input: $i) { id } }', { i: { meetingId } });
  await api(mara, 'mutation($i: AddActionItemInput!) { addActionItem(input: $i) { id } }', {
    i: { groupId, protocolId: startProtocol.id, agendaItemId: first, title: 'Gateway-Standorte prüfen', assigneeOrganizationId: r.orgs.Rheinstetten, dueOn: '2027-01-15' },
  });
  const slot = (days: number) => ({
    startsAt: new Date(Date.now() + days * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + days * 86_400_000 + 3 * 3_600_000).toISOString(),
  });
  await api(mara, 'mutation($i: CreateDatePollInput!) { createDatePoll(input: $i) { id } }', {
    i: { groupId, title: `Klausurtagung ${uniq()}`, options: [slot(40), slot(41)] },
  });
  const { createWorkshop } = await api(mara, 'mutation($i: CreateWorkshopInput!) { createWorkshop(input: $i) { id } }', {
    i: { title: `Digital-Werkstatt Rundgang ${uniq()}`, date: '2027-03-12', municipalityIds: [r.orgs.Bretten], networkId: r.networkId },
  });
  const { createProjectProfile } = await api(await tokenFor('ben'), 'mutation($i: CreateProjectProfileInput!) { createProjectProfile(input: $i) { id } }', {
    i: {
      title: `Pegelmessung ${uniq()}`,
      summary: 'Sensoren melden den Wasserstand der Alb.',
      organizationIds: [r.orgs.Rheinstetten],
      status: 'RUNNING',
      visibility: 'NETWORK',
      networkId: r.networkId,
    },
  });
  // A person of a city in no network yet: every list is empty for her.
  const newcomer = `neu-${uniq()}`;
  await tokenFor(newcomer);
  f = { r, groupId, meetingId, workshopId: createWorkshop.id, profileId: createProjectProfile.id, newcomer };
});

interface State {
  who: string | null;
  admin?: boolean;
  path: () => string;
  what: string;
  /** Opens tabs, disclosures or views; calls `check` for each state it reaches. */
  walk?: (page: Page, check: (what: string) => Promise<void>) => Promise<void>;
}

const clickEveryTab = async (page: Page, check: (what: string) => Promise<void>) => {
  const tabs = page.getByRole('tab');
  const count = await tabs.count();
  for (let i = 1; i < count; i++) {
    const name = (await tabs.nth(i).textContent())!.trim();
    await tabs.nth(i).click();
    await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    await check(`tab ${name}`);
  }
};

const STATES: State[] = [
  { who: null, path: () => '/anmelden', what: 'the sign-in page' },
  { who: null, path: () => '/barrierefreiheit', what: 'the accessibility statement, signed out' },
  { who: 'mara', path: () => '/', what: 'the overview of the moderator' },
  { who: 'ben', path: () => '/', what: 'the overview of a member' },
  { who: 'newcomer', path: () => '/', what: 'the overview of a newcomer (empty)' },
  { who: 'mara', path: () => '/netzwerke', what: 'the networks' },
  { who: 'newcomer', path: () => '/netzwerke', what: 'the networks of a newcomer' },
  { who: 'alice', path: () => '/netzwerke/readi', what: 'the network, as its admin' },
  { who: 'ben', path: () => '/netzwerke/readi', what: 'the network, as a member' },
  { who: 'newcomer', path: () => '/netzwerke/readi', what: 'the network, as a newcomer' },
  { who: 'mara', path: () => `/gruppen/${f.groupId}`, what: 'the group of the moderator', walk: clickEveryTab },
  { who: 'ben', path: () => `/gruppen/${f.groupId}`, what: 'the group of a member', walk: clickEveryTab },
  { who: 'newcomer', path: () => `/gruppen/${f.r.groups.plenum}`, what: 'a group seen from outside' },
  {
    who: 'mara',
    path: () => `/sitzungen/${f.meetingId}`,
    what: 'the meeting of the moderator',
    walk: async (page, check) => {
      for (const details of await page.locator('details').all()) if (await details.isVisible()) await details.locator('summary').click();
      await check('with every disclosure open');
    },
  },
  { who: 'ben', path: () => `/sitzungen/${f.meetingId}`, what: 'the meeting of a member' },
  { who: 'mara', path: () => `/sitzungen/${f.meetingId}/protokoll`, what: 'the protocol mode' },
  { who: 'mara', path: () => '/planung', what: 'the planning' },
  {
    who: 'mara',
    path: () => '/kalender',
    what: 'the calendar',
    walk: async (page, check) => {
      for (const view of ['Monat', 'Woche', 'Terminübersicht']) {
        await page.getByRole('tab', { name: view, exact: true }).click();
        await expect(page.getByRole('tab', { name: view, exact: true })).toHaveAttribute('aria-selected', 'true');
        await check(`the ${view} view`);
      }
    },
  },
  { who: 'newcomer', path: () => '/kalender', what: 'the empty calendar' },
  { who: 'alice', admin: true, path: () => '/betrieb', what: 'the operations page' },
  { who: 'mara', path: () => '/meine-daten', what: 'my data' },
  { who: 'mara', path: () => '/steckbriefe', what: 'the profiles' },
  { who: 'newcomer', path: () => '/steckbriefe', what: 'the profiles of a newcomer' },
  { who: 'ben', path: () => `/steckbriefe/${f.profileId}`, what: 'a profile of its author' },
  { who: 'mara', path: () => '/webinare', what: 'the webinars' },
  { who: 'newcomer', path: () => '/webinare', what: 'the webinars of a newcomer' },
  { who: 'mara', path: () => '/werkstatt', what: 'the workshops' },
  { who: 'mara', path: () => `/werkstatt/${f.workshopId}`, what: 'a workshop', walk: clickEveryTab },
  { who: 'mara', path: () => '/gibt-es-nicht', what: 'a page that does not exist' },
];

async function visit(page: Page, state: State): Promise<void> {
  const who = state.who === 'newcomer' ? f.newcomer : state.who;
  if (who) await signInAs(page, who, state.path(), state.admin);
  else await page.goto(`${WEB()}${state.path()}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Wird geladen' })).toHaveCount(0);
}

test.describe('every page state', () => {
  test.describe.configure({ timeout: 240_000 }); // two screens, axe twice per state, on a shared 2-core machine
  for (const state of STATES) {
    test(`is accessible and fits a phone: ${state.what}${state.who ? ` (${state.who})` : ''}`, async ({ browser }) => {
      // One visit, two screens: the desktop first, then the same page state on the phone.
      const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const check = async (what: string) => {
        const label = `${state.what} – ${what}`;
        await page.setViewportSize({ width: 1280, height: 900 });
        await expectAccessible(page, label);
        await page.setViewportSize(PHONE);
        await expectAccessible(page, `${label} (390 px)`);
        await expectFitsPhone(page, label);
      };
      await visit(page, state);
      await check('as it opens');
      await state.walk?.(page, check);
      await context.close();
    });
  }
});

test('on a phone the header is a compact menu: it opens, Escape closes it and focus returns to "Menü"', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: PHONE });
  const page = await context.newPage();
  await signInAs(page, 'mara', '/');
  const menu = page.getByRole('button', { name: 'Menü' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Kalender' })).toBeVisible();
  await expectAccessible(page, 'the open menu on a phone');
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Übersicht' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  // Choosing a page closes the menu.
  await menu.click();
  await nav.getByRole('link', { name: 'Kalender' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  // On a desktop there is no menu button: the navigation is always there.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(menu).toBeHidden();
  await expect(nav).toBeVisible();
  await context.close();
});

test('the accessibility statement is linked from every page, also signed out, and names the contact for barriers', async ({ page }) => {
  await page.goto(`${WEB()}/anmelden`);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Barrierefreiheit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' })).toBeVisible();
  for (const part of ['Stand der Vereinbarkeit mit den Anforderungen', 'Nicht barrierefreie Inhalte', 'Feedback und Kontakt', 'Durchsetzungsverfahren']) {
    await expect(page.getByRole('heading', { level: 2, name: part })).toBeVisible();
  }
  // The hub's ACCESSIBILITY_CONTACT (here: the mail sender's address, the default).
  await expect(page.getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:[^?]+@[^?]+\?subject=/);
  await signInAs(page, 'ben', '/kalender');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Barrierefreiheit' })).toBeVisible();
});
