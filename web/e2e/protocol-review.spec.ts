import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { addToGroup, agendaItem, meeting, officer, projectGroup, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, newPage, screenshot, signInAs, tokenFor, uniq } from './support/hub';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

/** The hub's own database of the browser tests (see support/global-setup.ts). */
async function sql(text: string, values: unknown[] = []) {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${process.env.INTERKOM_TEST_DB_PREFIX ?? 'interkom_test'}_web`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A past meeting of a new group with `approval`, a plain member of Ettlingen, one entry, and its protocol in review. */
async function inReview(approval: Record<string, unknown>) {
  const mara = await tokenFor('mara');
  const groupId = await projectGroup(r, 'Projektgruppe Abstimmung', 'Rheinstetten', approval);
  const member = await officer(r, 'erika', 'Ettlingen');
  await addToGroup(groupId, member.id, 'MEMBER', r.orgs.Ettlingen);
  const meetingId = await meeting(mara, groupId, `Sitzung ${uniq()}`, -2);
  const itemId = await agendaItem(mara, meetingId, 'Glasfaser');
  const { startProtocol: p } = await api(mara, 'mutation($m: ID!) { startProtocol(input: { meetingId: $m }) { id version } }', { m: meetingId });
  await api(mara, 'mutation($i: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $i) { version } }', {
    i: { protocolId: p.id, agendaItemId: itemId, notes: 'Der Ausbau beginnt im Frühjahr in allen Ortsteilen.', expectedVersion: 1 },
  });
  await api(mara, 'mutation($i: ProtocolTransitionInput!) { submitProtocolForReview(input: $i) { version } }', { i: { protocolId: p.id, expectedVersion: 2 } });
  return { meetingId, protocolId: p.id as string, member: member.username };
}

/** Nothing wider than the window (390 px): no sideways scrolling. */
async function noOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('a member comments and objects beside the entry; the moderator answers, decides and revises', async ({ browser }, info) => {
  // Two people, four page states each checked by axe at every impact and by the text scan: more than a minute on a busy machine.
  test.slow();
  const { meetingId, member } = await inReview({ protocolApprovalMode: 'OBJECTION_PERIOD', objectionPeriodDays: 14 });
  const alice = await newPage(browser);
  await signInAs(alice, member, `/sitzungen/${meetingId}`);
  // A member: no moderation controls.
  await expect(alice.getByRole('button', { name: 'Protokoll genehmigen' })).toHaveCount(0);
  const review = alice.getByRole('region', { name: 'Abstimmung in der Gruppe' });
  await expect(review).toBeVisible();
  await expect(review.getByText('Genehmigung der Protokolle: Widerspruchsfrist')).toBeVisible();
  await expect(review.getByText(/^Ohne offenen Einwand gilt das Protokoll am .+ als genehmigt/)).toBeVisible();
  await expect(review.getByText('Der Ausbau beginnt im Frühjahr in allen Ortsteilen.')).toBeVisible();

  // A comment on the entry: the keyboard stays in the field for the next remark.
  const field = alice.getByLabel('Ihre Anmerkung zu 1. Glasfaser');
  await field.fill('Bitte die Ortsteile einzeln nennen.');
  await alice.getByRole('button', { name: 'Kommentieren' }).first().click();
  const remarks = alice.getByRole('list', { name: 'Anmerkungen zu 1. Glasfaser' });
  await expect(remarks.getByText('Bitte die Ortsteile einzeln nennen.')).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  // An empty objection gets its message next to the field.
  await alice.getByRole('button', { name: 'Einwand erheben' }).first().click();
  await expect(alice.getByText('darf nicht leer sein')).toBeVisible();
  await field.fill('In Bruchhausen beginnt der Ausbau erst im Sommer.');
  await alice.getByRole('button', { name: 'Einwand erheben' }).first().click();
  await expect(remarks.getByText('In Bruchhausen beginnt der Ausbau erst im Sommer.')).toBeVisible();
  await expect(alice.getByText(/^Ein Einwand ist offen/)).toBeVisible();
  await expect(remarks.getByRole('button', { name: 'Einwand zurückziehen' })).toBeVisible();
  await expect(alice.locator('main')).not.toContainText(/OBJECTION|COMMENT|OBJECTION_PERIOD|IN_REVIEW/);
  await expectAccessible(alice, 'a member reviewing a protocol');
  await screenshot(alice, 'protokoll-abstimmung-mitglied', info);
  await alice.setViewportSize({ width: 390, height: 900 });
  await noOverflow(alice);
  await expectAccessible(alice, 'a member reviewing a protocol at 390 px');

  const mara = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}`);
  const beside = mara.getByRole('list', { name: 'Anmerkungen zu 1. Glasfaser' });
  await expect(beside.getByText('Bitte die Ortsteile einzeln nennen.')).toBeVisible();
  // Approving now is refused, saying why.
  await mara.getByRole('button', { name: 'Protokoll genehmigen' }).click();
  await expect(mara.getByText(/Ein Einwand ist noch offen/)).toBeVisible();

  await beside.getByLabel('Antwort der Moderation').fill('Ergänzt: Diedelsheim, Bruchhausen und Ettlingen-West.');
  await beside.getByRole('button', { name: 'Antworten' }).click();
  await expect(beside.getByText('Ergänzt: Diedelsheim, Bruchhausen und Ettlingen-West.')).toBeVisible();
  await beside.getByLabel('Begründung der Moderation').fill('Richtig, der Text wird berichtigt.');
  await beside.getByRole('button', { name: 'Einwand stattgeben' }).click();
  await expect(beside.getByText('stattgegeben', { exact: true })).toBeVisible();
  await expect(mara.getByText(/^Ein Einwand ist offen/)).toHaveCount(0);

  // The revision, written in the protocol mode (it saves by itself): a new version, the period starts again.
  const dueAt = async () => (await sql('SELECT approval_due_at FROM protocol WHERE meeting_id = $1', [meetingId]))[0].approval_due_at as Date;
  const before = await dueAt();
  // From the objection straight to its entry in the protocol mode.
  await mara.getByRole('link', { name: '1. Glasfaser im Protokollmodus überarbeiten' }).click();
  await expect(mara.getByRole('heading', { level: 2, name: '1. Glasfaser' })).toBeVisible();
  const notes = mara.getByLabel('Notizen zu Punkt 1: Glasfaser');
  await notes.fill('Der Ausbau beginnt im Frühjahr, in Bruchhausen im Sommer.');
  await expect(mara.getByTestId('save-status')).toHaveText(/^Gespeichert um \d\d:\d\d$/);
  await mara.goto(new URL(`/sitzungen/${meetingId}`, mara.url()).href);
  await expect(mara.getByText('Der Ausbau beginnt im Frühjahr, in Bruchhausen im Sommer.').first()).toBeVisible();
  // The period restarted at the save (the page shows it to the minute, so compare the stored end).
  expect((await dueAt()).getTime()).toBeGreaterThan(before.getTime());
  await expect(mara.getByText(/^Ohne offenen Einwand gilt das Protokoll am/)).toBeVisible();
  await expectAccessible(mara, 'the moderator answering the review');
  await screenshot(mara, 'protokoll-abstimmung-moderation', info);

  // The member sees the answer and the decision.
  await alice.reload();
  await expect(alice.getByText('Richtig, der Text wird berichtigt.')).toBeVisible();
  await expect(alice.getByRole('button', { name: 'Einwand zurückziehen' })).toHaveCount(0);
});

test('after the objection period the hub approves the protocol by itself', async ({ browser }) => {
  const { meetingId, protocolId, member } = await inReview({ protocolApprovalMode: 'OBJECTION_PERIOD', objectionPeriodDays: 1 });
  const alice = await newPage(browser);
  await signInAs(alice, member, `/sitzungen/${meetingId}`);
  await expect(alice.getByText('In Abstimmung', { exact: true })).toBeVisible();
  // The period ends: its stored end moves into the past (the hub's poller reads the same clock as always).
  await sql(`UPDATE protocol SET approval_due_at = now() - interval '1 minute' WHERE id = $1`, [protocolId]);
  await expect
    .poll(async () => (await sql('SELECT status FROM protocol WHERE id = $1', [protocolId]))[0].status, { timeout: 15_000 })
    .toBe('APPROVED');
  await alice.reload();
  await expect(alice.getByText('Genehmigt', { exact: true })).toBeVisible();
  await expect(alice.getByText('Das Protokoll ist genehmigt; die Sitzung kann nicht mehr geändert werden.')).toBeVisible();
  const mara = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}`);
  await mara.getByText(/Fassungen$/).click();
  await expect(mara.getByText('Genehmigt nach Ablauf der Widerspruchsfrist (automatisch, ohne offenen Einwand)', { exact: false })).toBeVisible();
  await expectAccessible(mara, 'a protocol approved after its objection period');
  const announced = await sql(`SELECT payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'ProtocolApproved'`, [protocolId]);
  expect(announced).toHaveLength(1);
  expect(announced[0].payload.automatic).toBe(true);
});

test('a group manager chooses how protocols are approved, with German labels', async ({ browser }) => {
  const groupId = await projectGroup(r, 'Projektgruppe Regeln', 'Rheinstetten', {});
  const mara = await newPage(browser);
  await signInAs(mara, 'mara', `/gruppen/${groupId}`);
  await mara.getByRole('tab', { name: 'Mitglieder' }).click();
  const select = mara.getByLabel('So werden Protokolle dieser Gruppe genehmigt');
  await expect(select).toHaveValue('OBJECTION_PERIOD');
  await expect(select.locator('option')).toHaveText(['Widerspruchsfrist', 'Genehmigung in der nächsten Sitzung', 'Benannte Genehmigende', 'Die Moderation genehmigt']);
  await mara.getByLabel('Widerspruchsfrist in Tagen').fill('0');
  await mara.getByRole('button', { name: 'Regel speichern' }).click();
  await expect(mara.getByText('muss mindestens 1 Tag sein')).toBeVisible();
  await select.selectOption('NAMED_APPROVERS');
  await mara.getByRole('button', { name: 'Regel speichern' }).click();
  await expect(mara.getByText('bitte benennen Sie mindestens eine Person, die das Protokoll genehmigt')).toBeVisible();
  await mara.getByRole('checkbox', { name: 'Mara Moderation (Demo)' }).check();
  await mara.getByRole('button', { name: 'Regel speichern' }).click();
  await expect(mara.getByText('Gespeichert: Benannte Genehmigende.')).toBeFocused();
  await expectAccessible(mara, 'the approval rule settings');
});
