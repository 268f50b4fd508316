import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { OBJECT_STORE, type ObjectStore } from '../../src/storage/object-store.js';
import { DocumentObjectSweeper } from '../../src/documents/document-object-sweeper.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { S3Server } from '../support/s3-server.js';
import { codeOf, freshDatabase, TestHub } from '../support/test-hub.js';

const MiB = 1024 * 1024;
const pdf = (text: string, pad = 0) => Buffer.concat([Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n`), Buffer.alloc(pad, 0x20), Buffer.from('%%EOF\n')]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
const DOCS = `query($id: ID!) { meeting(id: $id) { documents { id name mediaType size sha256 currentVersion versionCount mayChange downloadUrl uploadedBy { id }
  versions { version name size sha256 downloadUrl } } agenda { id documents { id name } } } }`;

describe.each(['fs', 's3'] as const)('documents on %s', (kind) => {
  let hub: TestHub;
  let s3: S3Server | undefined;
  let c: Cast;
  let meetingId: string;
  let publicItem: string;
  let privateItem: string;

  /** Every object file the storage holds (FS: DATA_DIR/files incl. temporary files; S3: s3rver's objects). */
  const objects = (): string[] => {
    if (s3) return s3.files().filter((f) => f.endsWith('._S3rver_object') && !f.includes('._S3rver_uploads'));
    const root = join(hub.hub.config.dataDir, 'files');
    return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : [];
  };
  const rows = async (table: string) => Number((await hub.hub.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  const upload = (token: string | null, parentType: string, parentId: string, body: Buffer, name: string) => {
    const req = hub.http.post(`/documents?parentType=${parentType}&parentId=${parentId}`);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.attach('file', body, { filename: name, contentType: 'application/octet-stream' });
  };
  const download = (token: string | null, url: string) => {
    const req = hub.http.get(new URL(url).pathname).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };
  /** The sweep a removal started in the background, then one more round. */
  const sweep = async () => {
    const sweeper = hub.hub.app.get(DocumentObjectSweeper);
    await sweeper.settled();
    await sweeper.sweep();
  };

  beforeAll(async () => {
    if (kind === 's3') s3 = await S3Server.start();
    // A database of its own: the row counts below are this file's alone.
    hub = await TestHub.start({ DATABASE_URL: await freshDatabase(`documents_${kind}`), DOCUMENT_MAX_BYTES: String(2 * MiB), DOCUMENT_MAX_PER_PARENT: '3', DOCUMENT_MAX_PARENT_BYTES: String(5 * MiB), ...(s3?.env ?? {}) });
    c = await cast(hub);
    meetingId = await meeting(hub, c.lead, c.groupId, 5);
    publicItem = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Öffentlicher Punkt' } })).addAgendaItem.id;
    privateItem = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Interner Punkt', public: false } })).addAgendaItem.id;
  });
  afterAll(async () => {
    await hub.stop();
    await s3?.stop();
  });

  it('uploads, lists, downloads with attachment, nosniff and checksum, replaces as a version, and removes', async () => {
    const first = pdf('Folien Version 1');
    const up = await upload(c.member.token, 'MEETING', meetingId, first, 'Folien Übersicht.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: 'Folien Übersicht.pdf', mediaType: 'application/pdf', size: first.length, sha256: sha256(first).toString('hex'), currentVersion: 1, mayChange: true });
    const id = up.body.id as string;

    const { meeting: m } = await hub.ok(c.member.token, DOCS, { id: meetingId });
    expect(m.documents).toHaveLength(1);
    expect(m.documents[0]).toMatchObject({ id, versionCount: 1, uploadedBy: { id: c.member.id } });

    const got = await download(c.member.token, m.documents[0].downloadUrl);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="Folien Ubersicht.pdf"; filename*=UTF-8''Folien%20%C3%9Cbersicht.pdf`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-length']).toBe(String(first.length));
    expect(got.headers['repr-digest']).toBe(`sha-256=:${sha256(first).toString('base64')}:`);
    expect(Buffer.compare(got.body as Buffer, first)).toBe(0);
    expect((await download(c.member.token, m.documents[0].downloadUrl).set('if-none-match', got.headers.etag)).status).toBe(304);

    const second = pdf('Folien Version 2 mit Korrekturen');
    const replaced = await hub.http.post(`/documents/${id}/versions`).set('authorization', `Bearer ${c.member.token}`).attach('file', second, { filename: 'Folien neu.pdf' });
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ currentVersion: 2, name: 'Folien neu.pdf', size: second.length });
    const after = (await hub.ok(c.member.token, DOCS, { id: meetingId })).meeting.documents[0];
    expect(after.versions.map((v: { version: number; name: string }) => [v.version, v.name])).toEqual([[2, 'Folien neu.pdf'], [1, 'Folien Übersicht.pdf']]);
    expect(Buffer.compare((await download(c.member.token, after.versions[1].downloadUrl)).body as Buffer, first)).toBe(0);
    expect(Buffer.compare((await download(c.member.token, after.downloadUrl)).body as Buffer, second)).toBe(0);
    expect(objects()).toHaveLength(2);

    // A group member may not remove what the LEAD uploaded; the uploader and the LEAD may.
    const leads = await upload(c.lead.token, 'MEETING', meetingId, pdf('Einladung'), 'Einladung.pdf');
    expect(codeOf(await hub.gql(c.member.token, 'mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) }', { input: { documentId: leads.body.id } }))).toBe('FORBIDDEN');
    await hub.ok(c.lead.token, 'mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) }', { input: { documentId: leads.body.id } });
    await hub.ok(c.member.token, 'mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) }', { input: { documentId: id } });
    await sweep();
    expect(objects()).toEqual([]);
    expect(await rows('document_version')).toBe(0);
    expect((await download(c.member.token, m.documents[0].downloadUrl)).status).toBe(404);
  });

  it('follows the parent: members only for the meeting and a non-public item, the network for a public item, nobody else', async () => {
    const onMeeting = (await upload(c.member.token, 'MEETING', meetingId, pdf('intern'), 'Protokollentwurf.pdf')).body;
    const onPublic = (await upload(c.member.token, 'AGENDA_ITEM', publicItem, pdf('öffentlich'), 'Angebot.pdf')).body;
    const onPrivate = (await upload(c.member.token, 'AGENDA_ITEM', privateItem, pdf('vertraulich'), 'Personalien.pdf')).body;
    for (const d of [onMeeting, onPublic, onPrivate]) expect((await download(c.guest.token, d.downloadUrl)).status).toBe(200);
    // The uploader's personal data export lists their uploads.
    const exported = await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.member.token}`);
    expect(exported.status).toBe(200);
    expect(exported.body.documentUploads.filter((u: { documentId: string }) => [onMeeting.id, onPublic.id, onPrivate.id].includes(u.documentId))).toEqual([
      expect.objectContaining({ documentId: onMeeting.id, version: 1, parentType: 'MEETING', parentId: meetingId, name: 'Protokollentwurf.pdf', mediaType: 'application/pdf', current: true, downloadPath: `/documents/${onMeeting.id}/versions/1` }),
      expect.objectContaining({ documentId: onPublic.id, parentType: 'AGENDA_ITEM', parentId: publicItem, name: 'Angebot.pdf' }),
      expect.objectContaining({ documentId: onPrivate.id, parentType: 'AGENDA_ITEM', parentId: privateItem, name: 'Personalien.pdf' }),
    ]);
    expect((await download(c.bystander.token, onPublic.downloadUrl)).status).toBe(200);
    for (const d of [onMeeting, onPrivate]) {
      const refused = await download(c.bystander.token, d.downloadUrl);
      expect(refused.status).toBe(404);
      expect(JSON.parse(refused.text ?? (refused.body as Buffer).toString())).toEqual({ error: 'NOT_FOUND', message: 'Dokument nicht gefunden' });
    }
    for (const d of [onMeeting, onPublic, onPrivate]) {
      expect((await download(c.stranger.token, d.downloadUrl)).status).toBe(404);
      expect((await download(null, d.downloadUrl)).status).toBe(404);
    }
    // The bystander sees the public item's files in the meeting's agenda, not the others.
    const { meeting: seen } = await hub.ok(c.bystander.token, DOCS, { id: meetingId });
    expect(seen.documents).toEqual([]);
    expect(seen.agenda.find((i: { id: string }) => i.id === publicItem).documents.map((d: { id: string }) => d.id)).toEqual([onPublic.id]);
    // Uploading needs the group: a network member outside it gets FORBIDDEN, another network NOT_FOUND.
    expect((await upload(c.bystander.token, 'AGENDA_ITEM', publicItem, pdf('x'), 'x.pdf')).status).toBe(403);
    expect((await upload(c.stranger.token, 'MEETING', meetingId, pdf('x'), 'x.pdf')).status).toBe(404);
    expect((await upload(null, 'MEETING', meetingId, pdf('x'), 'x.pdf')).status).toBe(401);

    // Removing the parent removes its documents, and their objects after the commit.
    const before = objects().length;
    await hub.ok(c.lead.token, 'mutation($input: RemoveAgendaItemInput!) { removeAgendaItem(input: $input) { id } }', { input: { agendaItemId: privateItem } });
    expect((await download(c.member.token, onPrivate.downloadUrl)).status).toBe(404);
    await sweep();
    expect(objects()).toHaveLength(before - 1);
    await hub.ok(c.member.token, 'mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) }', { input: { documentId: onMeeting.id } });
    await hub.ok(c.member.token, 'mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) }', { input: { documentId: onPublic.id } });
    await sweep();
  });

  it('refuses a disguised type, an oversized file and one file too many in German, next to the field, keeping nothing', async () => {
    const html = await upload(c.member.token, 'MEETING', meetingId, Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'Folien.pdf');
    expect(html.status).toBe(400);
    expect(html.body.error).toBe('BAD_USER_INPUT');
    expect(html.body.message).toMatch(/^file: Der Inhalt passt zu keiner erlaubten Dateiart \(der Name endet auf „\.pdf“\)/);
    const exe = await upload(c.member.token, 'MEETING', meetingId, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(4000)]), 'Rechnung.pdf');
    expect(exe.status).toBe(400);
    expect(exe.body.message).toContain('(.exe)');
    const big = await upload(c.member.token, 'MEETING', meetingId, pdf('groß', 2 * MiB), 'Groß.pdf');
    expect(big.status).toBe(400);
    expect(big.body.message).toBe('file: Die Datei ist zu groß: höchstens 2 MB je Datei.');
    const noFile = await hub.http.post(`/documents?parentType=MEETING&parentId=${meetingId}`).set('authorization', `Bearer ${c.member.token}`).send({ file: 'x' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.message).toBe('file: Bitte die Datei als multipart/form-data im Feld „file“ senden.');
    const wrongField = await hub.http.post(`/documents?parentType=MEETING&parentId=${meetingId}`).set('authorization', `Bearer ${c.member.token}`).attach('datei', pdf('x'), 'x.pdf');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error).toBe('BAD_USER_INPUT');
    const badType = await upload(c.member.token, 'PROTOCOL', meetingId, pdf('x'), 'x.pdf');
    expect(badType.status).toBe(400);
    expect(badType.body.message).toBe('parentType: muss einer von MEETING, AGENDA_ITEM, PROFILE, WEBINAR, WORKSHOP sein');
    expect(await rows('document')).toBe(0);
    expect(objects()).toEqual([]);

    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await upload(c.member.token, 'MEETING', meetingId, pdf(`Datei ${i}`), `Datei ${i}.pdf`)).body.id);
    const fourth = await upload(c.member.token, 'MEETING', meetingId, pdf('Datei 4'), 'Datei 4.pdf');
    expect(fourth.status).toBe(400);
    expect(fourth.body.message).toContain('mehr als 3 sind nicht möglich');
    for (const documentId of ids) await hub.ok(c.member.token, 'mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) }', { input: { documentId } });
    await sweep();
    expect(objects()).toEqual([]);
  });

  it('keeps nothing of an upload the client breaks off', async () => {
    if (!hub.hub.app.getHttpServer().address()) await hub.hub.app.listen(0, '127.0.0.1');
    const { port } = hub.hub.app.getHttpServer().address() as AddressInfo;
    const boundary = 'interkom-abort';
    const req = httpRequest({
      host: '127.0.0.1', port, method: 'POST', path: `/documents?parentType=MEETING&parentId=${meetingId}`,
      headers: { authorization: `Bearer ${c.member.token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(1.5 * MiB) },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Abbruch.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    req.write(pdf('bricht ab', 700 * 1024));
    // The hub streams while the client sends: on the file system a temporary file is being written.
    for (let i = 0; i < 50 && kind === 'fs' && objects().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    if (kind === 'fs') expect(objects()).toEqual([expect.stringMatching(/\.upload-[0-9a-f-]+$/)]);
    req.destroy();
    // Wait until the hub has noticed and cleaned up (no fixed sleep as the goal: poll the state).
    for (let i = 0; i < 100 && objects().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(objects()).toEqual([]);
    expect(await rows('document')).toBe(0);
    expect(await rows('document_object_removal')).toBe(0);
  });

  it('removes what an upload left whose process died mid-way, once its day has passed, and not before', async () => {
    const store = hub.hub.app.get<ObjectStore>(OBJECT_STORE);
    const db = hub.hub.app.get(DataSource);
    for (const key of ['documents/crashed/old', 'documents/crashed/new']) await store.put(key, Readable.from([pdf('halb')]), { maxBytes: MiB, contentType: 'application/pdf' });
    await db.query(`INSERT INTO document_object_removal (object_key, not_before) VALUES ('documents/crashed/old', now() - interval '1 second'), ('documents/crashed/new', now() + interval '1 day')`);
    await sweep();
    expect(await store.exists('documents/crashed/old')).toBe(false);
    expect(await store.exists('documents/crashed/new')).toBe(true);
    await db.query(`UPDATE document_object_removal SET not_before = now()`);
    await sweep();
    expect(objects()).toEqual([]);
    expect(await rows('document_object_removal')).toBe(0);
  });

  it('keeps an erased person\'s uploads as the body\'s records, the uploader shown as "Gelöschte Person"', async () => {
    const d = (await upload(c.guest.token, 'MEETING', meetingId, pdf('Gastbeitrag'), 'Gastbeitrag.pdf')).body;
    await hub.ok(c.root.token, 'mutation($input: ErasePersonInput!) { erasePerson(input: $input) }', { input: { personId: c.guest.id } });
    const { meeting: m } = await hub.ok(c.lead.token, DOCS, { id: meetingId });
    expect(m.documents.find((x: { id: string }) => x.id === d.id)).toMatchObject({ name: 'Gastbeitrag.pdf' });
    const { documentsOf } = await hub.ok(c.lead.token, 'query($id: ID!) { documentsOf(parentType: MEETING, parentId: $id) { mayUpload documents { id uploadedBy { displayName } } } }', { id: meetingId });
    expect(documentsOf.mayUpload).toBe(true);
    expect(documentsOf.documents.find((x: { id: string }) => x.id === d.id).uploadedBy.displayName).toBe('Gelöschte Person');
    await hub.ok(c.lead.token, 'mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) }', { input: { documentId: d.id } });
  });
});
