import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { crawl, oparlValidators } from '../support/oparl-crawler.js';
import { OPARL_BASE as BASE, OPARL_ROOT as ROOT, publishedNetwork, type PublishedNetwork } from '../support/oparl-fixtures.js';
import { TestHub } from '../support/test-hub.js';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);

/**
 * Issue 23: the documents of public agenda items of a PUBLIC network are OParl Files
 * (auxiliaryFile of the AgendaItem), served without sign-in with the sha512Checksum of the served
 * bytes; documents of non-public items, of the meeting itself and of PRIVATE networks are not.
 */
describe('documents in OParl', () => {
  let hub: TestHub;
  let n: PublishedNetwork;
  const docs: Record<string, { id: string; bytes: Buffer }> = {};
  const upload = async (parentType: string, parentId: string, name: string, bytes: Buffer) => {
    const res = await hub.http.post(`/documents?parentType=${parentType}&parentId=${parentId}`).set('authorization', `Bearer ${n.c.lead.token}`).attach('file', bytes, { filename: name });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, bytes };
  };

  beforeAll(async () => {
    hub = await TestHub.start({ OPARL_REFRESH_MS: '0' });
    n = await publishedNetwork(hub);
    docs.public = await upload('AGENDA_ITEM', n.ids.publicItem, 'Gateway-Angebot Bruchsal.pdf', pdf('Angebot'));
    docs.secret = await upload('AGENDA_ITEM', n.ids.secretItem, 'Vertragsentwurf-Geheim.pdf', pdf('Vertrag'));
    docs.meeting = await upload('MEETING', n.ids.held, 'Teilnehmerliste-Intern.pdf', pdf('Liste'));
    docs.private = await upload('MEETING', n.secretMeeting, 'Privat.pdf', pdf('privat')).catch(() => ({ id: '', bytes: Buffer.alloc(0) }));
  }, 120_000);
  afterAll(() => hub.stop());

  it('appear as validated Files of their public agenda item, with the checksum of the bytes served without sign-in', async () => {
    const result = await crawl(hub, BASE, oparlValidators());
    expect(result.problems).toEqual([]);
    const file = result.objects.get(`${ROOT}/files/${docs.public.id}`)!;
    expect(file).toMatchObject({
      type: 'https://schema.oparl.org/1.1/File', name: 'Gateway-Angebot Bruchsal.pdf', fileName: 'Gateway-Angebot Bruchsal.pdf', mimeType: 'application/pdf',
      size: docs.public.bytes.length, sha512Checksum: createHash('sha512').update(docs.public.bytes).digest('hex'),
      accessUrl: `${BASE}/documents/${docs.public.id}`, agendaItem: [`${ROOT}/agenda-items/${n.ids.publicItem}`],
    });
    expect(String(file.created)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(result.files.get(`${BASE}/documents/${docs.public.id}`)).toEqual(docs.public.bytes);
    const item = result.objects.get(`${ROOT}/agenda-items/${n.ids.publicItem}`)!;
    expect((item.auxiliaryFile as { id: string }[]).map((f) => f.id)).toEqual([`${ROOT}/files/${docs.public.id}`]);
    for (const hidden of ['Vertragsentwurf-Geheim', 'Teilnehmerliste-Intern', docs.secret.id, docs.meeting.id]) expect(result.text).not.toContain(hidden);

    // Without sign-in: the public item's file is served, the others are not found.
    expect((await hub.http.get(`/documents/${docs.public.id}`)).status).toBe(200);
    for (const d of [docs.secret, docs.meeting]) expect((await hub.http.get(`/documents/${d.id}`)).status).toBe(404);
  });

  it('leave OParl when removed', async () => {
    await hub.ok(n.c.lead.token, 'mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) }', { input: { documentId: docs.public.id } });
    const res = await hub.http.get(`/oparl/v1/files/${docs.public.id}`);
    expect(res.body).toMatchObject({ deleted: true });
    const item = await hub.http.get(`/oparl/v1/agenda-items/${n.ids.publicItem}`);
    expect(item.body.auxiliaryFile).toBeUndefined();
  });
});
