// Berichtigungen (issue 21.3): a published protocol's bytes never change; corrections are dated,
// attributed addenda in a SHA-256 chain, shown wherever the protocol is (GraphQL, export, the
// public OParl file), announced by mail and Matrix through the outbox, audited.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import { crawl, oparlValidators } from '../support/oparl-crawler.js';
import { OPARL_BASE as BASE, OPARL_ROOT as ROOT, publishedNetwork } from '../support/oparl-fixtures.js';
import type { Cast } from '../support/meeting-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const CORRECT = `mutation($input: AddProtocolCorrectionInput!) { addProtocolCorrection(input: $input) {
  id status version contentHash corrections { id sequence text at hash previousHash author { id } } } }`;
const READ = `query($id: ID!) { meeting(id: $id) { protocol { id status version contentHash markdown exportMarkdown
  corrections { id sequence text at hash previousHash author { id displayName } } } } }`;

/** The canonical form as documented in src/protocols/corrections/correction-chain.ts, written out again here. */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const expectedHash = (protocolId: string, c: { sequence: number; previousHash: string; at: string; text: string }) =>
  sha256(`Interkom-Berichtigung/1\nprotocol: ${protocolId}\nsequence: ${c.sequence}\nprevious: ${c.previousHash}\nat: ${c.at}\n\n${c.text}`);

describe('Berichtigungen of published protocols', () => {
  let sink: SmtpSink;
  let hub: TestHub;
  let c: Cast;
  let ids: Record<string, string>;
  let db: DataSource;
  const validators = oparlValidators();

  beforeAll(async () => {
    sink = await SmtpSink.start();
    hub = await TestHub.start({ SMTP_URL: sink.url, MAIL_OUTBOX_WORKER: 'false', OPARL_REFRESH_MS: '0' });
    db = hub.hub.app.get(DataSource);
    await db.query(`UPDATE mail_delivery SET delivered_at = now(), remote_id = 'skipped: earlier test' WHERE delivered_at IS NULL`);
    ({ c, ids } = await publishedNetwork(hub));
  });
  afterAll(async () => {
    await hub.stop();
    await sink.stop();
  });

  it('refuses a correction of a protocol that is not published (CONFLICT naming protocolId) and writes nothing', async () => {
    const result = await hub.gql(c.lead.token, CORRECT, { input: { protocolId: ids.unpublishedProtocol, text: 'Zu früh' } });
    expect(result.errors?.[0]).toMatchObject({
      message: 'protocolId: Eine Berichtigung gibt es nur zu einem veröffentlichten Protokoll; dieses ist in Abstimmung.',
      extensions: { code: 'CONFLICT', field: 'protocolId' },
    });
    expect(await db.query('SELECT id FROM protocol_correction WHERE protocol_id = $1', [ids.unpublishedProtocol])).toEqual([]);
  });

  it('refuses empty and too long text in German, naming the field; and anyone who may not publish', async () => {
    for (const text of ['   ', 'x'.repeat(20_001)]) {
      const result = await hub.gql(c.lead.token, CORRECT, { input: { protocolId: ids.protocol, text } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(result.errors![0].message).toMatch(/^text: (darf nicht leer sein|darf höchstens 20\.000 Zeichen lang sein)/);
    }
    expect(codeOf(await hub.gql(c.member.token, CORRECT, { input: { protocolId: ids.protocol, text: 'Von einem Mitglied' } }))).toBe('FORBIDDEN');
    // Outside the meeting's groups the protocol is only readable, never managed: NOT_FOUND, as for every protocol change.
    expect(codeOf(await hub.gql(c.bystander.token, CORRECT, { input: { protocolId: ids.protocol, text: 'Von außerhalb' } }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(c.stranger.token, CORRECT, { input: { protocolId: ids.protocol, text: 'Fremd' } }))).toBe('NOT_FOUND');
    expect(codeOf(await hub.gql(null, CORRECT, { input: { protocolId: ids.protocol, text: 'Anonym' } }))).toBe('UNAUTHENTICATED');
    expect(await db.query('SELECT id FROM protocol_correction WHERE protocol_id = $1', [ids.protocol])).toEqual([]);
  });

  describe('added to a published protocol', () => {
    let before: { markdown: string; contentHash: string; version: number };
    let oparlBefore: { file: Record<string, unknown>; bytes: Buffer };
    let mailsBefore: number;
    let corrections: { id: string; sequence: number; text: string; at: string; hash: string; previousHash: string; author: { id: string } | null }[];

    beforeAll(async () => {
      before = (await hub.ok(c.member.token, READ, { id: ids.held })).meeting.protocol;
      const crawled = await crawl(hub, BASE, validators);
      const file = crawled.objects.get(`${ROOT}/files/${ids.protocol}`)!;
      oparlBefore = { file, bytes: crawled.files.get(String(file.accessUrl))! };
      await hub.hub.app.get(MailOutboxProcessor).drain(); // the fixture's own invitations and publication
      mailsBefore = sink.mails.length;
      await hub.ok(c.lead.token, CORRECT, { input: { protocolId: ids.protocol, text: 'Unter TOP 1 muss es **fünftes** Gateway heißen.\r\n\r\nDie Abstimmung bleibt.  ' } });
      corrections = (await hub.ok(c.agency.token, CORRECT, { input: { protocolId: ids.protocol, text: 'Nachtrag: Die Ausschreibung läuft bis März.' } }))
        .addProtocolCorrection.corrections;
    });

    it('forms a hash chain from the published content hash, checked here independently', () => {
      expect(corrections.map((x) => [x.sequence, x.author?.id])).toEqual([[1, c.lead.id], [2, c.agency.id]]);
      expect(corrections[0]!.text).toBe('Unter TOP 1 muss es **fünftes** Gateway heißen.\n\nDie Abstimmung bleibt.');
      expect(corrections[0]!.previousHash).toBe(before.contentHash);
      expect(corrections[1]!.previousHash).toBe(corrections[0]!.hash);
      for (const x of corrections) expect(x.hash).toBe(expectedHash(ids.protocol, x));
      // A changed text would not match its hash.
      expect(expectedHash(ids.protocol, { ...corrections[0]!, text: 'Unter TOP 1 muss es viertes Gateway heißen.' })).not.toBe(corrections[0]!.hash);
    });

    it('leaves the published protocol as it was and shows the corrections to the groups (with author) and the network (without)', async () => {
      const own = (await hub.ok(c.member.token, READ, { id: ids.held })).meeting.protocol;
      expect({ markdown: own.markdown, contentHash: own.contentHash, version: own.version }).toEqual({ markdown: before.markdown, contentHash: before.contentHash, version: before.version });
      expect(sha256(own.markdown)).toBe(own.contentHash);
      expect(own.corrections.map((x: { hash: string; author: { id: string } }) => [x.hash, x.author.id])).toEqual(corrections.map((x) => [x.hash, x.author!.id]));
      const outside = (await hub.ok(c.bystander.token, READ, { id: ids.held })).meeting.protocol;
      expect(outside.corrections.map((x: { hash: string; author: unknown }) => [x.hash, x.author])).toEqual(corrections.map((x) => [x.hash, null]));
      expect(outside.exportMarkdown).not.toContain(c.lead.username);
      expect((await hub.gql(c.stranger.token, READ, { id: ids.held })).data?.meeting ?? null).toBeNull();
      // Still immutable: the protocol's own content cannot change.
      const ENTRY = 'mutation($input: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $input) { version } }';
      expect(codeOf(await hub.gql(c.lead.token, ENTRY, { input: { protocolId: ids.protocol, agendaItemId: ids.publicItem, notes: 'Geändert', expectedVersion: own.version } }))).toBe('CONFLICT');
    });

    it('exports the published text byte for byte, then each correction with date, hash and previous hash', async () => {
      const own = (await hub.ok(c.member.token, READ, { id: ids.held })).meeting.protocol;
      expect(own.exportMarkdown.startsWith(own.markdown)).toBe(true);
      const appendix = own.exportMarkdown.slice(own.markdown.length);
      expect(appendix).toContain('# Berichtigungen');
      expect(appendix).toContain('## Berichtigung Nr. 1 zum Protokoll: Jour fixe LoRaWAN');
      expect(appendix).toContain('## Berichtigung Nr. 2 zum Protokoll: Jour fixe LoRaWAN');
      for (const x of corrections) expect(appendix).toContain(`| SHA-256 | ${x.hash} |\n| Vorherige Prüfsumme | ${x.previousHash} |\n\n${x.text}\n`);
      expect(appendix.indexOf('Nr. 1')).toBeLessThan(appendix.indexOf('Nr. 2'));
    });

    it('puts each correction into OParl as a File of its own beside the unchanged protocol file, valid against the OParl 1.1 schemas', async () => {
      const crawled = await crawl(hub, BASE, validators);
      expect(crawled.problems).toEqual([]);
      const file = crawled.objects.get(`${ROOT}/files/${ids.protocol}`)!;
      expect(crawled.files.get(String(file.accessUrl))!.equals(oparlBefore.bytes)).toBe(true);
      expect(file.sha512Checksum).toBe(oparlBefore.file.sha512Checksum);
      const held = crawled.objects.get(`${ROOT}/meetings/${ids.held}`)!;
      const aux = held.auxiliaryFile as Record<string, unknown>[];
      // Besides the protocol's PDF (issue 23, first; test/e2e/protocol-pdf.e2e-spec.ts), the corrections in order.
      expect(aux.filter((f) => f.mimeType === 'text/markdown').map((f) => f.id)).toEqual(corrections.map((x) => `${ROOT}/files/${x.id}`));
      for (const [i, x] of corrections.entries()) {
        const own = crawled.objects.get(`${ROOT}/files/${x.id}`)!;
        expect(own).toMatchObject({ name: `Berichtigung Nr. ${i + 1} zum Protokoll: Jour fixe LoRaWAN`, mimeType: 'text/markdown', meeting: [`${ROOT}/meetings/${ids.held}`] });
        const bytes = crawled.files.get(String(own.accessUrl))!;
        expect(own.sha512Checksum).toBe(createHash('sha512').update(bytes).digest('hex'));
        expect(own.size).toBe(bytes.length);
        const text = bytes.toString('utf8');
        expect(text).toContain(x.text);
        expect(text).toContain(`| SHA-256 | ${x.hash} |`);
        // The public learns no names: the author is not in the public file.
        for (const who of [c.lead.username, c.agency.username]) expect(text.toLowerCase()).not.toContain(who.toLowerCase());
      }
    });

    it('is announced like the publication: an outbox event for Matrix and mail to the meeting\'s groups, and an audit entry', async () => {
      const events = await db.query<{ type: string; group_id: string; payload: Record<string, unknown> }[]>(
        `SELECT type, group_id, payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'ProtocolCorrected' ORDER BY seq`,
        [ids.protocol],
      );
      expect(events.map((e) => [e.group_id, e.payload.sequence, e.payload.hash])).toEqual(corrections.map((x) => [c.groupId, x.sequence, x.hash]));
      await hub.hub.app.get(MailOutboxProcessor).drain();
      const to = (who: { username: string }) => sink.to(`${who.username}@example.org`).filter((m) => sink.mails.indexOf(m) >= mailsBefore);
      for (const who of [c.lead, c.member, c.guest]) {
        const mails = to(who);
        expect(mails).toHaveLength(2);
        for (const m of mails) expect(m.parsed.subject).toMatch(/^Berichtigung zum Protokoll: .*Jour fixe LoRaWAN/);
        expect(mails[0]!.parsed.text).toContain('Unter TOP 1 muss es **fünftes** Gateway heißen.');
        expect(mails[0]!.parsed.text).toContain(corrections[0]!.hash);
        expect(mails[0]!.parsed.text).toContain(`/sitzungen/${ids.held}`);
      }
      for (const who of [c.bystander, c.stranger]) expect(to(who)).toEqual([]);
      const audit = await db.query<{ actor_id: string; summary: string }[]>(
        `SELECT actor_id, summary FROM audit_entry WHERE action = 'protocol.correct' AND subject_id = $1 ORDER BY at, id`,
        [ids.protocol],
      );
      expect(audit.map((a) => a.actor_id)).toEqual([c.lead.id, c.agency.id]);
      expect(audit[0]!.summary).toBe(`Protokoll der Sitzung „Jour fixe LoRaWAN“: Berichtigung Nr. 1 eingetragen (Prüfsumme ${corrections[0]!.hash}).`);
    });

    it("lists the corrections a person wrote in their GDPR export", async () => {
      const doc = JSON.parse((await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.lead.token}`)).text);
      expect(doc.protocolCorrections).toEqual([
        expect.objectContaining({ protocolId: ids.protocol, sequence: 1, hash: corrections[0]!.hash, meeting: expect.objectContaining({ id: ids.held }) }),
      ]);
      const other = JSON.parse((await hub.http.get('/privacy/export').set('authorization', `Bearer ${c.member.token}`)).text);
      expect(other.protocolCorrections).toEqual([]);
    });
  });
});
