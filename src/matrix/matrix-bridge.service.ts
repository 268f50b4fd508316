import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GroupLevel } from '../groups/group.enums.js';
import { VideoRoomService } from '../video/video-rooms.service.js';
import { announcement } from './announcements.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ChatError, ChatPort, type MembershipChanges } from './chat.port.js';
import { RoomCreationLock } from './room-creation-lock.js';

const LEVEL_ORDER: Record<GroupLevel, string> = { PLENUM: '1', EXPERT_GROUP: '2', PROJECT_GROUP: '3' };

export interface Reconciliation {
  /** False: no homeserver is configured (MATRIX_HOMESERVER_URL), so nothing was compared. */
  bridgeEnabled: boolean;
  groups: number;
  invited: number;
  kicked: number;
  /** Groups that could not be compared (the homeserver failed or is away); the next run tries again. */
  failed: number;
  /** Groups left for the periodic reconciliation because the request's time budget ran out. */
  deferred: number;
}

export interface OutboxRow {
  id: string;
  type: string;
  group_id: string | null;
  aggregate_id: string;
  payload: Record<string, unknown>;
  /** The group's room as the claim found it (null: none yet, or no group); saves a read per announcement. */
  matrix_room_id?: string | null;
  attempts: number;
  /** The lease the claim set (see LeaseQueue). */
  lease_token: string | null;
}

/**
 * Turns outbox events into Matrix effects, each idempotent: `ensure*` find what exists (stored
 * ids, deterministic aliases), membership is brought in line with the hub, messages carry their
 * outbox id. Returns the remote id to store.
 */
@Injectable()
export class MatrixBridgeService {
  private readonly logger = new Logger(MatrixBridgeService.name);
  /** Rooms and Spaces are created one at a time per alias, across processes (see RoomCreationLock). */
  private readonly creation: RoomCreationLock;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chat: ChatPort,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly video: VideoRoomService,
  ) {
    this.creation = new RoomCreationLock(db, !config.embeddedDatabase);
  }

  async handle(row: OutboxRow): Promise<string | null> {
    switch (row.type) {
      case 'NetworkCreated':
        return this.ensureSpace(row.aggregate_id);
      case 'GroupCreated':
        return this.ensureRoom(row.aggregate_id);
      case 'GroupMembershipChanged':
        await this.syncMembers(row.aggregate_id);
        return null;
      case 'MatrixAccountLinked': {
        const groups = await this.db.query<{ group_id: string }[]>('SELECT group_id FROM group_member WHERE person_id = $1', [row.aggregate_id]);
        for (const g of groups) await this.syncMembers(g.group_id);
        return null;
      }
      default: {
        if (!row.group_id) return null;
        const message = announcement(row.type, await this.enrich(row));
        if (!message) return null;
        const roomId = row.matrix_room_id ?? (await this.ensureRoom(row.group_id));
        const eventId = await this.chat.post(roomId, row.id, message, row.attempts > 1);
        if (row.type === 'ActionItemAssigned') await this.tellAssigneesOutside(row);
        return eventId;
      }
    }
  }

  async ensureSpace(networkId: string): Promise<string> {
    const stored = await this.storedSpace(networkId);
    if (stored) return stored;
    const alias = `interkom-net-${networkId}`;
    return this.creation.run(alias, async () => {
      // Another process may have created it while this one waited for the lock.
      const [n] = await this.db.query<{ name: string; description: string | null; matrix_space_id: string | null }[]>(
        'SELECT name, description, matrix_space_id FROM network WHERE id = $1',
        [networkId],
      );
      if (n.matrix_space_id) return n.matrix_space_id;
      const spaceId = await this.chat.ensureRoom({
        alias, name: n.name, topic: n.description, space: true,
        marker: { type: 'net.interkom.network', content: { networkId } },
      });
      await this.db.query('UPDATE network SET matrix_space_id = $2 WHERE id = $1 AND matrix_space_id IS NULL', [networkId, spaceId]);
      return spaceId;
    });
  }

  /** The network's sub-Space for its project groups, so they sit one level below plenum and expert group. */
  async ensureProjectSpace(networkId: string): Promise<string> {
    const spaceId = await this.ensureSpace(networkId);
    const alias = `interkom-net-${networkId}-projekte`;
    // No stored id: every call asks Synapse (the alias), under the lock so it never meets a half-made Space.
    return this.creation.run(alias, async () => {
      const projects = await this.chat.ensureRoom({
        alias, name: 'Projektgruppen', topic: null, space: true, parentSpaceId: spaceId,
        marker: { type: 'net.interkom.network', content: { networkId, level: GroupLevel.PROJECT_GROUP } },
      });
      await this.chat.linkChild(spaceId, projects, '3-Projektgruppen');
      return projects;
    });
  }

  /**
   * The group's room: plenum and expert group directly in the network's Space, project groups in
   * its "Projektgruppen" sub-Space. The Space comes first (its own lock), then the room under the
   * group's: the locks are never nested, so two processes cannot wait for each other.
   */
  async ensureRoom(groupId: string): Promise<string> {
    const [g] = await this.db.query<{ network_id: string; level: GroupLevel; matrix_room_id: string | null }[]>(
      'SELECT network_id, level, matrix_room_id FROM work_group WHERE id = $1',
      [groupId],
    );
    if (g.matrix_room_id) return g.matrix_room_id;
    const spaceId = g.level === GroupLevel.PROJECT_GROUP ? await this.ensureProjectSpace(g.network_id) : await this.ensureSpace(g.network_id);
    const created = await this.creation.run(`interkom-grp-${groupId}`, async () => {
      const [again] = await this.db.query<{ name: string; description: string | null; level: GroupLevel; matrix_room_id: string | null }[]>(
        'SELECT name, description, level, matrix_room_id FROM work_group WHERE id = $1',
        [groupId],
      );
      if (again.matrix_room_id) return null; // made by another process meanwhile (it syncs the members)
      const roomId = await this.chat.ensureRoom({
        alias: `interkom-grp-${groupId}`, name: again.name, topic: again.description, space: false, parentSpaceId: spaceId,
        marker: { type: 'net.interkom.group', content: { groupId } },
      });
      await this.chat.linkChild(spaceId, roomId, `${LEVEL_ORDER[again.level]}-${again.name}`.slice(0, 50));
      await this.db.query('UPDATE work_group SET matrix_room_id = $2 WHERE id = $1 AND matrix_room_id IS NULL', [groupId, roomId]);
      return roomId;
    });
    if (!created) return (await this.storedRoom(groupId))!;
    await this.syncMembers(groupId);
    return created;
  }

  private async storedSpace(networkId: string): Promise<string | null> {
    const [n] = await this.db.query<{ matrix_space_id: string | null }[]>('SELECT matrix_space_id FROM network WHERE id = $1', [networkId]);
    return n.matrix_space_id;
  }

  private async storedRoom(groupId: string): Promise<string | null> {
    const [g] = await this.db.query<{ matrix_room_id: string | null }[]>('SELECT matrix_room_id FROM work_group WHERE id = $1', [groupId]);
    return g.matrix_room_id;
  }

  /** Active members with a linked Matrix ID are in the room; LEADs and MODERATORs get power level 50. */
  async syncMembers(groupId: string): Promise<MembershipChanges> {
    const roomId = await this.ensureRoomIdOnly(groupId);
    const rows = await this.db.query<{ matrix_user_id: string; role: string }[]>(
      `SELECT p.matrix_user_id, gm.role FROM group_member gm JOIN person p ON p.id = gm.person_id
        WHERE gm.group_id = $1 AND p.matrix_user_id IS NOT NULL
          AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`,
      [groupId],
    );
    const desired = rows.map((r) => ({ userId: r.matrix_user_id, powerLevel: r.role === 'LEAD' || r.role === 'MODERATOR' ? 50 : 0 }));
    return this.chat.syncMembers(roomId, desired, 'Nicht (mehr) Mitglied der Gruppe in Interkom');
  }

  /**
   * Compares every group room with the hub and repairs drift (kicked by hand, missed events,
   * expired guests). Groups without a room get theirs from the outbox, not here (room creation
   * takes about a second each). With the bridge off it compares nothing and says so; a group the
   * homeserver fails on is counted as failed, and when the homeserver is away (a retryable
   * failure) the run stops there instead of waiting out a timeout per group. With a budget (a
   * request), it stops starting groups once the budget is spent and reports the rest as deferred.
   */
  async reconcileAll(opts: { budgetMs?: number } = {}): Promise<Reconciliation> {
    if (!this.config.matrix) return { bridgeEnabled: false, groups: 0, invited: 0, kicked: 0, failed: 0, deferred: 0 };
    const deadline = opts.budgetMs === undefined ? Infinity : Date.now() + opts.budgetMs;
    const groups = await this.db.query<{ id: string }[]>('SELECT id FROM work_group WHERE matrix_room_id IS NOT NULL ORDER BY created_at');
    const result: Reconciliation = { bridgeEnabled: true, groups: groups.length, invited: 0, kicked: 0, failed: 0, deferred: 0 };
    for (const [i, g] of groups.entries()) {
      if (Date.now() >= deadline) {
        result.deferred = groups.length - i;
        break;
      }
      try {
        const changes = await this.syncMembers(g.id);
        result.invited += changes.invited.length;
        result.kicked += changes.kicked.length;
      } catch (error) {
        if (!(error instanceof ChatError)) throw error;
        this.logger.warn(`reconciling group ${g.id} failed: ${error.message}`);
        if (error.retryable) {
          result.failed += groups.length - i;
          break;
        }
        result.failed += 1;
      }
    }
    return result;
  }

  private async ensureRoomIdOnly(groupId: string): Promise<string> {
    return (await this.storedRoom(groupId)) ?? this.ensureRoom(groupId);
  }

  /**
   * An action item may go to someone outside the group (any person or organization of the
   * network): they are not in the group's room, so each of them with a linked Matrix ID hears of
   * it in their personal Interkom room (one per person, found again by its alias). The same people
   * as by mail: the assigned person, else those acting for the assigned organization in the
   * network, minus the group's active members (they read it in the room). A person the homeserver
   * refuses (a non-retryable error) is logged and skipped, so that the group's post stands alone.
   */
  private async tellAssigneesOutside(row: OutboxRow): Promise<void> {
    const p = row.payload;
    const people = await this.db.query<{ id: string; matrix_user_id: string; group_name: string }[]>(
      `SELECT p.id, p.matrix_user_id, g.name AS group_name FROM person p JOIN work_group g ON g.id = $1
        WHERE p.matrix_user_id IS NOT NULL AND p.erased_at IS NULL
          AND (CASE WHEN $2::uuid IS NOT NULL THEN p.id = $2::uuid
                    ELSE p.id IN (SELECT r.person_id FROM network_role r WHERE r.network_id = g.network_id AND r.organization_id = $3::uuid) END)
          AND NOT EXISTS (SELECT 1 FROM group_member gm WHERE gm.group_id = g.id AND gm.person_id = p.id
                            AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date))
        ORDER BY p.id`,
      [row.group_id, p.assigneeId ?? null, p.assigneeOrganizationId ?? null],
    );
    if (!people.length) return;
    const enriched = await this.enrich(row);
    for (const person of people) {
      const message = announcement(row.type, { ...enriched, groupName: person.group_name, personal: true })!;
      try {
        const roomId = await this.ensurePersonalRoom(person.id, person.matrix_user_id);
        await this.chat.post(roomId, `${row.id}.${person.id}`, message, row.attempts > 1);
      } catch (error) {
        if (!(error instanceof ChatError) || error.retryable) throw error;
        this.logger.warn(`action item ${row.aggregate_id}: no personal message for ${person.id}: ${error.message}`);
      }
    }
  }

  /** The person's own room with the hub's bot (alias interkom-person-<id>), with them invited. */
  async ensurePersonalRoom(personId: string, matrixUserId: string): Promise<string> {
    const alias = `interkom-person-${personId}`;
    const roomId = await this.creation.run(alias, () =>
      this.chat.ensureRoom({
        alias, name: 'Interkom', topic: 'Persönliche Hinweise aus Interkom', space: false,
        marker: { type: 'net.interkom.person', content: { personId } },
      }),
    );
    await this.chat.syncMembers(roomId, [{ userId: matrixUserId, powerLevel: 0 }], 'Matrix-Konto in Interkom geändert');
    return roomId;
  }

  /** Names for ids in the payload, and a meeting's video room, read at delivery time. */
  private async enrich(row: OutboxRow): Promise<Record<string, unknown>> {
    if (VIDEO_EVENTS.has(row.type)) return this.withVideoRoom(row);
    if (row.type !== 'ActionItemAssigned') return row.payload;
    const [names] = await this.db.query<{ person: string | null; org: string | null }[]>(
      `SELECT (SELECT display_name FROM person WHERE id = $1) AS person, (SELECT name FROM organization WHERE id = $2) AS org`,
      [row.payload.assigneeId ?? null, row.payload.assigneeOrganizationId ?? null],
    );
    return { ...row.payload, assigneeName: names.person, assigneeOrganizationName: names.org };
  }

  /**
   * A meeting without a link of its own gets its generated room (JITSI_URL): the room's members are
   * the people allowed in, so a plain room link may be posted; personal links (tokens) cannot be.
   */
  private async withVideoRoom(row: OutboxRow): Promise<Record<string, unknown>> {
    if (!this.video.enabled || row.payload.onlineUrl) return row.payload;
    if (this.video.personal) return { ...row.payload, videoPersonal: true };
    return { ...row.payload, videoRoomUrl: await this.video.roomUrl('meeting', row.aggregate_id) };
  }
}

const VIDEO_EVENTS = new Set(['MeetingScheduled', 'MeetingRescheduled', 'MeetingReminder']);
