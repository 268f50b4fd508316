import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { manyByKey, RequestLoaders } from '../common/request-loaders.js';
import { MeetingEntity } from '../meetings/entities/meeting.entity.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { meetingInvitees } from '../meetings/meeting-invitees.js';
import type { MeetingModel } from '../meetings/meeting.model.js';
import { peopleActingFor } from '../networks/people-acting-for.js';
import { seriesGroup, upcomingOccurrences } from '../scheduling/occurrence-lookup.js';
import { RsvpInvitationEntity } from './entities/rsvp-invitation.entity.js';
import { replyAddress, type ReplyAddressRequest } from './reply-address.js';
import { inviteeAnswers, type InviteeAnswer } from './rsvp-answers.js';
import { saveMeetingAnswer, saveSeriesAnswer } from './rsvp-recording.js';
import { RsvpAnswer, RsvpSource } from './rsvp.enums.js';
import type { AnswerMeetingInput, AnswerSeriesInput } from './graphql/rsvp.inputs.js';
import type { ExpectedAttendanceModel, MeetingAnswerModel, SeriesAnswerModel } from './graphql/rsvp.models.js';

const NOT_INVITED = 'Nur eingeladene Personen (Mitglieder der Gruppen dieser Sitzung) können zu- oder absagen.';

/**
 * Answers to invitations in the client (Zusage, Absage, Vielleicht, Vertretung): only invited
 * people answer, until the meeting ends; the moderation sees who is expected per organization,
 * members of the meeting's groups the counts.
 */
@Injectable()
export class RsvpService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetingAccess: MeetingAccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The ORGANIZER address for one person's invitation mail (local+token@domain of MAIL_FROM),
   * recording the SEQUENCE being sent; idempotent. Call it while composing the mail.
   */
  replyAddress(r: ReplyAddressRequest): Promise<string> {
    return replyAddress(this.db.manager, this.config.mail.from.address, r);
  }

  async answerMeeting(viewer: Viewer, input: AnswerMeetingInput): Promise<MeetingModel> {
    const loaders = new RequestLoaders();
    const model = await this.meetingAccess.require(viewer, input.meetingId, 'read', loaders);
    const [invitee] = await meetingInvitees(this.db.manager, [model.id], viewer.personId);
    if (!invitee) throw new DomainError('FORBIDDEN', NOT_INVITED);
    const meeting = await this.db.getRepository(MeetingEntity).findOneByOrFail({ id: model.id });
    const now = this.clock.now();
    if (meeting.cancelled) throw badInput('meetingId', 'die Sitzung wurde abgesagt');
    if (meeting.endsAt.getTime() <= now.getTime()) throw badInput('meetingId', 'die Sitzung ist vorbei; die Anwesenheit erfasst die Moderation');
    const { networkId } = await this.meetingAccess.primaryGroup(loaders, model);
    const deputyPersonId = await this.checkDeputy(viewer, networkId, invitee.organizationId, input);
    await this.db.transaction((tx) =>
      saveMeetingAnswer(tx, meeting.id, networkId, {
        personId: viewer.personId, answer: input.answer, deputyPersonId, deputyName: null, deputyEmail: null,
        comment: input.comment?.trim() || null, sequence: meeting.sequence, source: RsvpSource.CLIENT, at: now,
      }),
    );
    return this.meetingAccess.require(viewer, meeting.id, 'read');
  }

  async answerSeries(viewer: Viewer, input: AnswerSeriesInput): Promise<SeriesAnswerModel> {
    const now = this.clock.now();
    const groupId = await seriesGroup(this.db.manager, input.seriesId);
    if (!groupId) throw notFound('Sitzungsreihe');
    const upcoming = await upcomingOccurrences(this.db.manager, input.seriesId, now);
    const loaders = new RequestLoaders();
    let first: MeetingModel | null = null;
    if (upcoming.length) {
      try {
        first = await this.meetingAccess.require(viewer, upcoming[0], 'read', loaders);
      } catch (e) {
        throw e instanceof DomainError && e.extensions.code === 'NOT_FOUND' ? notFound('Sitzungsreihe') : e;
      }
    } else if (!(await viewer.groupRole(groupId))) {
      throw notFound('Sitzungsreihe');
    }
    if (!first) throw badInput('seriesId', 'die Reihe hat keine kommenden Termine');
    const [invitee] = await meetingInvitees(this.db.manager, [first.id], viewer.personId);
    if (!invitee) throw new DomainError('FORBIDDEN', NOT_INVITED);
    const { networkId } = await this.meetingAccess.primaryGroup(loaders, first);
    const deputyPersonId = await this.checkDeputy(viewer, networkId, invitee.organizationId, input);
    const comment = input.comment?.trim() || null;
    // The answer is for the series as last invited to this person (SEQUENCE of their series invitation, 0 before any).
    const invited = await this.db.getRepository(RsvpInvitationEntity).findOneBy({ seriesId: input.seriesId, personId: viewer.personId, meetingId: IsNull() });
    await this.db.transaction((tx) =>
      saveSeriesAnswer(tx, input.seriesId, networkId, {
        personId: viewer.personId, answer: input.answer, deputyPersonId, deputyName: null, deputyEmail: null,
        comment, sequence: invited?.sequence ?? 0, source: RsvpSource.CLIENT, at: now,
      }),
    );
    const holds = (await inviteeAnswers(this.db.manager, upcoming, viewer.personId)).filter((a) => a.answer?.forSeries);
    return { seriesId: input.seriesId, answer: input.answer, comment, answeredAt: now, appliesTo: holds.length };
  }

  /** A deputy only with DEPUTY, and then a person acting for the same organization (not oneself). */
  private async checkDeputy(viewer: Viewer, networkId: string, organizationId: string | null, input: { answer: RsvpAnswer; deputyPersonId?: string | null }) {
    if (input.answer !== RsvpAnswer.DEPUTY) {
      if (input.deputyPersonId) throw badInput('deputyPersonId', 'eine Vertretung gibt es nur bei der Antwort „Vertretung“');
      return null;
    }
    if (!input.deputyPersonId) throw badInput('deputyPersonId', 'bitte die Person wählen, die Sie vertritt');
    if (!organizationId) throw badInput('deputyPersonId', 'Sie nehmen für keine Organisation teil; eine Vertretung benennt, wer für eine Stadt oder Organisation teilnimmt');
    if (input.deputyPersonId === viewer.personId) throw badInput('deputyPersonId', 'Sie können sich nicht selbst vertreten');
    const candidates = await peopleActingFor(this.db.manager, networkId, organizationId);
    if (!candidates.includes(input.deputyPersonId)) throw badInput('deputyPersonId', 'die Person handelt nicht für Ihre Organisation in diesem Netzwerk');
    return input.deputyPersonId;
  }

  /** The viewer's answer that holds for the meeting (null when none or not invited). */
  async myAnswer(viewer: Viewer, loaders: RequestLoaders, meeting: MeetingModel): Promise<MeetingAnswerModel | null> {
    if (meeting.access === 'network') return null;
    const rows = await loaders
      .get('rsvp.mine', () => manyByKey((ids) => inviteeAnswers(this.db.manager, ids, viewer.personId), (r) => r.meetingId))
      .load(meeting.id);
    return rows[0]?.answer ? toModel(rows[0]) : null;
  }

  /** True when the viewer is invited and the meeting is still to come (and not cancelled). */
  async mayAnswer(viewer: Viewer, loaders: RequestLoaders, meeting: MeetingModel): Promise<boolean> {
    if (meeting.access === 'network' || meeting.status !== 'SCHEDULED' || meeting.endsAt.getTime() <= this.clock.now().getTime()) return false;
    const rows = await loaders
      .get('rsvp.mine', () => manyByKey((ids) => inviteeAnswers(this.db.manager, ids, viewer.personId), (r) => r.meetingId))
      .load(meeting.id);
    return rows.length > 0;
  }

  /** The people who may deputise for the viewer at this meeting (same organization, not the viewer). */
  async deputyCandidates(viewer: Viewer, loaders: RequestLoaders, meeting: MeetingModel): Promise<string[]> {
    if (meeting.access === 'network') return [];
    const [invitee] = await meetingInvitees(this.db.manager, [meeting.id], viewer.personId);
    if (!invitee?.organizationId) return [];
    const { networkId } = await this.meetingAccess.primaryGroup(loaders, meeting);
    return (await peopleActingFor(this.db.manager, networkId, invitee.organizationId)).filter((id) => id !== viewer.personId);
  }

  /** Per organization: counts for the meeting's groups, and the people with their answers for its moderation. */
  async expectedAttendance(meeting: MeetingModel): Promise<ExpectedAttendanceModel[]> {
    if (meeting.access === 'network') return [];
    const rows = await inviteeAnswers(this.db.manager, [meeting.id]);
    const byOrg = new Map<string | null, ExpectedAttendanceModel>();
    for (const r of rows) {
      let e = byOrg.get(r.organizationId);
      if (!e) byOrg.set(r.organizationId, (e = { organizationId: r.organizationId, invited: 0, accepted: 0, tentative: 0, declined: 0, deputies: 0, noAnswer: 0, outdated: 0, people: [] }));
      e.invited++;
      const a = r.answer;
      if (!a?.current) {
        e.noAnswer++;
        if (a) e.outdated++;
      } else if (a.answer === RsvpAnswer.ACCEPTED) e.accepted++;
      else if (a.answer === RsvpAnswer.TENTATIVE) e.tentative++;
      else if (a.answer === RsvpAnswer.DECLINED) e.declined++;
      else e.deputies++;
      if (meeting.access === 'manage') e.people.push({ personId: r.personId, answer: a ? toModel(r) : null });
    }
    // Organizations with the most expected first; people without an organization last.
    return [...byOrg.values()].sort((x, y) => (x.organizationId === null ? 1 : 0) - (y.organizationId === null ? 1 : 0) || y.accepted - x.accepted);
  }

  /** Every invited person's answer, for the moderation only. */
  async answers(meeting: MeetingModel): Promise<MeetingAnswerModel[]> {
    if (meeting.access !== 'manage') return [];
    return (await inviteeAnswers(this.db.manager, [meeting.id])).filter((r) => r.answer).map(toModel);
  }
}

export const toModel = (r: InviteeAnswer): MeetingAnswerModel => ({ ...r.answer!, organizationId: r.organizationId });
