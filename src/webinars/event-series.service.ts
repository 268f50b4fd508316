import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessService } from '../auth/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { Visibility, VISIBILITY_DE } from '../knowledge/knowledge.enums.js';
import { mayView } from '../knowledge/visibility.js';
import { NetworkRole } from '../networks/network.enums.js';
import { NetworksService } from '../networks/networks.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { EventSeriesEntity } from './entities/event-series.entity.js';
import type { CreateEventSeriesInput } from './webinar.inputs.js';

/**
 * Event series. Created by ADMINs/MODERATORs of its network (hub admins when it has none); its
 * organizers — who schedule and cancel its webinars, get their join links and moderate their rooms
 * — are its creator, the ADMINs/MODERATORs of its network and hub admins.
 */
@Injectable()
export class EventSeriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly networks: NetworksService,
    private readonly organizations: OrganizationsService,
  ) {}

  async create(viewer: Viewer, input: CreateEventSeriesInput): Promise<EventSeriesEntity> {
    await this.organizations.requireExisting(input.organizerId, 'organizerId');
    let networkId: string | null = null;
    if (input.networkId) {
      const network = await this.networks.requireVisible(viewer, input.networkId);
      await this.access.requireNetworkRole(viewer, network, NetworkRole.MODERATOR);
      networkId = network.id;
    } else if (!viewer.hubAdmin) {
      throw new DomainError('FORBIDDEN', 'Nur die Plattform-Administration (hub-admin) darf eine Reihe außerhalb eines Netzwerks anlegen.');
    }
    if (input.visibility === Visibility.NETWORK && !networkId) throw badInput('networkId', 'ist für die Sichtbarkeit „nur im Netzwerk“ erforderlich');
    return this.db.transaction(async (tx) => {
      const series = await tx.getRepository(EventSeriesEntity).save({
        title: input.title.trim(), description: input.description ?? null, organizerId: input.organizerId, networkId, visibility: input.visibility, createdById: viewer.personId,
      });
      await recordAudit(tx, {
        actor: viewer, action: 'series.create', subjectType: 'EventSeries', subjectId: series.id, networkId,
        summary: `Veranstaltungsreihe „${series.title}“ angelegt (sichtbar: ${VISIBILITY_DE[series.visibility]}).`,
      });
      return series;
    });
  }

  async byId(viewer: Viewer | undefined, id: string): Promise<EventSeriesEntity | null> {
    const series = isUuid(id) ? await this.db.getRepository(EventSeriesEntity).findOneBy({ id }) : null;
    return series && (await mayView(viewer, series)) ? series : null;
  }

  async isOrganizer(viewer: Viewer | undefined, series: EventSeriesEntity): Promise<boolean> {
    if (!viewer) return false;
    if (viewer.hubAdmin || series.createdById === viewer.personId) return true;
    const role = series.networkId ? await viewer.networkRole(series.networkId) : null;
    return role === NetworkRole.ADMIN || role === NetworkRole.MODERATOR;
  }

  load(loaders: RequestLoaders, id: string): Promise<EventSeriesEntity | null> {
    return loaders
      .get('eventSeries.byId', () => oneByKey((ids) => this.db.getRepository(EventSeriesEntity).findBy({ id: In(ids) }), (s) => s.id))
      .load(id);
  }

  /** The series of a webinar the caller may see, or NOT_FOUND (a webinar is as visible as its series). */
  async requireVisible(viewer: Viewer | undefined, id: string, loaders?: RequestLoaders): Promise<EventSeriesEntity> {
    const series = loaders ? await this.load(loaders, id) : await this.db.getRepository(EventSeriesEntity).findOneBy({ id });
    if (!series || !(await mayView(viewer, series))) throw notFound('Reihe');
    return series;
  }
}
