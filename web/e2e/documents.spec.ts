import { expect, test } from '@playwright/test';
import { addToGroup, agendaItem, meeting, officer, projectGroup, readi, type Readi } from './support/fixtures';
import { expectAccessible, newPage, signInAs, tokenFor } from './support/hub';
import { expectFitsPhone, expectFocusKept, PHONE } from './support/page-checks';

let r: Readi;
test.beforeAll(async () => {
  r = await readi();
});

const PDF = Buffer.from('%PDF-1.7\n% Folien zur Sitzung\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

test('a member uploads a PDF to an agenda item, opens it, and a disguised file is refused in German beside the field', async ({ browser }) => {
  test.slow();
  const groupId = await projectGroup(r, 'Projektgruppe Unterlagen');
  const member = await officer(r, 'unterlagen', 'Ettlingen');
  await addToGroup(groupId, member.id, 'MEMBER', r.orgs.Ettlingen);
  const meetingId = await meeting(await tokenFor('mara'), groupId, 'Sitzung mit Unterlagen', 3);
  await agendaItem(await tokenFor('mara'), meetingId, 'Angebot Gateways');

  const page = await newPage(browser);
  await page.setViewportSize(PHONE);
  await signInAs(page, member.username, `/sitzungen/${meetingId}#unterlagen`);
  const item = page.getByRole('region', { name: 'Unterlagen zu „Angebot Gateways“' });
  // Inside the agenda the upload waits behind a disclosure, so the agenda stays readable.
  await expect(item.getByText('Noch keine Unterlagen.')).toHaveCount(0);
  await item.getByText('Unterlage hinzufügen').click();

  // A refused file: an HTML page named .pdf. The hub's German message stands next to the file field.
  const field = item.getByLabel('Datei hochladen');
  await field.setInputFiles({ name: 'Folien.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
  await expect(item.getByText(/Der Inhalt passt zu keiner erlaubten Dateiart \(der Name endet auf „\.pdf“\)/)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the meeting page with a refused upload');

  // A real PDF with a long German name: uploaded, listed, focus on its download button.
  const name = 'Präsentation der Gateway-Angebote für Bruchsal und Überlingen 2027.pdf';
  await field.setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  const open = item.getByRole('button', { name: `„${name}“ herunterladen` });
  await expect(open).toBeVisible();
  await expect(open).toBeFocused();
  await expect(item).toContainText(`PDF, ${PDF.length} Byte, Version 1`);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expectFitsPhone(page, 'the meeting page with an uploaded document');
  await expectAccessible(page, 'the meeting page with an uploaded document');

  // Opening it downloads exactly the bytes uploaded.
  const [download] = await Promise.all([page.waitForEvent('download'), open.click()]);
  expect(download.suggestedFilename()).toBe(name);
  const chunks: Buffer[] = [];
  for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).equals(PDF)).toBe(true);

  // A new version: the old one stays, listed below the file.
  const second = Buffer.concat([PDF, Buffer.from('% Version 2\n')]);
  await item.getByLabel(`Neue Version von „${name}“ hochladen`).setInputFiles({ name, mimeType: 'application/pdf', buffer: second });
  await expect(item).toContainText(`PDF, ${second.length} Byte, Version 2`);
  await expect(open).toBeFocused();
  await item.getByText('Frühere Versionen (1)').click();
  await expect(item.getByRole('button', { name: new RegExp(`^Version 1: ${name.replace(/[.()]/g, '\\$&')}`) })).toBeVisible();
  await expectAccessible(page, 'a document with an earlier version');

  // Removing asks once more; focus stays in the section.
  await item.getByRole('button', { name: `„${name}“ entfernen` }).click();
  await item.getByRole('button', { name: 'Ja, mit allen Versionen entfernen' }).click();
  // Inside the agenda the upload waits behind a disclosure, so the agenda stays readable.
  await expect(item.getByText('Noch keine Unterlagen.')).toHaveCount(0);
  await item.getByText('Unterlage hinzufügen').click();
  await expectFocusKept(page, 'removing a document');
});
