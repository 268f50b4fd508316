import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, RequestLoaders } from '../common/request-loaders.js';
import { isActiveMember } from '../networks/network-memberships.js';
import { recordEvent } from '../outbox/outbox.js';
import { assertMeetingNotFrozen } from '../protocols/protocol-freeze.js';
import { AgendaItemEntity } from './entities/agenda-item.entity.js';
import { AGENDA_ITEM_COLUMNS, ORGANIZATION_COLUMNS, PERSON_COLUMNS, pick, selectList } from '../common/sql-rows.js';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { primeOrganization } from '../organizations/organizations.service.js';
import { primePerson } from '../people/people.service.js';
import type { PersonEntity } from '../people/person.entity.js';
import { appendAgendaItem, lockMeeting, renumberAgenda, staleGroupsCtes, syncCarryOver } from './carry-over.js';
import type { AcceptAgendaItemInput, AddAgendaItemInput, MoveAgendaItemInput, RemoveAgendaItemInput } from './dto/meeting.inputs.js';
import { MeetingAccessService } from './meeting-access.service.js';
import { AgendaItemStatus, MeetingStatus } from './meeting.enums.js';
import type { MeetingModel } from './meeting.model.js';
import { keyRead } from '../database/prepared-statements.js';

@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetingAccess: MeetingAccessService,
  ) {}

  /** Moderators add ACCEPTED items; members propose (PROPOSED); guests only read. */
  async add(viewer: Viewer, input: AddAgendaItemInput): Promise<AgendaItemEntity> {
    const loaders = new RequestLoaders();
    const meeting = await this.meetingAccess.require(viewer, input.meetingId, 'read', loaders);
    if (!(await this.meetingAccess.mayPropose(viewer, loaders, meeting))) {
      throw new DomainError('FORBIDDEN', 'Gäste können keine Tagesordnungspunkte vorschlagen.');
    }
    this.requireOpen(meeting);
    const networkId = (await this.meetingAccess.primaryGroup(loaders, meeting)).networkId;
    await this.checkPresenter(networkId, input.presenterId, input.presenterOrganizationId);
    const accepted = meeting.access === 'manage';
    return this.db.transaction(async (tx) => {
      await lockMeeting(tx, meeting.id);
      await assertMeetingNotFrozen(tx, meeting.id, 'meetingId');
      const item = await appendAgendaItem(tx, meeting.id, {
        title: input.title.trim(),
        description: input.description ?? null,
        durationMinutes: input.durationMinutes ?? null,
        presenterId: input.presenterId ?? null,
        presenterOrganizationId: input.presenterOrganizationId ?? null,
        public: input.public ?? true,
        status: accepted ? AgendaItemStatus.ACCEPTED : AgendaItemStatus.PROPOSED,
        proposedById: viewer.personId,
      });
      await this.agendaChanged(tx, meeting, accepted ? 'added' : 'proposed', item);
      return item;
    });
  }

  async accept(viewer: Viewer, input: AcceptAgendaItemInput): Promise<AgendaItemEntity> {
    const item = await this.findItem(input.agendaItemId);
    const meeting = await this.meetingAccess.require(viewer, item.meetingId, 'manage');
    this.requireOpen(meeting);
    return this.db.transaction(async (tx) => {
      await lockMeeting(tx, meeting.id);
      await assertMeetingNotFrozen(tx, meeting.id, 'agendaItemId');
      await tx.getRepository(AgendaItemEntity).update({ id: item.id }, { status: AgendaItemStatus.ACCEPTED });
      const accepted = await tx.getRepository(AgendaItemEntity).findOneByOrFail({ id: item.id });
      if (item.status !== AgendaItemStatus.ACCEPTED) await this.agendaChanged(tx, meeting, 'accepted', accepted);
      return accepted;
    });
  }

  /** Removes an item (or turns down a proposal) and renumbers the rest 1..n; returns the agenda. */
  async remove(viewer: Viewer, input: RemoveAgendaItemInput): Promise<AgendaItemEntity[]> {
    const item = await this.findItem(input.agendaItemId);
    const meeting = await this.meetingAccess.require(viewer, item.meetingId, 'manage');
    return this.db.transaction(async (tx) => {
      await lockMeeting(tx, meeting.id);
      await assertMeetingNotFrozen(tx, meeting.id, 'agendaItemId');
      await tx.getRepository(AgendaItemEntity).delete({ id: item.id });
      await renumberAgenda(tx, meeting.id);
      if (item.status === AgendaItemStatus.ACCEPTED) await this.agendaChanged(tx, meeting, 'removed', item);
      return tx.getRepository(AgendaItemEntity).find({ where: { meetingId: meeting.id }, order: { position: 'ASC' } });
    });
  }

  /** Moves an item and renumbers 1..n; concurrent moves of one agenda are serialised by a row lock. */
  async move(viewer: Viewer, input: MoveAgendaItemInput): Promise<AgendaItemEntity[]> {
    const item = await this.findItem(input.agendaItemId);
    const meeting = await this.meetingAccess.require(viewer, item.meetingId, 'manage');
    this.requireOpen(meeting);
    return this.db.transaction(async (tx) => {
      await lockMeeting(tx, meeting.id);
      await assertMeetingNotFrozen(tx, meeting.id, 'agendaItemId');
      const items = await tx.getRepository(AgendaItemEntity).find({ where: { meetingId: meeting.id }, order: { position: 'ASC', createdAt: 'ASC' } });
      if (!Number.isInteger(input.position) || input.position < 1 || input.position > items.length) {
        throw badInput('position', `muss zwischen 1 und ${items.length} liegen`);
      }
      const from = items.findIndex((i) => i.id === item.id);
      if (from < 0) throw notFound('Tagesordnungspunkt'); // removed meanwhile
      const [moved] = items.splice(from, 1);
      items.splice(input.position - 1, 0, moved);
      await tx.query(
        `UPDATE agenda_item ai SET position = v.position FROM unnest($1::uuid[], $2::int[]) AS v(id, position) WHERE ai.id = v.id`,
        [items.map((i) => i.id), items.map((_, i) => i + 1)],
      );
      await this.agendaChanged(tx, meeting, 'moved', moved);
      return tx.getRepository(AgendaItemEntity).find({ where: { meetingId: meeting.id }, order: { position: 'ASC' } });
    });
  }

  /**
   * The agenda as the caller may see it: PROPOSED items only for moderators and their proposer,
   * only public accepted items for network members outside the meeting's groups.
   */
  async forMeeting(viewer: Viewer, loaders: RequestLoaders, meeting: MeetingModel): Promise<AgendaItemEntity[]> {
    const items = await loaders.get('meeting.agenda', () => manyByKey((ids) => this.readAgendas(loaders, ids), (i) => i.meetingId)).load(meeting.id);
    return items.filter((i) => {
      if (meeting.access === 'network') return i.public && i.status === AgendaItemStatus.ACCEPTED;
      return i.status === AgendaItemStatus.ACCEPTED || meeting.access === 'manage' || i.proposedById === viewer.personId;
    });
  }

  /**
   * The agendas of the meetings `ids`, with the presenters and their organizations (which the
   * agenda view asks next). Open action items reach the next meeting even when nobody changed
   * anything since the last one: the same statement says which groups of the future meetings among
   * them have a stale agenda (rare); those are brought in line, each in its own transaction, and the
   * agendas read again. One statement in the common case, where it used to be two.
   */
  private async readAgendas(loaders: RequestLoaders, ids: string[]): Promise<AgendaItemEntity[]> {
    let rows: Record<string, unknown>[] = [];
    for (let round = 0; round < 2; round++) {
      rows = await keyRead<Record<string, unknown>[]>(this.db,
        `WITH carry_groups AS (SELECT coalesce(array_agg(DISTINCT m.group_id), '{}') AS ids FROM meeting m
                                WHERE m.id = ANY($1) AND NOT m.cancelled AND m.starts_at > now()),
              ${staleGroupsCtes('(SELECT ids FROM carry_groups)::uuid[]')}
         SELECT NULL::uuid AS "staleGroupId", ${selectList('a', AGENDA_ITEM_COLUMNS)}, ${selectList('p', PERSON_COLUMNS, 'p_')}, ${selectList('o', ORGANIZATION_COLUMNS, 'o_')}
           FROM agenda_item a
           -- One primary-key lookup per item (LIMIT 1 keeps the planner from hashing every person and organization)
           LEFT JOIN LATERAL (SELECT * FROM person x WHERE x.id = a.presenter_id LIMIT 1) p ON true
           LEFT JOIN LATERAL (SELECT * FROM organization x WHERE x.id = a.presenter_organization_id LIMIT 1) o ON true
          WHERE a.meeting_id = ANY($1)
         UNION ALL SELECT group_id${', NULL'.repeat(Object.keys(AGENDA_ITEM_COLUMNS).length + Object.keys(PERSON_COLUMNS).length + Object.keys(ORGANIZATION_COLUMNS).length)}
           FROM stale_groups
         ORDER BY "position"`,
        [ids],
      );
      const stale = rows.filter((r) => r.staleGroupId).map((r) => r.staleGroupId as string);
      if (!stale.length || round > 0) break;
      for (const groupId of stale) await this.db.transaction((tx) => syncCarryOver(tx, groupId));
    }
    return rows
      .filter((r) => !r.staleGroupId)
      .map((row) => {
        const presenter = pick<PersonEntity>(row, PERSON_COLUMNS, 'p_');
        if (presenter) primePerson(loaders, this.db, presenter);
        primeOrganization(loaders, this.db, pick<OrganizationEntity>(row, ORGANIZATION_COLUMNS, 'o_'));
        return pick<AgendaItemEntity>(row, AGENDA_ITEM_COLUMNS)!;
      });
  }

  private async findItem(id: string): Promise<AgendaItemEntity> {
    const item = isUuid(id) ? await this.db.getRepository(AgendaItemEntity).findOneBy({ id }) : null;
    if (!item) throw notFound('Tagesordnungspunkt');
    return item;
  }

  private requireOpen(meeting: MeetingModel): void {
    if (meeting.status === MeetingStatus.CANCELLED) throw badInput('meetingId', 'die Sitzung wurde abgesagt');
  }

  private async checkPresenter(networkId: string, personId?: string | null, organizationId?: string | null): Promise<void> {
    if (personId) {
      const [role] = await this.db.query('SELECT 1 FROM network_role WHERE network_id = $1 AND person_id = $2', [networkId, personId]);
      if (!role) throw badInput('presenterId', 'die Person hat keine Rolle im Netzwerk');
    }
    if (organizationId && !(await isActiveMember(this.db.manager, networkId, organizationId))) {
      throw badInput('presenterOrganizationId', 'die Organisation ist kein aktives Mitglied des Netzwerks');
    }
  }

  private async agendaChanged(tx: EntityManager, meeting: MeetingModel, change: string, item: AgendaItemEntity): Promise<void> {
    await recordEvent(tx, {
      type: 'AgendaChanged', aggregateType: 'Meeting', aggregateId: meeting.id, groupId: meeting.groupId,
      payload: { meetingId: meeting.id, change, agendaItemId: item.id, title: item.title, position: item.position, status: item.status, public: item.public },
    });
  }
}

