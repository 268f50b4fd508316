import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addToGroup, agendaItem, meeting, officer, projectGroup, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, newPage, signInAs, tokenFor, uniq } from './support/hub';
import { expectFitsPhone, PHONE } from './support/page-checks';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

const TRANSITION = (name: string) => `mutation($i: ProtocolTransitionInput!) { ${name}(input: $i) { version } }`;
const ITEM = 'Glasfaserausbau in Großbottwar';
const DECISION = 'Die Ausschreibung wird zum Frühjahr veröffentlicht';

/** A past meeting with an item and a decision, its protocol published by Mara and corrected once; a member of the group. */
async function published(): Promise<{ meetingId: string; member: string }> {
  const mara = await tokenFor('mara');
  const groupId = await projectGroup(r, `Projektgruppe PDF ${uniq()}`);
  const member = await officer(r, `pdf${uniq()}`, 'Ettlingen');
  await addToGroup(groupId, member.id, 'MEMBER', r.orgs.Ettlingen);
  const meetingId = await meeting(mara, groupId, `Sitzung mit PDF ${uniq()}`, -3);
  const itemId = await agendaItem(mara, meetingId, ITEM);
  const { startProtocol: p } = await api(mara, 'mutation($m: ID!) { startProtocol(input: { meetingId: $m }) { id version } }', { m: meetingId });
  let version: number = (
    await api(mara, 'mutation($i: AddDecisionInput!) { addDecision(input: $i) { version } }', {
      i: { protocolId: p.id, agendaItemId: itemId, text: DECISION, votesFor: 6, votesAgainst: 0, abstentions: 1, expectedVersion: p.version },
    })
  ).addDecision.version;
  for (const step of ['submitProtocolForReview', 'approveProtocol', 'publishProtocol']) {
    version = (await api(mara, TRANSITION(step), { i: { protocolId: p.id, expectedVersion: version } }))[step].version;
  }
  await api(mara, 'mutation($i: AddProtocolCorrectionInput!) { addProtocolCorrection(input: $i) { id } }', {
    i: { protocolId: p.id, text: 'Gemeint ist der Frühsommer.' },
  });
  return { meetingId, member: member.username };
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(page: Page, name: string | RegExp): Promise<{ fileName: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { fileName: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('a member downloads the published protocol as PDF: the same bytes every time, German name, focus kept', async ({ browser }) => {
  test.slow();
  const { meetingId, member } = await published();
  const page = await newPage(browser);
  await signInAs(page, member, `/sitzungen/${meetingId}`);
  const button = page.getByRole('button', { name: 'PDF herunterladen' });
  await expect(button).toBeVisible();

  const first = await download(page, 'PDF herunterladen');
  expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(first.fileName).toMatch(/^Protokoll-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(button).toBeFocused();
  const second = await download(page, 'PDF herunterladen');
  expect(second.bytes.equals(first.bytes)).toBe(true);
  const text = execFileSync('pdftotext', ['-', '-'], { input: first.bytes, encoding: 'utf8' })
    .replace(/\u00ad\s*\n/g, '')
    .replace(/\s+/g, ' ');
  expect(text).toContain(ITEM);
  expect(text).toContain(DECISION);

  // Each Berichtigung has its own sheet.
  const sheet = await download(page, 'Berichtigung Nr. 1 als PDF');
  expect(sheet.fileName).toMatch(/^Protokoll-\d{4}-\d{2}-\d{2}-Berichtigung-1\.pdf$/);
  expect(execFileSync('pdftotext', ['-', '-'], { input: sheet.bytes, encoding: 'utf8' })).toContain('Gemeint ist der Frühsommer.');
  await expectAccessible(page, 'a published protocol with its PDF downloads');
  await page.setViewportSize(PHONE);
  await expectFitsPhone(page, 'a published protocol with its PDF downloads');
});

test('"Drucken" prints the protocol, not the page: no navigation, buttons or forms; the items and decisions are there', async ({ browser }) => {
  test.slow();
  const { meetingId, member } = await published();
  const page = await newPage(browser);
  await signInAs(page, 'mara', `/sitzungen/${meetingId}`);
  await expect(page.getByRole('button', { name: 'PDF herunterladen' })).toBeVisible();
  void member;
  await page.emulateMedia({ media: 'print' });
  const protocol = page.locator('#protokoll');
  await expect(protocol).toBeVisible();
  await expect(protocol.getByText(DECISION)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const hidden of [
    page.getByRole('button', { name: 'PDF herunterladen' }),
    page.getByRole('button', { name: 'Drucken' }),
    page.getByLabel('Text der Berichtigung'),
    page.locator('#tagesordnung'),
    page.locator('.ik-header'),
    page.locator('.ik-jump-nav'),
  ]) {
    await expect(hidden).toBeHidden();
  }
  expect(await page.locator('main button:visible, main input:visible, main select:visible, main textarea:visible, main form:visible').count()).toBe(0);
  // What the printer gets: Chromium's own print rendering, as text.
  const printed = execFileSync('pdftotext', ['-', '-'], { input: await page.pdf({ format: 'A4' }), encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(printed).toContain(ITEM);
  expect(printed).toContain(DECISION);
  expect(printed).toContain('Berichtigung Nr. 1');
  expect(printed).not.toContain('PDF herunterladen');
  expect(printed).not.toContain('Berichtigung prüfen');
});
