import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessService, type GroupAccess } from '../auth/access.service.js';
import { fromJson, GROUP_COLUMNS, jsonObject, MEETING_CHANGE_COLUMNS, MEETING_COLUMNS, pick, selectList } from '../common/sql-rows.js';
import { groupLoader } from '../groups/groups.service.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { manyByKey, RequestLoaders } from '../common/request-loaders.js';
import { GroupEntity } from '../groups/group.entity.js';
import { recordEvent } from '../outbox/outbox.js';
import { syncCarryOver } from './carry-over.js';
import type { CancelMeetingInput, CreateMeetingInput, RescheduleMeetingInput } from './dto/meeting.inputs.js';
import { MeetingAccessService, toMeetingModel } from './meeting-access.service.js';
import { MeetingChangeEntity } from './entities/meeting-change.entity.js';
import { MeetingGroupEntity } from './entities/meeting-group.entity.js';
import { checkSchedule, DEFAULT_TIME_ZONE, germanDateTime } from './meeting-rules.js';
import { MeetingEntity } from './entities/meeting.entity.js';
import { MeetingChangeKind, MeetingStatus } from './meeting.enums.js';
import type { MeetingModel } from './meeting.model.js';
import { keyRead } from '../database/prepared-statements.js';
import { assertMeetingNotFrozen } from '../protocols/protocol-freeze.js';

/** A meeting's state as a German adjective: "eine … Sitzung". */
const STATE: Record<MeetingStatus, string> = { SCHEDULED: 'geplante', CANCELLED: 'abgesagte', HELD: 'bereits abgehaltene' };

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly meetingAccess: MeetingAccessService,
  ) {}

  async create(viewer: Viewer, input: CreateMeetingInput): Promise<MeetingModel> {
    const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
    checkSchedule(input.startsAt, input.endsAt, timeZone);
    const groups = this.db.getRepository(GroupEntity);
    const group = await groups.findOneBy({ id: input.groupId });
    if (!group) throw notFound('Gruppe');
    await this.access.requireGroupManage(viewer, group);
    const extra = [...new Set(input.additionalGroupIds ?? [])].filter((id) => id !== group.id);
    for (const id of extra) {
      const other = await groups.findOneBy({ id });
      if (!other || other.networkId !== group.networkId || (await this.access.groupAccess(viewer, other)) !== 'manage') {
        throw badInput('additionalGroupIds', 'jede weitere Gruppe muss eine Gruppe desselben Netzwerks sein, die Sie verwalten');
      }
    }
    const meeting = await this.db.transaction(async (tx) => {
      const saved = await this.insertMeeting(tx, viewer, { group, extra, timeZone, input });
      await syncCarryOver(tx, group.id);
      await auditMeeting(tx, viewer, 'meeting.create', saved, group.networkId, `Sitzung „${saved.title}“ angesetzt: ${germanDateTime(saved.startsAt, timeZone)}.`);
      return saved;
    });
    return toMeetingModel(meeting, 'manage');
  }

  /** Also used by scheduling to materialise occurrences. */
  async insertMeeting(
    tx: EntityManager,
    viewer: Viewer | null,
    args: { group: GroupEntity; extra: string[]; timeZone: string; input: Omit<CreateMeetingInput, 'groupId' | 'additionalGroupIds' | 'timeZone'>; seriesId?: string },
  ): Promise<MeetingEntity> {
    const { group, extra, timeZone, input } = args;
    const meeting = await tx.getRepository(MeetingEntity).save({
      groupId: group.id,
      seriesId: args.seriesId ?? null,
      title: input.title.trim(),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timeZone,
      cancelled: false,
      cancelReason: null,
      location: input.location ?? null,
      onlineUrl: input.onlineUrl ?? null,
      hasRecord: false,
      sequence: 0,
    });
    if (extra.length) await tx.getRepository(MeetingGroupEntity).insert(extra.map((groupId) => ({ meetingId: meeting.id, groupId })));
    await tx.getRepository(MeetingChangeEntity).insert({
      meetingId: meeting.id, kind: MeetingChangeKind.SCHEDULED, startsAt: meeting.startsAt, endsAt: meeting.endsAt,
      previousStartsAt: null, previousEndsAt: null, reason: null, changedById: viewer?.personId ?? null,
    });
    await recordEvent(tx, {
      type: 'MeetingScheduled', aggregateType: 'Meeting', aggregateId: meeting.id, groupId: group.id,
      payload: { meetingId: meeting.id, groupIds: [group.id, ...extra], title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt, timeZone, location: meeting.location, onlineUrl: meeting.onlineUrl },
    });
    return meeting;
  }

  async reschedule(viewer: Viewer, input: RescheduleMeetingInput): Promise<MeetingModel> {
    checkSchedule(input.startsAt, input.endsAt);
    const { model, networkId } = await this.requireManaged(viewer, input.meetingId);
    // A meeting whose protocol is approved is the record: refused before the generic state check.
    await assertMeetingNotFrozen(this.db.manager, model.id, 'meetingId');
    if (model.status !== MeetingStatus.SCHEDULED) throw badInput('meetingId', `eine ${STATE[model.status]} Sitzung kann nicht verschoben werden`);
    const updated = await this.db.transaction(async (tx) => {
      const current = await this.lockForChange(tx, model.id);
      await assertMeetingNotFrozen(tx, current.id, 'meetingId');
      await tx.getRepository(MeetingEntity).update({ id: current.id }, { startsAt: input.startsAt, endsAt: input.endsAt, sequence: current.sequence + 1, detached: true });
      await tx.getRepository(MeetingChangeEntity).insert({
        meetingId: current.id, kind: MeetingChangeKind.RESCHEDULED, startsAt: input.startsAt, endsAt: input.endsAt,
        previousStartsAt: current.startsAt, previousEndsAt: current.endsAt, reason: null, changedById: viewer.personId,
      });
      await recordEvent(tx, {
        type: 'MeetingRescheduled', aggregateType: 'Meeting', aggregateId: current.id, groupId: current.groupId,
        payload: { meetingId: current.id, title: current.title, startsAt: input.startsAt, endsAt: input.endsAt, previousStartsAt: current.startsAt, previousEndsAt: current.endsAt, timeZone: current.timeZone, onlineUrl: current.onlineUrl,
          // An occurrence of a series is mailed as a change of the series' one entry (RECURRENCE-ID).
          seriesId: current.seriesId },
      });
      await syncCarryOver(tx, current.groupId);
      const zone = current.timeZone;
      await auditMeeting(tx, viewer, 'meeting.reschedule', current, networkId,
        `Sitzung „${current.title}“ verlegt: ${germanDateTime(current.startsAt, zone)} → ${germanDateTime(input.startsAt, zone)}.`);
      return tx.getRepository(MeetingEntity).findOneByOrFail({ id: current.id });
    });
    return toMeetingModel(updated, 'manage');
  }

  async cancel(viewer: Viewer, input: CancelMeetingInput): Promise<MeetingModel> {
    const { model, networkId } = await this.requireManaged(viewer, input.meetingId);
    // A meeting whose protocol is approved is the record: refused before the generic state check.
    await assertMeetingNotFrozen(this.db.manager, model.id, 'meetingId');
    if (model.status !== MeetingStatus.SCHEDULED) throw badInput('meetingId', `eine ${STATE[model.status]} Sitzung kann nicht abgesagt werden`);
    const updated = await this.db.transaction(async (tx) => {
      const current = await this.lockForChange(tx, model.id);
      await assertMeetingNotFrozen(tx, current.id, 'meetingId');
      await tx.getRepository(MeetingEntity).update({ id: current.id }, { cancelled: true, cancelReason: input.reason ?? null, sequence: current.sequence + 1, detached: true });
      await tx.getRepository(MeetingChangeEntity).insert({
        meetingId: current.id, kind: MeetingChangeKind.CANCELLED, startsAt: current.startsAt, endsAt: current.endsAt,
        previousStartsAt: null, previousEndsAt: null, reason: input.reason ?? null, changedById: viewer.personId,
      });
      await recordEvent(tx, {
        type: 'MeetingCancelled', aggregateType: 'Meeting', aggregateId: current.id, groupId: current.groupId,
        // seriesId: an occurrence of a series had no invitation of its own, so the mail channel
        // sends its cancellation to the group's members (mail-recipients.ts).
        payload: { meetingId: current.id, title: current.title, startsAt: current.startsAt, timeZone: current.timeZone, reason: input.reason ?? null, seriesId: current.seriesId },
      });
      await syncCarryOver(tx, current.groupId);
      // The reason is free text and may name people: it stays in the meeting's history, not in the log.
      await auditMeeting(tx, viewer, 'meeting.cancel', current, networkId, `Sitzung „${current.title}“ am ${germanDateTime(current.startsAt, current.timeZone)} abgesagt.`);
      return tx.getRepository(MeetingEntity).findOneByOrFail({ id: current.id });
    });
    return toMeetingModel(updated, 'manage');
  }

  /** The meeting for a manager, and its network (read before any transaction opens). */
  private async requireManaged(viewer: Viewer, meetingId: string): Promise<{ model: MeetingModel; networkId: string }> {
    const loaders = new RequestLoaders();
    const model = await this.meetingAccess.require(viewer, meetingId, 'manage', loaders);
    const { networkId } = await this.meetingAccess.primaryGroup(loaders, model);
    return { model, networkId };
  }

  /** Re-reads the meeting under a row lock; refuses if it was cancelled meanwhile. */
  private async lockForChange(tx: EntityManager, id: string): Promise<MeetingEntity> {
    const current = await tx.getRepository(MeetingEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw notFound('Sitzung');
    if (current.cancelled) throw new DomainError('CONFLICT', 'Die Sitzung wurde inzwischen abgesagt.');
    return current;
  }

  /** The caller's meetings across the groups they belong to, by start. */
  async upcoming(viewer: Viewer, from: Date | null | undefined, to: Date | null | undefined, loaders = new RequestLoaders()): Promise<MeetingModel[]> {
    const groupIds = await viewer.groupIds();
    if (!groupIds.length) return [];
    // One statement, plain rows, with each meeting's group (primed for Meeting.group).
    const params: unknown[] = [groupIds, from ?? new Date()];
    if (to) params.push(to);
    const within = `x.ends_at >= $2${to ? ' AND x.starts_at < $3' : ''}`;
    // Index lookups only (the groups' meetings, then each one's group by key), whatever the plan's
    // parameters: the statement is prepared, and a generic plan must not scan every meeting.
    const rows = await keyRead<(Record<string, unknown> & { grp: Record<string, unknown> })[]>(this.db,
      `SELECT ${selectList('m', MEETING_COLUMNS)}, (SELECT ${jsonObject('g', GROUP_COLUMNS)} FROM work_group g WHERE g.id = m.group_id) AS grp
         FROM (SELECT x.* FROM meeting x WHERE x.group_id = ANY($1) AND ${within}
               UNION SELECT x.* FROM meeting_group mg JOIN meeting x ON x.id = mg.meeting_id WHERE mg.group_id = ANY($1) AND ${within}) m
        ORDER BY m.starts_at, m.id LIMIT 500`,
      params,
    );
    const groups = new Map(rows.map((r) => [r.grp.id as string, fromJson<GroupEntity>(r.grp)!]));
    const access = new Map<string, GroupAccess | null>();
    for (const g of groups.values()) {
      groupLoader(loaders, this.db).prime(g.id, g);
      access.set(g.id, this.access.groupAccessNow(viewer, g) ?? (await this.access.groupAccess(viewer, g)));
    }
    return rows.map((r) => {
      const m = pick<MeetingEntity>(r, MEETING_COLUMNS)!;
      return toMeetingModel(m, access.get(m.groupId) ?? 'read');
    });
  }

  /** A group's meetings (primary or joint) in a window, for a caller who may read the group. */
  forGroup(loaders: RequestLoaders, groupId: string, from?: Date | null, to?: Date | null): Promise<MeetingEntity[]> {
    const name = `group.meetings:${from?.toISOString() ?? ''}:${to?.toISOString() ?? ''}`;
    return loaders
      .get(name, () =>
        manyByKey(
          async (ids) => {
            const window = (qb: ReturnType<typeof this.meetingQuery>) => {
              if (from) qb.andWhere('m.ends_at >= :from', { from });
              if (to) qb.andWhere('m.starts_at < :to', { to });
              return qb.orderBy('m.starts_at', 'ASC').addOrderBy('m.id', 'ASC').getMany();
            };
            const direct = await window(this.meetingQuery().where('m.group_id IN (:...ids)', { ids }));
            // A joint meeting also belongs to each of its additional groups.
            const joint = await this.db.query<{ group_id: string; meeting_id: string }[]>(
              'SELECT group_id, meeting_id FROM meeting_group WHERE group_id = ANY($1)',
              [ids],
            );
            const jointMeetings = joint.length
              ? await window(this.meetingQuery().where('m.id IN (:...mids)', { mids: joint.map((j) => j.meeting_id) }))
              : [];
            const byId = new Map(jointMeetings.map((m) => [m.id, m]));
            const rows = direct.map((meeting) => ({ groupId: meeting.groupId, meeting }));
            for (const j of joint) {
              const meeting = byId.get(j.meeting_id);
              if (meeting) rows.push({ groupId: j.group_id, meeting });
            }
            return rows.sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
          },
          (r) => r.groupId,
        ),
      )
      .load(groupId)
      .then((rows) => [...new Map(rows.map((r) => [r.meeting.id, r.meeting])).values()]);
  }

  private meetingQuery() {
    return this.db.getRepository(MeetingEntity).createQueryBuilder('m');
  }

  history(loaders: RequestLoaders, meetingId: string): Promise<MeetingChangeEntity[]> {
    return loaders
      .get('meeting.history', () =>
        manyByKey(
          (ids) =>
            keyRead<MeetingChangeEntity[]>(this.db,
              `SELECT ${selectList('c', MEETING_CHANGE_COLUMNS)} FROM meeting_change c WHERE c.meeting_id = ANY($1) ORDER BY c.at, c.id`,
              [ids],
            ),
          (c) => c.meetingId,
        ),
      )
      .load(meetingId);
  }
}

/** The audit entry of a meeting change, in the change's transaction. Summaries name no person. */
export function auditMeeting(
  tx: EntityManager, viewer: Viewer, action: 'meeting.create' | 'meeting.reschedule' | 'meeting.cancel', meeting: { id: string }, networkId: string, summary: string,
): Promise<void> {
  return recordAudit(tx, { actor: viewer, action, subjectType: 'Meeting', subjectId: meeting.id, networkId, summary });
}
