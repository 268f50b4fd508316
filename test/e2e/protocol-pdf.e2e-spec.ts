// The protocol on paper (issue 23.3): made once at publication, stored through the object store with
// its checksums, served as stored; checked with poppler-utils and qpdf (fonts embedded, every item,
// decision and task in the text, PDF/A-2 and tagged markers, the same bytes on every download).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { OBJECT_STORE, type ObjectStore } from '../../src/storage/object-store.js';
import { crawl, oparlValidators } from '../support/oparl-crawler.js';
import { OPARL_BASE, OPARL_ROOT, SET_PUBLICATION } from '../support/oparl-fixtures.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { inspectPdf, type PdfReport } from '../support/pdf-tools.js';
import { TestHub } from '../support/test-hub.js';

const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
const P = 'id version contentHash';
const START = `mutation($input: StartProtocolInput!) { startProtocol(input: $input) { ${P} } }`;
const ENTRY = `mutation($input: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $input) { ${P} } }`;
const DECISION = `mutation($input: AddDecisionInput!) { addDecision(input: $input) { ${P} } }`;
const ACTION = 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }';
const SUBMIT = `mutation($input: ProtocolTransitionInput!) { submitProtocolForReview(input: $input) { ${P} } }`;
const APPROVE = `mutation($input: ProtocolTransitionInput!) { approveProtocol(input: $input) { ${P} } }`;
const PUBLISH = `mutation($input: ProtocolTransitionInput!) { publishProtocol(input: $input) { ${P} } }`;
const CORRECT = 'mutation($input: AddProtocolCorrectionInput!) { addProtocolCorrection(input: $input) { id } }';

const LONG = 'Digitalisierungsstrategieentwicklungsmaßnahmenförderungsrichtlinie';
const T = {
  publicItem: 'Förderung: Glasfaserausbau in Großbottwar',
  secretItem: 'Personalangelegenheit Jürgen Müller',
  publicNotes: `Die ${LONG} wurde ausführlich erörtert; Bürgerinnen und Bürger äußerten Bedenken zur Übergangsfrist. `.repeat(4).trim(),
  secretNotes: 'Vertraulich: Gehaltseinstufung besprochen.',
  publicDecision: 'Der Ausbau wird zum Frühjahr ausgeschrieben',
  secretDecision: 'Höhergruppierung wird befürwortet',
  generalDecision: 'Nächste Sitzung findet in Öhringen statt',
  task: 'Ausschreibungsunterlagen für Großbottwar vorbereiten',
  place: 'Rathaus Großbottwar, Saal Überlingen',
  correction: 'Unter TOP 1 muss es „Frühsommer“ heißen, nicht „Frühjahr“.',
};

/** A PDF body: supertest buffers it as bytes. */
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('Protocol PDF', () => {
  let hub: TestHub;
  let c: Cast;
  let db: DataSource;
  let store: ObjectStore;
  let protocol: { id: string; version: number; contentHash: string };
  let meetingId: string;

  const download = (token: string | null, query = '', id = protocol.id) => {
    const req = hub.http.get(`/api/protocols/${id}/pdf${query}`).buffer(true).parse(binary);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };
  const stored = async (id = protocol.id) =>
    db.query<{ kind: string; correction_sequence: number; object_key: string; size: number | null; sha256: string | null; sha512: string | null }[]>(
      'SELECT kind, correction_sequence, object_key, size, sha256, sha512 FROM protocol_rendering WHERE protocol_id = $1 ORDER BY correction_sequence, kind',
      [id],
    );
  /** Waits for the after-commit rendering (bounded, no timing goal). */
  const storedSoon = async (count: number) => {
    for (let i = 0; i < 200; i++) {
      const rows = await stored();
      if (rows.length >= count && rows.every((r) => r.sha256)) return rows;
      await new Promise((r) => setTimeout(r, 100));
    }
    return stored();
  };
  const readAll = async (key: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  beforeAll(async () => {
    hub = await TestHub.start({ MAIL_OUTBOX_WORKER: 'false', OPARL_REFRESH_MS: '0' });
    db = hub.hub.app.get(DataSource);
    store = hub.hub.app.get<ObjectStore>(OBJECT_STORE);
    c = await cast(hub);
    meetingId = await meeting(hub, c.lead, c.groupId, -2, { title: 'Fachgruppe Breitband: Sitzung über Übergänge', location: T.place });
    const publicItem = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: T.publicItem } })).addAgendaItem.id;
    const secretItem = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: T.secretItem, public: false } })).addAgendaItem.id;
    let p = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol;
    p = (await hub.ok(c.lead.token, ENTRY, { input: { protocolId: p.id, agendaItemId: publicItem, notes: T.publicNotes, expectedVersion: p.version } })).updateProtocolEntry;
    p = (await hub.ok(c.lead.token, ENTRY, { input: { protocolId: p.id, agendaItemId: secretItem, notes: T.secretNotes, expectedVersion: p.version } })).updateProtocolEntry;
    p = (await hub.ok(c.lead.token, DECISION, { input: { protocolId: p.id, agendaItemId: publicItem, text: T.publicDecision, votesFor: 7, votesAgainst: 1, abstentions: 1, expectedVersion: p.version } })).addDecision;
    p = (await hub.ok(c.lead.token, DECISION, { input: { protocolId: p.id, agendaItemId: secretItem, text: T.secretDecision, expectedVersion: p.version } })).addDecision;
    p = (await hub.ok(c.lead.token, DECISION, { input: { protocolId: p.id, text: T.generalDecision, expectedVersion: p.version } })).addDecision;
    await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, protocolId: p.id, agendaItemId: publicItem, assigneeId: c.member.id, title: T.task, dueOn: '2026-06-30' } });
    p = { ...p, version: p.version + 1 };
    p = (await hub.ok(c.lead.token, SUBMIT, { input: { protocolId: p.id, expectedVersion: p.version } })).submitProtocolForReview;
    p = (await hub.ok(c.agency.token, APPROVE, { input: { protocolId: p.id, expectedVersion: p.version } })).approveProtocol;
    protocol = (await hub.ok(c.lead.token, PUBLISH, { input: { protocolId: p.id, expectedVersion: p.version } })).publishProtocol;
  }, 240_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('renders and stores both renderings right after the publication, with their checksums', async () => {
    const rows = await storedSoon(2);
    expect(rows.map((r) => r.kind)).toEqual(['MEMBERS', 'PUBLIC']);
    for (const r of rows) {
      const bytes = await readAll(r.object_key);
      expect(r.object_key).toBe(`protocols/${protocol.id}/${r.kind.toLowerCase()}.pdf`);
      expect(r.size).toBe(bytes.length);
      expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(r.sha512).toBe(createHash('sha512').update(bytes).digest('hex'));
    }
  });

  describe('the members’ rendering', () => {
    let pdf: Buffer;
    let report: PdfReport;
    beforeAll(async () => {
      const res = await download(c.member.token);
      expect(res.status).toBe(200);
      pdf = res.body;
      report = inspectPdf(pdf);
    });

    it('is a PDF/A-2 (pdfaid part 2, conformance A), tagged, with every font embedded, and passes qpdf --check', () => {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(report.info['PDF version']).toBe('1.7');
      expect(report.info.Tagged).toBe('yes');
      expect(report.xmp).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(report.xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      expect(report.fonts.length).toBeGreaterThan(0);
      expect(report.fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(report.qpdf.ok).toBe(true);
    });

    it('has every agenda item, note, decision (with its votes) and task in its text, the network and the SHA-256 in the footer', async () => {
      for (const text of [T.publicItem, T.secretItem, T.publicNotes, T.secretNotes, T.publicDecision, 'Abstimmung: 7 Ja, 1 Nein, 1 Enthaltung', T.secretDecision, T.generalDecision, T.task, '30.06.2026', T.place]) {
        expect(report.text).toContain(text);
      }
      expect(report.text).toContain(`SHA-256 des Protokolls: ${protocol.contentHash}`);
      const [{ name }] = await db.query<{ name: string }[]>('SELECT name FROM network WHERE id = $1', [c.networkId]);
      expect(report.text.split(name).length).toBeGreaterThan(2); // in the header and in the footer
      expect(report.text).toMatch(/Seite 1 von \d/);
      // German hyphenation: the long word is broken with a (soft) hyphen at least once, and comes back whole.
      expect(report.rawText).toMatch(/\u00ad\n/);
    });

    it('is served as stored: attachment with a German file name, nosniff, the checksum header; the same bytes every time', async () => {
      const [row] = (await stored()).filter((r) => r.kind === 'MEMBERS');
      const again = await download(c.lead.token);
      expect(again.body.equals(pdf)).toBe(true);
      expect(pdf.equals(await readAll(row.object_key))).toBe(true);
      expect(again.headers['content-type']).toBe('application/pdf');
      expect(again.headers['x-content-type-options']).toBe('nosniff');
      expect(again.headers['content-disposition']).toMatch(/^attachment; filename="Protokoll-\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''Protokoll-/);
      expect(again.headers['x-checksum-sha256']).toBe(createHash('sha256').update(again.body).digest('hex'));
      expect(again.headers['x-checksum-sha256']).toBe(row.sha256);
    });
  });

  it('gives network members outside the groups the public rendering: no non-public item, its notes or decision, no place', async () => {
    const res = await download(c.bystander.token);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('öffentlich'));
    const report = inspectPdf(res.body);
    for (const text of [T.publicItem, T.publicNotes, T.publicDecision, T.generalDecision, T.task]) expect(report.text).toContain(text);
    for (const text of [T.secretItem, T.secretNotes, T.secretDecision, T.place]) expect(report.text).not.toContain(text);
    const [row] = (await stored()).filter((r) => r.kind === 'PUBLIC');
    expect(res.headers['x-checksum-sha256']).toBe(row.sha256);
  });

  it('is NOT_FOUND for outsiders and anonymous callers while the network is private, and for an unknown id', async () => {
    for (const token of [c.stranger.token, null]) {
      const res = await download(token);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body.toString('utf8'))).toEqual({ error: 'NOT_FOUND', message: 'Protokoll nicht gefunden' });
    }
    expect((await download(c.member.token, '', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await download(c.member.token, '?berichtigung=eins');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8')).message).toBe('berichtigung: muss die Nummer einer Berichtigung sein (1, 2, …)');
  });

  it('renders a protocol published before PDFs existed on its first download, and a lost file again with the same bytes', async () => {
    const before = await download(c.member.token);
    for (const r of await stored()) await store.delete(r.object_key);
    const rerendered = await download(c.member.token);
    expect(rerendered.body.equals(before.body)).toBe(true);
    // As if published before this change: no rendering rows at all.
    await db.query('DELETE FROM protocol_rendering WHERE protocol_id = $1', [protocol.id]);
    const first = await download(c.member.token);
    const second = await download(c.member.token);
    expect(first.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
    expect(inspectPdf(first.body).text).toContain(T.publicDecision);
  });

  it('publishes although the object store fails, and the first download renders and stores the same PDF then', async () => {
    const other = await meeting(hub, c.lead, c.groupId, -1, { title: 'Sitzung bei Speicherausfall' });
    let p = (await hub.ok(c.lead.token, START, { input: { meetingId: other } })).startProtocol;
    p = (await hub.ok(c.lead.token, SUBMIT, { input: { protocolId: p.id, expectedVersion: p.version } })).submitProtocolForReview;
    p = (await hub.ok(c.agency.token, APPROVE, { input: { protocolId: p.id, expectedVersion: p.version } })).approveProtocol;
    const put = jest.spyOn(store, 'put').mockRejectedValue(new Error('Speicher nicht erreichbar'));
    try {
      const published = (await hub.ok(c.lead.token, PUBLISH, { input: { protocolId: p.id, expectedVersion: p.version } })).publishProtocol;
      expect(published.contentHash).toMatch(/^[0-9a-f]{64}$/);
      for (let i = 0; i < 200 && put.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(put).toHaveBeenCalled();
    } finally {
      put.mockRestore();
    }
    expect((await stored(p.id)).map((r) => [r.kind, r.sha256])).toEqual([['MEMBERS', null], ['PUBLIC', null]]);
    const first = await download(c.member.token, '', p.id);
    expect(first.status).toBe(200);
    const [row] = (await stored(p.id)).filter((r) => r.kind === 'MEMBERS');
    expect(row.sha256).toBe(createHash('sha256').update(first.body).digest('hex'));
    expect((await download(c.member.token, '', p.id)).body.equals(first.body)).toBe(true);
  });

  describe('with a Berichtigung and the network public', () => {
    beforeAll(async () => {
      await hub.ok(c.lead.token, CORRECT, { input: { protocolId: protocol.id, text: T.correction } });
      await hub.ok(c.root.token, SET_PUBLICATION, { networkId: c.networkId, publication: 'PUBLIC' });
    });

    it('gives each Berichtigung a PDF sheet of its own; an unknown number is NOT_FOUND', async () => {
      const res = await download(c.member.token, '?berichtigung=1');
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/Berichtigung-1\.pdf/);
      const report = inspectPdf(res.body);
      expect(report.text).toContain(T.correction);
      expect(report.text).toContain('Berichtigung Nr. 1');
      expect(report.info.Tagged).toBe('yes');
      expect(report.fonts.every((f) => f.embedded)).toBe(true);
      expect((await download(c.member.token, '?berichtigung=1')).body.equals(res.body)).toBe(true);
      expect((await download(c.member.token, '?berichtigung=2')).status).toBe(404);
    });

    it('serves anyone the public rendering of a PUBLIC network', async () => {
      const res = await download(null);
      expect(res.status).toBe(200);
      expect(inspectPdf(res.body).text).not.toContain(T.secretItem);
    });

    it('lists the public rendering in OParl as a File of the meeting with the stored bytes’ sha512Checksum', async () => {
      await download(null); // stored
      const [row] = (await stored()).filter((r) => r.kind === 'PUBLIC' && r.correction_sequence === 0);
      const crawled = await crawl(hub, OPARL_BASE, oparlValidators());
      expect(crawled.problems).toEqual([]);
      const m = crawled.objects.get(`${OPARL_ROOT}/meetings/${meetingId}`)!;
      const files = (m.auxiliaryFile as Record<string, unknown>[]) ?? [];
      const pdfFile = files.find((f) => f.mimeType === 'application/pdf');
      expect(pdfFile).toMatchObject({ sha512Checksum: row.sha512, size: row.size, mimeType: 'application/pdf' });
      const res = await hub.http.get(new URL(String(pdfFile!.accessUrl)).pathname).buffer(true).parse(binary);
      expect(createHash('sha512').update(res.body).digest('hex')).toBe(row.sha512);
    });
  });
});
