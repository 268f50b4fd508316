import { IsNull } from 'typeorm';
import { localToInstant } from '../../../libs/recurrence/index.js';
import { ActionItemsService } from '../../action-items/action-items.service.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GroupEntity } from '../../groups/group.entity.js';
import { GroupRole } from '../../groups/group.enums.js';
import { GroupMemberEntity } from '../../groups/group-member.entity.js';
import { GroupsService } from '../../groups/groups.service.js';
import { AgendaService } from '../../meetings/agenda.service.js';
import { MeetingEntity } from '../../meetings/entities/meeting.entity.js';
import { MeetingsService } from '../../meetings/meetings.service.js';
import { MeetingAccessService } from '../../meetings/meeting-access.service.js';
import { ProtocolApprovalsService } from '../../protocols/review/protocol-approvals.service.js';
import type { Clock } from '../../common/clock.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { ProtocolEntity } from '../../protocols/entities/protocol.entity.js';
import type { ProtocolModel } from '../../protocols/protocol.model.js';
import { ProtocolsService } from '../../protocols/protocols.service.js';
import { ProtocolRenderingsService } from '../../protocols/renderings/protocol-renderings.service.js';
import { ProtocolReviewService } from '../../protocols/review/protocol-review.service.js';
import { MeetingSeriesEntity } from '../../scheduling/meeting-series.entity.js';
import { SeriesService } from '../../scheduling/series.service.js';
import { RsvpService } from '../../rsvp/rsvp.service.js';
import { RsvpAnswer } from '../../rsvp/rsvp.enums.js';
import type { DemoContext } from './demo-activity.js';

const ZONE = 'Europe/Berlin';
const DAY_MS = 86_400_000;
const VIDEO = 'https://meet.example.org/readi-jour-fixe';
export const JOUR_FIXE = 'Jour fixe re@di (Demo)';
const FACHGRUPPE_MEETING = 'Sitzung der Fachgruppe Digitalisierung (Demo)';
const LORAWAN_MEETING = 'Projektgruppe LoRaWAN: Gateway-Standorte (Demo)';
const IKONE_MEETING = 'Videoaustausch IKONE (Demo)';

interface Item {
  title: string;
  description?: string;
  notes?: string;
  presenter?: string;
}

/** The Thursday on or after a Berlin date (the jour fixe's weekday). */
function thursdayFrom(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((4 - weekday + 7) % 7));
  return d.toISOString().slice(0, 10);
}

/** Meetings of the demo groups: two past ones with protocols (published, in review), the jour fixe series, and more. */
export async function seedDemoMeetings(ctx: DemoContext): Promise<{ meetings: number; actionItems: number }> {
  const fachgruppe = await ctx.group('readi', 'fachgruppe');
  const mara = await ctx.viewer('mara');
  // The series begins on the first Thursday at least two days ahead; the past meetings sit on its rhythm.
  const firstJourFixe = thursdayFrom(ctx.day(2));
  await digitalOfficersJoin(ctx, fachgruppe, mara);
  let actionItems = 0;
  actionItems += await publishedMeeting(ctx, fachgruppe, mara, addWeeks(firstJourFixe, -6));
  await meetingInReview(ctx, fachgruppe, mara, addWeeks(firstJourFixe, -2));
  await jourFixeSeries(ctx, fachgruppe, mara, firstJourFixe);
  actionItems += await lorawanMeeting(ctx);
  await ikoneMeeting(ctx);
  return { meetings: 5, actionItems };
}

const addWeeks = (date: string, weeks: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
};

/** Rheinstetten's digital officer sits in the Fachgruppe too, as a plain member (the review's member view). */
async function digitalOfficersJoin(ctx: DemoContext, fachgruppe: GroupEntity, mara: Viewer): Promise<void> {
  const personId = await ctx.personId('ben');
  if (await ctx.db.getRepository(GroupMemberEntity).existsBy({ groupId: fachgruppe.id, personId })) return;
  await ctx.service(GroupsService).addMember(mara, { groupId: fachgruppe.id, personId, organizationId: await ctx.organizationId('Rheinstetten'), role: GroupRole.MEMBER });
}

async function existing(ctx: DemoContext, group: GroupEntity, title: string): Promise<boolean> {
  return ctx.db.getRepository(MeetingEntity).existsBy({ groupId: group.id, title, seriesId: IsNull() });
}

async function meetingWithAgenda(ctx: DemoContext, group: GroupEntity, by: Viewer, m: { title: string; date: string; start: string; minutes: number; items: Item[] }) {
  const startsAt = localToInstant(m.date, m.start, ZONE);
  const meeting = await ctx.service(MeetingsService).create(by, {
    groupId: group.id, title: m.title, startsAt, endsAt: new Date(startsAt.getTime() + m.minutes * 60_000), onlineUrl: VIDEO,
  });
  const items = [];
  for (const item of m.items) items.push(await addItem(ctx, by, meeting.id, item));
  return { meeting, items };
}

async function addItem(ctx: DemoContext, by: Viewer, meetingId: string, item: Item) {
  return ctx.service(AgendaService).add(by, {
    meetingId, title: item.title, description: item.description ?? null, presenterId: item.presenter ? await ctx.personId(item.presenter) : null,
  });
}

/** Writes the notes of every item that has some; returns the protocol at its latest version. */
async function writeProtocol(ctx: DemoContext, by: Viewer, meetingId: string, items: { id: string }[], texts: Item[]): Promise<ProtocolModel> {
  const protocols = ctx.service(ProtocolsService);
  let protocol = await protocols.start(by, { meetingId });
  for (const [i, item] of items.entries()) {
    const notes = texts[i].notes;
    if (notes) protocol = await protocols.updateEntry(by, { protocolId: protocol.id, agendaItemId: item.id, notes, expectedVersion: protocol.version });
  }
  return protocol;
}

/**
 * The protocol services as they ran at `when`: the review's period and the hub's own approval
 * follow their Clock, so the earlier meeting's review is replayed at the days it took place.
 */
function replayedAt(ctx: DemoContext, when: Date) {
  const clock: Clock = { now: () => when };
  const review = ctx.service(ProtocolReviewService);
  return {
    protocols: new ProtocolsService(ctx.db, ctx.service(MeetingAccessService), clock, ctx.service(ProtocolRenderingsService)),
    approvals: new ProtocolApprovalsService(ctx.db, review, clock, ctx.service<AppConfig>(APP_CONFIG)),
  };
}

/** An earlier meeting: protocol published, with decisions and the tasks it gave the cities. */
async function publishedMeeting(ctx: DemoContext, group: GroupEntity, mara: Viewer, date: string): Promise<number> {
  if (await existing(ctx, group, FACHGRUPPE_MEETING)) return 0;
  const texts: Item[] = [
    { title: 'Glasfaserausbau: Stand der Förderanträge', notes: 'Gaggenau und Bühl haben ihre Anträge eingereicht. Bruchsal wartet auf die Markterkundung; Ergebnis bis Monatsende.' },
    { title: 'LoRaWAN: ein gemeinsames Netz für alle Städte', presenter: 'ben', notes: 'Rheinstetten berichtet von zwölf Gateways und den ersten Pegelsensoren. Die Städte wollen ein gemeinsames Netz statt neun eigener.' },
    { title: 'E-Rechnung: Umstellung zum 1. Januar', notes: 'Ettlingen stellt den Leitfaden vor. Offene Frage: Empfang über die gemeinsame Plattform oder je Stadt.' },
  ];
  const { meeting, items } = await meetingWithAgenda(ctx, group, mara, { title: FACHGRUPPE_MEETING, date, start: '14:00', minutes: 120, items: texts });
  const protocols = ctx.service(ProtocolsService);
  let protocol = await writeProtocol(ctx, mara, meeting.id, items, texts);
  protocol = await protocols.addDecision(mara, {
    protocolId: protocol.id, agendaItemId: items[1].id, expectedVersion: protocol.version, votesFor: 8, votesAgainst: 0, abstentions: 1,
    text: 'Die Fachgruppe empfiehlt ein gemeinsames LoRaWAN-Netz. Die Projektgruppe LoRaWAN/IoT legt bis zur nächsten Sitzung ein Betreiberkonzept vor.',
  });
  protocol = await protocols.addDecision(mara, {
    protocolId: protocol.id, agendaItemId: items[2].id, expectedVersion: protocol.version, votesFor: 9, votesAgainst: 0, abstentions: 0,
    text: 'Alle Städte empfangen E-Rechnungen ab dem 1. Januar über die gemeinsame Plattform.',
  });
  const tasks: { title: string; item: number; person?: string; city: string; due: number }[] = [
    { title: 'Betreiberkonzept für das LoRaWAN-Netz entwerfen (Demo)', item: 1, person: 'ben', city: 'Rheinstetten', due: 10 },
    { title: 'Gateway-Standorte auf städtischen Gebäuden melden (Demo)', item: 1, city: 'Bruchsal', due: 7 },
    { title: 'Gateway-Standorte auf städtischen Gebäuden melden (Demo)', item: 1, city: 'Stutensee', due: 7 },
    { title: 'Ergebnis der Markterkundung Glasfaser vorstellen (Demo)', item: 0, city: 'Bruchsal', due: 16 },
    { title: 'Leitfaden E-Rechnung an alle Städte schicken (Demo)', item: 2, person: 'alice', city: 'Ettlingen', due: 3 },
    { title: 'Zugang zur E-Rechnungs-Plattform für die Kämmerei beantragen (Demo)', item: 2, city: 'Baden-Baden', due: 21 },
    { title: 'Zugang zur E-Rechnungs-Plattform für die Kämmerei beantragen (Demo)', item: 2, city: 'Rastatt', due: 21 },
    { title: 'Vorlage für die Berichte der Projektgruppen verschicken (Demo)', item: 1, person: 'mara', city: 'agentur', due: 5 },
  ];
  for (const t of tasks) {
    await ctx.service(ActionItemsService).add(mara, {
      groupId: group.id, title: t.title, protocolId: protocol.id, agendaItemId: items[t.item].id, dueOn: ctx.day(t.due),
      assigneeId: t.person ? await ctx.personId(t.person) : null, assigneeOrganizationId: await ctx.organizationId(t.city),
    });
  }
  // Each task added to the protocol is a change of it, too. The review ran as it would have then:
  // submitted the day after the meeting, approved by the hub when the objection period ended.
  protocol = await protocols.reload(protocol.id);
  const submittedAt = localToInstant(date, '18:00', ZONE);
  const then = replayedAt(ctx, new Date(submittedAt.getTime() + DAY_MS));
  protocol = await then.protocols.transition(mara, { protocolId: protocol.id, expectedVersion: protocol.version }, 'submit');
  const { approvalDueAt } = await ctx.db.getRepository(ProtocolEntity).findOneByOrFail({ id: protocol.id });
  await replayedAt(ctx, approvalDueAt ?? ctx.now).approvals.approveDue();
  protocol = await protocols.reload(protocol.id);
  await protocols.transition(mara, { protocolId: protocol.id, expectedVersion: protocol.version }, 'publish');
  return tasks.length;
}

/** The last jour fixe: its protocol is in review (issue 21), and alice has commented on an entry. */
async function meetingInReview(ctx: DemoContext, group: GroupEntity, mara: Viewer, date: string): Promise<void> {
  if (await existing(ctx, group, JOUR_FIXE)) return;
  const texts: Item[] = [
    { title: 'Rückblick auf den Digitaltag', notes: 'Rund 400 Besucherinnen und Besucher an den Ständen der Städte. Die Sprechstunde zum Onlinezugang war am gefragtesten.' },
    { title: 'Open Data: ein gemeinsames Portal', notes: 'Ettlingen und Stutensee stellen ihre Daten bereits bereit. Die übrigen Städte prüfen, welche Datensätze sie beisteuern.' },
    { title: 'Verschiedenes', notes: 'Die nächste Sitzung der Fachgruppe findet in Bruchsal statt.' },
  ];
  const { meeting, items } = await meetingWithAgenda(ctx, group, mara, { title: JOUR_FIXE, date, start: '10:00', minutes: 90, items: texts });
  const protocols = ctx.service(ProtocolsService);
  let protocol = await writeProtocol(ctx, mara, meeting.id, items, texts);
  protocol = await protocols.transition(mara, { protocolId: protocol.id, expectedVersion: protocol.version }, 'submit');
  await ctx.service(ProtocolReviewService).comment(await ctx.viewer('alice'), {
    protocolId: protocol.id, agendaItemId: items[1].id,
    text: 'Bitte ergänzen: Bruchsal hat die Teilnahme am Portal zugesagt, vorbehaltlich des Gemeinderatsbeschlusses.',
  });
}

/** The jour fixe every other Thursday (holidays skipped, as the planning form creates it), with the next meeting's agenda. */
async function jourFixeSeries(ctx: DemoContext, group: GroupEntity, mara: Viewer, startsOn: string): Promise<void> {
  if (await ctx.db.getRepository(MeetingSeriesEntity).existsBy({ groupId: group.id, title: JOUR_FIXE })) return;
  const seriesService = ctx.service(SeriesService);
  const series = await seriesService.schedule(mara, {
    groupId: group.id, title: JOUR_FIXE, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', startsOn, startTime: '10:00', durationMinutes: 90, onlineUrl: VIDEO,
  });
  const [next] = await seriesService.occurrences(series, ctx.now, new Date(ctx.now.getTime() + 60 * 86_400_000));
  if (!next) return;
  for (const item of [
    { title: 'Begrüßung und Tagesordnung' },
    { title: 'Bericht aus der Projektgruppe LoRaWAN/IoT', presenter: 'ben', description: 'Betreiberkonzept: erster Entwurf und offene Fragen.' },
    { title: 'E-Rechnung: Erfahrungen der ersten Wochen', description: 'Jede Stadt berichtet kurz: Wie viele Rechnungen kamen elektronisch an?' },
  ]) await addItem(ctx, mara, next.id, item);
  // A member's proposal (ben is a plain member here; alice as network admin would add it directly): it waits for the moderation.
  await addItem(ctx, await ctx.viewer('ben'), next.id, {
    title: 'Gemeinsame Beschaffung eines Ratsinformationssystems', description: 'Rheinstetten schlägt vor, die Ausschreibung gemeinsam vorzubereiten.',
  });
  // Answers to the invitation, so that the moderation's "Erwartete Teilnahme" shows something: ben
  // accepts the whole series, alice the next date with a reservation.
  const rsvp = ctx.service(RsvpService);
  await rsvp.answerSeries(await ctx.viewer('ben'), { seriesId: series.id, answer: RsvpAnswer.ACCEPTED });
  await rsvp.answerMeeting(await ctx.viewer('alice'), { meetingId: next.id, answer: RsvpAnswer.TENTATIVE, comment: 'Ich komme gegen 10:30 Uhr dazu. (Demo)' });
}

/** Ben leads the LoRaWAN project group: its next meeting and its own tasks. */
async function lorawanMeeting(ctx: DemoContext): Promise<number> {
  const group = await ctx.group('readi', 'lorawan');
  if (await existing(ctx, group, LORAWAN_MEETING)) return 0;
  const ben = await ctx.viewer('ben');
  await meetingWithAgenda(ctx, group, ben, {
    title: LORAWAN_MEETING, date: ctx.workday(5), start: '14:00', minutes: 60,
    items: [{ title: 'Standortmeldungen der Städte' }, { title: 'Angebote für Gateways vergleichen' }, { title: 'Pegelsensoren: Erfahrungen aus Rheinstetten' }],
  });
  const tasks = [
    { title: 'Angebote für zehn Gateways einholen (Demo)', person: 'ben', due: 4 },
    { title: 'Netzabdeckung in Rheinstetten messen (Demo)', person: 'ben', due: 12 },
  ];
  for (const t of tasks) {
    await ctx.service(ActionItemsService).add(ben, {
      groupId: group.id, title: t.title, dueOn: ctx.day(t.due), assigneeId: await ctx.personId(t.person), assigneeOrganizationId: await ctx.organizationId('Rheinstetten'),
    });
  }
  return tasks.length;
}

/** Ida's network has its next video exchange too. */
async function ikoneMeeting(ctx: DemoContext): Promise<void> {
  const group = await ctx.group('ikone', 'austausch');
  if (await existing(ctx, group, IKONE_MEETING)) return;
  await meetingWithAgenda(ctx, group, await ctx.viewer('ida'), {
    title: IKONE_MEETING, date: ctx.workday(8), start: '15:00', minutes: 60,
    items: [{ title: 'Hybride Ratssitzungen: Erfahrungen aus Trier' }, { title: 'Digitale Gästekarte: gemeinsame Ausschreibung' }],
  });
}
