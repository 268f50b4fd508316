import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, oneByKey, RequestLoaders } from '../common/request-loaders.js';
import { GroupRole } from '../groups/group.enums.js';
import type { GroupEntity } from '../groups/group.entity.js';
import { groupLoader, GroupsService } from '../groups/groups.service.js';
import { fromJson, GROUP_COLUMNS, jsonObject, MEETING_COLUMNS, NETWORK_COLUMNS, pick, selectList } from '../common/sql-rows.js';
import { networkLoader } from '../networks/networks.service.js';
import type { NetworkEntity } from '../networks/entities/network.entity.js';
import { meetingStatus } from './meeting-rules.js';
import { MeetingEntity } from './entities/meeting.entity.js';
import type { MeetingAccess, MeetingModel } from './meeting.model.js';
import { keyRead } from '../database/prepared-statements.js';

const RANK: Record<MeetingAccess, number> = { network: 1, read: 2, manage: 3 };

/**
 * Who sees a meeting: the members of any of its groups read it, their LEADs and MODERATORs (and
 * the network's ADMINs and MODERATORs) manage it, other members of the network see its public
 * part. Everyone else gets NOT_FOUND.
 */
@Injectable()
export class MeetingAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly groups: GroupsService,
  ) {}

  async accessTo(viewer: Viewer, loaders: RequestLoaders, meeting: MeetingEntity): Promise<MeetingAccess | null> {
    const groupIds = [meeting.groupId, ...(await this.additionalGroupIds(loaders, meeting.id))];
    let best: MeetingAccess | null = null;
    let networkId: string | null = null;
    for (const id of groupIds) {
      const group = await this.groups.load(loaders, id);
      if (!group) continue;
      networkId ??= group.networkId;
      const access = await this.access.groupAccess(viewer, group);
      if (access === 'manage') return 'manage';
      if (access === 'read') best = 'read';
    }
    if (best) return best;
    return networkId && (await viewer.networkRole(networkId)) ? 'network' : null;
  }

  /** The meeting with at least `need` access; NOT_FOUND if invisible, FORBIDDEN if visible but not enough. */
  async require(viewer: Viewer, meetingId: string, need: MeetingAccess, loaders = new RequestLoaders()): Promise<MeetingModel> {
    const meeting = await this.load(loaders, meetingId);
    const access = meeting && (await this.accessTo(viewer, loaders, meeting));
    if (!meeting || !access) throw notFound('Sitzung');
    if (RANK[access] < RANK[need]) {
      throw new DomainError('FORBIDDEN', need === 'manage' ? 'Nur die Leitung oder Moderation der Gruppe darf das.' : 'Nur Mitglieder der Gruppen dieser Sitzung dürfen das.');
    }
    return toMeetingModel(meeting, access);
  }

  /** Members (not guests) may propose agenda items; managers add them directly. */
  async mayPropose(viewer: Viewer, loaders: RequestLoaders, meeting: MeetingModel): Promise<boolean> {
    if (meeting.access === 'manage') return true;
    for (const id of [meeting.groupId, ...(await this.additionalGroupIds(loaders, meeting.id))]) {
      if ((await viewer.groupRole(id)) === GroupRole.MEMBER) return true;
    }
    return false;
  }

  /**
   * Meetings by id in one statement that also reads what every access check and the detail view
   * ask next: the joint groups, all the meeting's groups and the primary group's network (all
   * primed into the request's loaders).
   */
  load(loaders: RequestLoaders, id: string): Promise<MeetingEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return loaders
      .get('meeting.byId', () =>
        oneByKey(async (ids) => {
          const rows = await keyRead<(Record<string, unknown> & { additional: string[]; groups: Record<string, unknown>[]; network: Record<string, unknown> | null })[]>(this.db,
            `SELECT ${selectList('m', MEETING_COLUMNS)},
                    coalesce((SELECT array_agg(mg.group_id) FROM meeting_group mg WHERE mg.meeting_id = m.id), '{}') AS additional,
                    (SELECT json_agg(${jsonObject('g', GROUP_COLUMNS)}) FROM work_group g
                      WHERE g.id IN (SELECT m.group_id UNION SELECT mg.group_id FROM meeting_group mg WHERE mg.meeting_id = m.id)) AS groups,
                    (SELECT ${jsonObject('n', NETWORK_COLUMNS)} FROM work_group g JOIN network n ON n.id = g.network_id WHERE g.id = m.group_id) AS network
               FROM meeting m WHERE m.id = ANY($1)`,
            [ids],
          );
          return rows.map((row) => {
            const meeting = pick<MeetingEntity>(row, MEETING_COLUMNS)!;
            this.additionalGroupLoader(loaders).prime(meeting.id, row.additional.map((groupId) => ({ meetingId: meeting.id, groupId })));
            for (const g of row.groups ?? []) groupLoader(loaders, this.db).prime(g.id as string, fromJson<GroupEntity>(g)!);
            if (row.network) networkLoader(loaders, this.db).prime(row.network.id as string, fromJson<NetworkEntity>(row.network)!);
            return meeting;
          });
        }, (m) => m.id),
      )
      .load(id);
  }

  async additionalGroupIds(loaders: RequestLoaders, meetingId: string): Promise<string[]> {
    const rows = await this.additionalGroupLoader(loaders).load(meetingId);
    return rows.map((r) => r.groupId);
  }

  private additionalGroupLoader(loaders: RequestLoaders) {
    return loaders.get('meeting.additionalGroups', () =>
      manyByKey(
        (ids) => this.db.query<{ meetingId: string; groupId: string }[]>('SELECT meeting_id AS "meetingId", group_id AS "groupId" FROM meeting_group WHERE meeting_id = ANY($1)', [ids]),
        (r) => r.meetingId,
      ),
    );
  }

  async primaryGroup(loaders: RequestLoaders, meeting: MeetingModel): Promise<GroupEntity> {
    return (await this.groups.load(loaders, meeting.groupId))!;
  }
}

/**
 * The meeting as the caller may see it. Members of the network outside the meeting's groups
 * ('network') see that it takes place (title, time, status, public agenda), not how to get in nor
 * anything written about it by hand: the place (a room, often with a door code or a link pasted in),
 * the online link (with its passcode) and the reason for a cancellation (often personal) are for
 * the meeting's groups only (issue 19; the contract gives links only to people allowed in).
 */
export function toMeetingModel(m: MeetingEntity, access: MeetingAccess, now = new Date()): MeetingModel {
  const insider = access !== 'network';
  return {
    id: m.id,
    groupId: m.groupId,
    seriesId: m.seriesId,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    timeZone: m.timeZone,
    status: meetingStatus(m, now),
    cancelReason: insider ? m.cancelReason : null,
    location: insider ? m.location : null,
    onlineUrl: insider ? m.onlineUrl : null,
    sequence: m.sequence,
    access,
  };
}
