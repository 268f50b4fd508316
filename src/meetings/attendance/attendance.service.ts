import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, notFound } from '../../common/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { manyByKey, RequestLoaders } from '../../common/request-loaders.js';
import { PERSON_COLUMNS, pick, selectList } from '../../common/sql-rows.js';
import { isActiveNonGuestMember } from '../../groups/group-membership.js';
import { hasNetworkRole, isActiveMember } from '../../networks/network-memberships.js';
import { primePerson } from '../../people/people.service.js';
import type { PersonEntity } from '../../people/person.entity.js';
import { answersForAttendance } from '../../rsvp/rsvp-answers.js';
import { RsvpAnswer } from '../../rsvp/rsvp.enums.js';
import { assertMeetingNotFrozen } from '../../protocols/protocol-freeze.js';
import { AttendanceEntity } from '../entities/attendance.entity.js';
import { ExternalAttendeeEntity } from '../entities/external-attendee.entity.js';
import { MeetingAccessService } from '../meeting-access.service.js';
import { AttendanceRole, AttendanceStatus, MeetingStatus } from '../meeting.enums.js';
import type { MeetingModel } from '../meeting.model.js';
import type { AttendanceSuggestionModel } from './attendance.model.js';
import type {
  AddExternalAttendeeInput,
  RecordAttendanceInput,
  RemoveAttendanceInput,
  RemoveExternalAttendeeInput,
  UpdateExternalAttendeeInput,
} from './attendance.inputs.js';

/** The roles an external person (no account) may have: a deputy or member needs an account. */
const EXTERNAL_ROLES: readonly AttendanceRole[] = [AttendanceRole.EXTERNAL, AttendanceRole.GUEST, AttendanceRole.SPEAKER];

/**
 * Who was at a meeting: anyone with a role in the meeting's network (members of its groups,
 * guests, speakers, deputies attending for an organization), and people without an account by
 * name. Moderators record it; the meeting's groups see it; once the protocol is approved it is
 * part of the record and refused (CONFLICT).
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetingAccess: MeetingAccessService,
  ) {}

  async record(viewer: Viewer, input: RecordAttendanceInput): Promise<AttendanceEntity> {
    const { meeting, groupIds, networkId } = await this.managed(viewer, input.meetingId);
    // Accounts outside the network are not the moderation's to see: those attend as external people, by name.
    if (!(await hasNetworkRole(this.db.manager, networkId, input.personId))) {
      throw badInput('personId', 'die Person hat keine Rolle im Netzwerk. Gäste ohne Zugang bitte als externe Person mit Namen erfassen');
    }
    if (input.organizationId && !(await isActiveMember(this.db.manager, networkId, input.organizationId))) {
      throw badInput('organizationId', 'die Organisation ist kein aktives Mitglied des Netzwerks');
    }
    const member = await isActiveNonGuestMember(this.db.manager, groupIds, input.personId);
    const role = input.role ?? (member ? AttendanceRole.MEMBER : AttendanceRole.GUEST);
    if (role === AttendanceRole.EXTERNAL) throw badInput('role', '„Extern“ gilt nur für Personen ohne Zugang; diese bitte mit Namen als externe Person erfassen');
    if (role === AttendanceRole.MEMBER && !member) {
      throw badInput('role', 'die Person ist kein Mitglied der Gruppen dieser Sitzung; bitte Gast, Vortrag oder Vertretung wählen');
    }
    if (role === AttendanceRole.DEPUTY && !input.organizationId) {
      throw badInput('organizationId', 'für eine Vertretung bitte die Organisation angeben, für die die Person teilnimmt');
    }
    return this.db.transaction(async (tx) => {
      await assertMeetingNotFrozen(tx, meeting.id, 'meetingId');
      await tx.query(
        `INSERT INTO attendance (meeting_id, person_id, organization_id, status, role) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (meeting_id, person_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, status = EXCLUDED.status, role = EXCLUDED.role, recorded_at = now()`,
        [meeting.id, input.personId, input.organizationId ?? null, input.status, role],
      );
      await markHeld(tx, meeting.id);
      return tx.getRepository(AttendanceEntity).findOneByOrFail({ meetingId: meeting.id, personId: input.personId });
    });
  }

  /** Takes someone off the list (recorded by mistake); returns the meeting's attendance. */
  async remove(viewer: Viewer, input: RemoveAttendanceInput): Promise<AttendanceEntity[]> {
    const { meeting } = await this.managed(viewer, input.meetingId);
    return this.db.transaction(async (tx) => {
      await assertMeetingNotFrozen(tx, meeting.id, 'meetingId');
      const { affected } = await tx.getRepository(AttendanceEntity).delete({ meetingId: meeting.id, personId: input.personId });
      if (!affected) throw badInput('personId', 'die Person steht nicht auf der Anwesenheitsliste dieser Sitzung');
      return tx.getRepository(AttendanceEntity).find({ where: { meetingId: meeting.id }, order: { recordedAt: 'ASC' } });
    });
  }

  async addExternal(viewer: Viewer, input: AddExternalAttendeeInput): Promise<ExternalAttendeeEntity> {
    const { meeting } = await this.managed(viewer, input.meetingId);
    const role = input.role ?? AttendanceRole.EXTERNAL;
    checkExternalRole(role);
    return this.db.transaction(async (tx) => {
      await assertMeetingNotFrozen(tx, meeting.id, 'meetingId');
      const saved = await tx.getRepository(ExternalAttendeeEntity).save({
        meetingId: meeting.id,
        name: input.name.trim(),
        organizationName: input.organizationName?.trim() || null,
        role,
        status: input.status ?? AttendanceStatus.PRESENT,
        consentToPublish: input.consentToPublish ?? false,
        recordedById: viewer.personId,
      });
      await markHeld(tx, meeting.id);
      return saved;
    });
  }

  /**
   * Changes an external person's entry. On a frozen meeting only a withdrawn consent is taken
   * (the person may withdraw it at any time; it only takes them out of the public record).
   */
  async updateExternal(viewer: Viewer, input: UpdateExternalAttendeeInput): Promise<ExternalAttendeeEntity> {
    const entry = await this.findExternal(viewer, input.externalAttendeeId);
    if (input.role) checkExternalRole(input.role);
    const changes: Partial<ExternalAttendeeEntity> = {};
    if (input.name != null) changes.name = input.name.trim();
    if (input.organizationName !== undefined) changes.organizationName = input.organizationName?.trim() || null;
    if (input.role) changes.role = input.role;
    if (input.status) changes.status = input.status;
    if (input.consentToPublish != null) changes.consentToPublish = input.consentToPublish;
    const withdrawalOnly = Object.keys(changes).length === 1 && changes.consentToPublish === false;
    return this.db.transaction(async (tx) => {
      if (!withdrawalOnly) await assertMeetingNotFrozen(tx, entry.meetingId, 'externalAttendeeId');
      if (Object.keys(changes).length) await tx.getRepository(ExternalAttendeeEntity).update({ id: entry.id }, changes);
      return tx.getRepository(ExternalAttendeeEntity).findOneByOrFail({ id: entry.id });
    });
  }

  /** Deletes an external person's entry for good (their only personal data here); returns the rest. */
  async removeExternal(viewer: Viewer, input: RemoveExternalAttendeeInput): Promise<ExternalAttendeeEntity[]> {
    const entry = await this.findExternal(viewer, input.externalAttendeeId);
    return this.db.transaction(async (tx) => {
      await assertMeetingNotFrozen(tx, entry.meetingId, 'externalAttendeeId');
      await tx.getRepository(ExternalAttendeeEntity).delete({ id: entry.id });
      return externalsOf(tx, entry.meetingId);
    });
  }

  /** Only the meeting's groups see who attended; never anyone else. */
  async attendance(loaders: RequestLoaders, meeting: MeetingModel): Promise<AttendanceEntity[]> {
    if (meeting.access === 'network') return [];
    return loaders
      .get('meeting.attendance', () =>
        manyByKey(async (ids) => {
          // Not a keyRead: with a generic plan (unknown number of meetings) PostgreSQL hash-joins
          // every person for it, 3.6 ms at Land size against 0.06 ms with a plan for its values (issue 24).
          const rows = await this.db.query<Record<string, unknown>[]>(
            `SELECT a.meeting_id AS "meetingId", a.person_id AS "personId", a.organization_id AS "organizationId", a.status, a.role, a.recorded_at AS "recordedAt",
                    ${selectList('p', PERSON_COLUMNS, 'p_')}
               FROM attendance a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = ANY($1) ORDER BY a.status, a.role, p.display_name`,
            [ids],
          );
          return rows.map((row) => {
            primePerson(loaders, this.db, pick<PersonEntity>(row, PERSON_COLUMNS, 'p_')!);
            const { meetingId, personId, organizationId, status, role, recordedAt } = row;
            return { meetingId, personId, organizationId, status, role, recordedAt } as AttendanceEntity;
          });
        }, (a) => a.meetingId),
      )
      .load(meeting.id);
  }

  /** External people by name: like the attendance, only for the meeting's groups. */
  async externalAttendance(loaders: RequestLoaders, meeting: MeetingModel): Promise<ExternalAttendeeEntity[]> {
    if (meeting.access === 'network') return [];
    return loaders
      .get('meeting.externalAttendance', () =>
        manyByKey(
          (ids) =>
            this.db.query<ExternalAttendeeEntity[]>(
              `SELECT id, meeting_id AS "meetingId", name, organization_name AS "organizationName", role, status, consent_to_publish AS "consentToPublish"
                 FROM external_attendee WHERE meeting_id = ANY($1) ORDER BY status, name, id`,
              [ids],
            ),
          (a) => a.meetingId,
        ),
      )
      .load(meeting.id);
  }

  /**
   * The attendance form's starting point from the current answers (RSVP): Zusage → PRESENT,
   * Absage → EXCUSED, Vertretung → the person EXCUSED and the deputy PRESENT as DEPUTY for the
   * city; Vielleicht and no answer are not preset. Nothing is recorded: the moderation confirms.
   * Only for the moderation; people already on the list are left out.
   */
  async suggestions(meeting: MeetingModel): Promise<AttendanceSuggestionModel[]> {
    if (meeting.access !== 'manage') return [];
    const [answers, recorded] = await Promise.all([
      answersForAttendance(this.db.manager, meeting.id),
      this.db.getRepository(AttendanceEntity).find({ where: { meetingId: meeting.id }, select: { personId: true } }),
    ]);
    const done = new Set(recorded.map((r) => r.personId));
    const lines: AttendanceSuggestionModel[] = [];
    const line = (personId: string | null, status: AttendanceStatus, a: (typeof answers)[number], extra: Partial<AttendanceSuggestionModel> = {}) => {
      if (personId && done.has(personId)) return;
      lines.push({ personId, organizationId: a.organizationId, name: null, email: null, status, role: null, answer: a.answer, ...extra });
    };
    for (const a of answers) {
      if (a.answer === RsvpAnswer.ACCEPTED) line(a.personId, AttendanceStatus.PRESENT, a);
      else if (a.answer === RsvpAnswer.DECLINED) line(a.personId, AttendanceStatus.EXCUSED, a);
      else if (a.answer === RsvpAnswer.DEPUTY) {
        line(a.personId, AttendanceStatus.EXCUSED, a);
        line(a.deputyPersonId, AttendanceStatus.PRESENT, a, {
          role: AttendanceRole.DEPUTY,
          ...(a.deputyPersonId ? {} : { name: a.deputyName ?? a.deputyEmail, email: a.deputyEmail }),
        });
      }
    }
    return lines;
  }

  /** The meeting, for a moderator, with its groups and network; not for a cancelled one. */
  private async managed(viewer: Viewer, meetingId: string) {
    const loaders = new RequestLoaders();
    const meeting = await this.meetingAccess.require(viewer, meetingId, 'manage', loaders);
    if (meeting.status === MeetingStatus.CANCELLED) throw badInput('meetingId', 'die Sitzung wurde abgesagt');
    const groupIds = [meeting.groupId, ...(await this.meetingAccess.additionalGroupIds(loaders, meeting.id))];
    const networkId = (await this.meetingAccess.primaryGroup(loaders, meeting)).networkId;
    return { meeting, groupIds, networkId };
  }

  /** The entry if the caller manages its meeting; NOT_FOUND for everyone else. */
  private async findExternal(viewer: Viewer, id: string): Promise<ExternalAttendeeEntity> {
    const entry = isUuid(id) ? await this.db.getRepository(ExternalAttendeeEntity).findOneBy({ id }) : null;
    if (!entry) throw notFound('Externe Person');
    const loaders = new RequestLoaders();
    const meeting = await this.meetingAccess.load(loaders, entry.meetingId);
    const access = meeting && (await this.meetingAccess.accessTo(viewer, loaders, meeting));
    if (access === 'read') throw new DomainError('FORBIDDEN', 'Nur die Leitung oder Moderation der Gruppe darf das.');
    if (access !== 'manage') throw notFound('Externe Person');
    return entry;
  }
}

function checkExternalRole(role: AttendanceRole): void {
  if (!EXTERNAL_ROLES.includes(role)) {
    throw badInput('role', 'eine Person ohne Zugang nimmt als externe Person, Gast oder Vortragende teil; Mitglieder und Vertretungen bitte mit ihrem Zugang erfassen');
  }
}

/** Attendance is evidence that the meeting took place (HELD once it has ended). */
const markHeld = (tx: EntityManager, meetingId: string) => tx.query('UPDATE meeting SET has_record = true WHERE id = $1 AND NOT has_record', [meetingId]);

const externalsOf = (tx: EntityManager, meetingId: string) =>
  tx.getRepository(ExternalAttendeeEntity).find({ where: { meetingId }, order: { status: 'ASC', name: 'ASC', id: 'ASC' } });
