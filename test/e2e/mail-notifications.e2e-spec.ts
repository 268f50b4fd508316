// The other e-mail notifications, over a real SMTP server: protocol published, action item
// assigned, group join request decided, webinar seat confirmed or moved up from the waitlist.
// German, plain text and HTML with user text escaped, only to the people concerned.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import { actor, group, setRole, type Actor } from '../support/factories.js';
import { knowledgeCast, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TestHub } from '../support/test-hub.js';

const email = (a: Actor) => `${a.username}@example.org`;
const P = 'id version status';
const START = `mutation($input: StartProtocolInput!) { startProtocol(input: $input) { ${P} } }`;
const DECISION = `mutation($input: AddDecisionInput!) { addDecision(input: $input) { ${P} } }`;
const SUBMIT = `mutation($input: ProtocolTransitionInput!) { submitProtocolForReview(input: $input) { ${P} } }`;
const APPROVE = `mutation($input: ProtocolTransitionInput!) { approveProtocol(input: $input) { ${P} } }`;
const PUBLISH = `mutation($input: ProtocolTransitionInput!) { publishProtocol(input: $input) { ${P} contentHash } }`;
const ACTION = 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }';
const REQUEST = 'mutation($input: RequestGroupMembershipInput!) { requestGroupMembership(input: $input) { id } }';
const DECIDE = 'mutation($input: DecideGroupJoinRequestInput!) { decideGroupJoinRequest(input: $input) { id status } }';
const PRIVACY = 'mutation($input: PrivacySettingsInput!) { setPrivacySettings(input: $input) { notifyByEmail } }';

describe('e-mail notifications', () => {
  let sink: SmtpSink;
  let hub: TestHub;
  let c: Cast;
  let processor: MailOutboxProcessor;
  const newMails = (a: Actor, since: number) => sink.to(email(a)).filter((m) => sink.mails.indexOf(m) >= since);

  beforeAll(async () => {
    sink = await SmtpSink.start();
    hub = await TestHub.start({ SMTP_URL: sink.url, MAIL_OUTBOX_WORKER: 'false' });
    processor = hub.hub.app.get(MailOutboxProcessor);
    await hub.hub.app.get(DataSource).query(`UPDATE mail_delivery SET delivered_at = now(), remote_id = 'skipped: earlier test' WHERE delivered_at IS NULL`);
    c = await cast(hub);
  });
  afterAll(async () => {
    await hub.stop();
    await sink.stop();
  });

  it('tells the meeting\'s groups of a published protocol (with its link and decisions), nobody else; no invitation for a past meeting', async () => {
    const meetingId = await meeting(hub, c.lead, c.groupId, -1, { title: 'Projektgruppe <LoRaWAN>' });
    let p = (await hub.ok(c.lead.token, START, { input: { meetingId } })).startProtocol;
    p = (await hub.ok(c.lead.token, DECISION, { input: { protocolId: p.id, text: 'Gateway <b>4</b> & Antenne', expectedVersion: p.version } })).addDecision;
    p = (await hub.ok(c.lead.token, SUBMIT, { input: { protocolId: p.id, expectedVersion: p.version } })).submitProtocolForReview;
    p = (await hub.ok(c.agency.token, APPROVE, { input: { protocolId: p.id, expectedVersion: p.version } })).approveProtocol;
    const since = sink.mails.length;
    const published = (await hub.ok(c.lead.token, PUBLISH, { input: { protocolId: p.id, expectedVersion: p.version } })).publishProtocol;
    await processor.drain();
    for (const m of [c.lead, c.member, c.guest]) {
      const mails = newMails(m, 0);
      expect(mails).toHaveLength(1); // the protocol only: the invitation to a past meeting is not sent
      const mail = mails[0]!;
      expect(mail.parsed.subject).toMatch(/^Protokoll veröffentlicht: .*Projektgruppe <LoRaWAN>/);
      expect(mail.calendar).toBeNull();
      expect(mail.parsed.text).toContain(`/sitzungen/${meetingId}`);
      expect(mail.parsed.text).toContain('- Gateway <b>4</b> & Antenne');
      expect(mail.parsed.text).toContain(published.contentHash);
      expect(mail.parsed.html).toContain('<li>Gateway &lt;b&gt;4&lt;/b&gt; &amp; Antenne</li>');
      expect(mail.parsed.html).toContain(`href="http://localhost:3000/sitzungen/${meetingId}"`);
    }
    for (const m of [c.bystander, c.stranger, c.agency]) expect(newMails(m, since)).toEqual([]);
  });

  it('tells the assignee of an action item, or the group\'s members acting for the assigned organization', async () => {
    const since = sink.mails.length;
    await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Standort <klären>', assigneeId: c.member.id, dueOn: '2030-04-15' } });
    await processor.drain();
    const [mail] = newMails(c.member, since);
    expect(newMails(c.member, since)).toHaveLength(1);
    expect(mail!.parsed.subject).toBe('Neue Aufgabe: Standort <klären> (fällig am 15.04.2030)');
    expect(mail!.parsed.text).toContain('Fällig am: 15.04.2030');
    expect(mail!.parsed.html).toContain('Standort &lt;klären&gt;');
    expect(newMails(c.lead, since)).toEqual([]);

    const before = sink.mails.length;
    await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, title: 'Antrag stellen', assigneeOrganizationId: c.city } });
    await processor.drain();
    // lead and member act for the city in the group; the guest (in the group for nobody) and the
    // bystander (outside the group) act for the city in the network: everyone who sees the item in
    // myActionItems hears of it; the moderator acts for no organization.
    expect(newMails(c.lead, before)).toHaveLength(1);
    expect(newMails(c.member, before)).toHaveLength(1);
    expect(newMails(c.guest, before)).toHaveLength(1);
    expect(newMails(c.bystander, before)).toHaveLength(1);
    expect(newMails(c.agency, before)).toEqual([]);
    expect(newMails(c.member, before)[0]!.parsed.text).toContain('eine Aufgabe zugewiesen');
  });

  it('tells the requester how their group join request was decided, with the reason', async () => {
    const applicant = await actor(hub, 'applicant');
    await setRole(hub, c.root, c.networkId, applicant.id, 'MEMBER', c.city);
    const g = await group(hub, c.agency, c.networkId, 'PROJECT_GROUP');
    const since = sink.mails.length;
    const r = (await hub.ok(applicant.token, REQUEST, { input: { groupId: g } })).requestGroupMembership;
    await hub.ok(c.agency.token, DECIDE, { input: { requestId: r.id, approve: false, reason: 'Bitte zuerst <Kontakt> aufnehmen' } });
    await processor.drain();
    const mails = newMails(applicant, since);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toMatch(/^Antrag auf Mitarbeit abgelehnt: /);
    expect(mails[0]!.parsed.text).toContain('Begründung: Bitte zuerst <Kontakt> aufnehmen');
    expect(mails[0]!.parsed.html).toContain('Bitte zuerst &lt;Kontakt&gt; aufnehmen');
    expect(newMails(c.agency, since)).toEqual([]);
  });
});

describe('e-mail notifications about webinar seats', () => {
  let sink: SmtpSink;
  let hub: TestHub;
  let k: KnowledgeCast;
  let processor: MailOutboxProcessor;
  const SERIES = 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }';
  const SCHEDULE = 'mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) { id } }';
  const REGISTER = 'mutation($input: RegisterForWebinarInput!) { registerForWebinar(input: $input) { status } }';
  const UNREGISTER = 'mutation($id: ID!) { cancelWebinarRegistration(webinarId: $id) { status } }';

  beforeAll(async () => {
    sink = await SmtpSink.start();
    hub = await TestHub.start({ SMTP_URL: sink.url, MAIL_OUTBOX_WORKER: 'false' });
    processor = hub.hub.app.get(MailOutboxProcessor);
    await hub.hub.app.get(DataSource).query(`UPDATE mail_delivery SET delivered_at = now(), remote_id = 'skipped: earlier test' WHERE delivered_at IS NULL`);
    k = await knowledgeCast(hub);
  });
  afterAll(async () => {
    await hub.stop();
    await sink.stop();
  });

  it('confirms a seat with the join link, tells whoever moves up from the waitlist, and nobody else', async () => {
    const seriesId = (await hub.ok(k.agency.token, SERIES, { input: { title: 'Digital ins Wochenende', organizerId: k.agencyOrg, networkId: k.networkId, visibility: 'NETWORK' } })).createEventSeries.id;
    const startsAt = new Date(Date.now() + 48 * 3600_000);
    const w = (await hub.ok(k.agency.token, SCHEDULE, {
      input: { seriesId, title: 'Mängelmelder in der Praxis', startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), capacity: 1, onlineUrl: 'https://meet.example.org/dow-42' },
    })).scheduleWebinar;
    expect((await hub.ok(k.member.token, REGISTER, { input: { webinarId: w.id } })).registerForWebinar.status).toBe('CONFIRMED');
    expect((await hub.ok(k.colleague.token, REGISTER, { input: { webinarId: w.id } })).registerForWebinar.status).toBe('WAITLISTED');
    await hub.ok(k.member2.token, PRIVACY, { input: { notifyByEmail: false } });
    expect((await hub.ok(k.member2.token, REGISTER, { input: { webinarId: w.id } })).registerForWebinar.status).toBe('WAITLISTED');
    await processor.drain();
    const confirmed = sink.to(email(k.member));
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]!.parsed.subject).toMatch(/^Anmeldung bestätigt: Mängelmelder in der Praxis/);
    expect(confirmed[0]!.parsed.text).toContain('Teilnehmen: https://meet.example.org/dow-42');
    expect(sink.to(email(k.colleague))).toEqual([]); // on the waitlist: nothing yet

    await hub.ok(k.member.token, UNREGISTER, { id: w.id });
    await processor.drain();
    const movedUp = sink.to(email(k.colleague));
    expect(movedUp).toHaveLength(1);
    expect(movedUp[0]!.parsed.subject).toMatch(/^Nachgerückt: /);
    expect(movedUp[0]!.parsed.text).toContain('von der Warteliste nachgerückt');
    expect(movedUp[0]!.parsed.text).toContain('https://meet.example.org/dow-42');
    expect(sink.to(email(k.member))).toHaveLength(1);

    // The colleague gives the seat up before the next mail goes out: member2 moves up but wants no e-mail.
    await hub.ok(k.colleague.token, UNREGISTER, { id: w.id });
    await processor.drain();
    expect(sink.to(email(k.member2))).toEqual([]);
    expect(sink.to(email(k.colleague))).toHaveLength(1);
  });

  it('does not send a confirmation whose seat was given up before the mail went out', async () => {
    const seriesId = (await hub.ok(k.agency.token, SERIES, { input: { title: 'Reihe', organizerId: k.agencyOrg, networkId: k.networkId, visibility: 'NETWORK' } })).createEventSeries.id;
    const startsAt = new Date(Date.now() + 72 * 3600_000);
    const w = (await hub.ok(k.agency.token, SCHEDULE, { input: { seriesId, title: 'Kurz', startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) } })).scheduleWebinar;
    const before = sink.mails.length;
    await hub.ok(k.admin.token, REGISTER, { input: { webinarId: w.id } });
    await hub.ok(k.admin.token, UNREGISTER, { id: w.id });
    await processor.drain();
    expect(sink.mails.slice(before)).toEqual([]);
  });
});
