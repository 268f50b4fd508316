import { expect, test } from '@playwright/test';
import { addToGroup, agendaItem, meeting, projectGroup, readi, type Readi } from './support/fixtures';
import { api, expectAccessible, newPage, signInAs, tokenFor, uniq, WEB } from './support/hub';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

const TRANSITION = (name: string) => `mutation($i: ProtocolTransitionInput!) { ${name}(input: $i) { version } }`;

/** A meeting `days` from now with an agenda, attendance and a protocol taken up to APPROVED (and PUBLISHED if asked). */
async function recorded(days: number, publish: boolean): Promise<string> {
  const mara = await tokenFor('mara');
  const groupId = await projectGroup(r, 'Projektgruppe Breitband');
  const aliceId = (await api(await tokenFor('alice'), '{ me { id } }')).me.id;
  await addToGroup(groupId, aliceId, 'MEMBER', r.orgs.Ettlingen);
  const meetingId = await meeting(mara, groupId, `Abgeschlossen ${uniq()}`, days);
  await agendaItem(mara, meetingId, 'Glasfaser');
  await agendaItem(mara, meetingId, 'Förderanträge');
  await api(mara, 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }', {
    i: { meetingId, personId: aliceId, status: 'PRESENT', organizationId: r.orgs.Ettlingen },
  });
  const { startProtocol: p } = await api(mara, 'mutation($m: ID!) { startProtocol(input: { meetingId: $m }) { id version } }', { m: meetingId });
  let version: number = p.version;
  for (const step of ['submitProtocolForReview', 'approveProtocol', ...(publish ? ['publishProtocol'] : [])]) {
    version = (await api(mara, TRANSITION(step), { i: { protocolId: p.id, expectedVersion: version } }))[step].version;
  }
  return meetingId;
}

test('a meeting whose protocol is published offers no changes, only a note saying why', async ({ browser }) => {
  const meetingId = await recorded(-3, true);
  const mara = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${meetingId}`);
  await expect(mara.getByText('Das Protokoll ist veröffentlicht; die Sitzung kann nicht mehr geändert werden.')).toBeVisible();
  await expect(mara.getByText('Veröffentlicht', { exact: true })).toBeVisible();
  await expect(mara.getByTestId('published-stamp')).toContainText('von Mara Moderation (Demo)');
  // No controls for time, agenda, attendance or decisions.
  for (const name of ['Verschieben', 'Sitzung absagen', 'Punkt hinzufügen', 'Vorschlagen', 'Beschluss festhalten', 'Protokoll veröffentlichen']) {
    await expect(mara.getByRole('button', { name })).toHaveCount(0);
  }
  await expect(mara.getByLabel(/^Anwesenheit von/)).toHaveCount(0);
  await expect(mara.getByText('anwesend', { exact: true })).toBeVisible();
  await expect(mara.getByTestId('agenda-item').first()).not.toHaveAttribute('draggable', 'true');
  await expectAccessible(mara, 'the frozen meeting page');
  // No enum names on screen.
  await expect(mara.locator('main')).not.toContainText(/PUBLISHED|APPROVED|PRESENT/);
});

test("publishing asks for confirmation, and waits for the meeting's end", async ({ browser }) => {
  const upcoming = await recorded(2, false);
  const mara = await newPage(browser);
  await signInAs(mara, 'mara', `/sitzungen/${upcoming}`);
  await expect(mara.getByText('Das Protokoll ist genehmigt; die Sitzung kann nicht mehr geändert werden.')).toBeVisible();
  const button = mara.getByRole('button', { name: 'Protokoll veröffentlichen' });
  await expect(button).toBeDisabled();
  await expect(mara.getByText(/^Veröffentlichen ist erst nach dem Ende der Sitzung möglich/)).toBeVisible();
  await expect(button).toHaveAccessibleDescription(/erst nach dem Ende der Sitzung/);
  await expect(mara.getByRole('button', { name: 'Verschieben' })).toHaveCount(0);
  await expectAccessible(mara, 'an approved protocol of a meeting still to come');

  const past = await recorded(-2, false);
  await mara.goto(`${WEB()}/sitzungen/${past}`);
  await mara.getByRole('button', { name: 'Protokoll veröffentlichen' }).click();
  await expect(
    mara.getByText('Nach der Veröffentlichung können Tagesordnung, Anwesenheit, Beschlüsse und Termin nicht mehr geändert werden.', { exact: false }),
  ).toBeVisible();
  await expect(mara.getByRole('button', { name: 'Jetzt veröffentlichen' })).toBeFocused();
  await expectAccessible(mara, 'the publication question');
  // Cancelling changes nothing and gives the focus back.
  await mara.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(mara.getByRole('button', { name: 'Protokoll veröffentlichen' })).toBeFocused();
  await expect(mara.getByText('Genehmigt', { exact: true })).toBeVisible();
  await mara.getByRole('button', { name: 'Protokoll veröffentlichen' }).click();
  await mara.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
  await expect(mara.getByText('Veröffentlicht', { exact: true })).toBeVisible();
  await expect(mara.getByTestId('published-stamp')).toBeFocused();
  await expect(mara.getByText('Das Protokoll ist veröffentlicht; die Sitzung kann nicht mehr geändert werden.')).toBeVisible();
});
