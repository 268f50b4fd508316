import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { isUuid } from '../common/ids.js';
import { RequestLoaders } from '../common/request-loaders.js';
import { ProfilesService } from '../knowledge/profiles.service.js';
import { Publication } from '../oparl/publication/publication.enum.js';
import { PublicationService } from '../oparl/publication/publication.service.js';
import { AgendaItemEntity } from '../meetings/entities/agenda-item.entity.js';
import { MeetingAccessService } from '../meetings/meeting-access.service.js';
import { AgendaItemStatus } from '../meetings/meeting.enums.js';
import { EventSeriesService } from '../webinars/event-series.service.js';
import { WebinarsService } from '../webinars/webinars.service.js';
import { WorkshopEntity } from '../workshops/entities/workshop.entity.js';
import { WorkshopsService } from '../workshops/workshops.service.js';
import { DocumentParentType } from './document.enums.js';

/** What the caller may do with the documents of one parent they see. */
export interface ParentAccess {
  readonly type: DocumentParentType;
  readonly id: string;
  /** Upload new documents (and replace or remove their own). */
  readonly upload: boolean;
  /** Replace, rename and remove any document of the parent. */
  readonly manage: boolean;
  readonly networkId: string | null;
}

/** The parent's German name, for NOT_FOUND. */
export const PARENT_LABEL: Record<DocumentParentType, string> = {
  [DocumentParentType.MEETING]: 'Sitzung',
  [DocumentParentType.AGENDA_ITEM]: 'Tagesordnungspunkt',
  [DocumentParentType.PROFILE]: 'Steckbrief',
  [DocumentParentType.WEBINAR]: 'Webinar',
  [DocumentParentType.WORKSHOP]: 'Digital-Werkstatt',
};

/**
 * Who sees a document follows its parent, through the parent module's own access rules:
 * - a meeting's documents: its groups (members read and upload, LEADs and moderators manage);
 * - an agenda item's: like the item (a non-public item only for the meeting's groups, a public one
 *   also for the network's other members, and for everyone where the network is PUBLIC in OParl;
 *   proposals only for the proposer and the managers);
 * - a project profile's: who sees the profile (PUBLIC: everyone); who may edit it manages them;
 * - a webinar's: who sees its series; its organisers manage them;
 * - a workshop's: its participants and facilitators; participants upload, facilitators manage.
 * Null = the caller does not see the parent (NOT_FOUND).
 */
@Injectable()
export class DocumentAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetings: MeetingAccessService,
    private readonly profiles: ProfilesService,
    private readonly webinars: WebinarsService,
    private readonly series: EventSeriesService,
    private readonly workshops: WorkshopsService,
    private readonly publication: PublicationService,
  ) {}

  async parent(viewer: Viewer | undefined, type: DocumentParentType, id: string, loaders = new RequestLoaders()): Promise<ParentAccess | null> {
    if (!isUuid(id)) return null;
    const as = (upload: boolean, manage: boolean, networkId: string | null): ParentAccess => ({ type, id, upload: upload || manage, manage, networkId });
    switch (type) {
      case DocumentParentType.MEETING: {
        if (!viewer) return null;
        const meeting = await this.meetings.load(loaders, id);
        const access = meeting && (await this.meetings.accessTo(viewer, loaders, meeting));
        if (!meeting || !access || access === 'network') return null;
        return as(true, access === 'manage', await this.meetingNetwork(loaders, meeting.groupId));
      }
      case DocumentParentType.AGENDA_ITEM: {
        const item = await this.db.getRepository(AgendaItemEntity).findOneBy({ id });
        const meeting = item && (await this.meetings.load(loaders, item.meetingId));
        if (!item || !meeting) return null;
        const networkId = await this.meetingNetwork(loaders, meeting.groupId);
        const access = viewer ? await this.meetings.accessTo(viewer, loaders, meeting) : null;
        const accepted = item.status === AgendaItemStatus.ACCEPTED;
        if (access === 'read' || access === 'manage') {
          if (!accepted && access !== 'manage' && item.proposedById !== viewer!.personId) return null;
          return as(true, access === 'manage', networkId);
        }
        // The public part: a public, accepted item is seen by the network's members and, where the
        // network is PUBLIC (OParl), by everyone, also without sign-in.
        if (!item.public || !accepted) return null;
        if (access === 'network') return as(false, false, networkId);
        return networkId && (await this.publication.load(loaders, networkId)) === Publication.PUBLIC ? as(false, false, networkId) : null;
      }
      case DocumentParentType.PROFILE: {
        const profile = await this.profiles.byId(viewer, id);
        if (!profile) return null;
        const edit = !!viewer && (await this.profiles.mayEdit(viewer, profile));
        return as(edit, edit, profile.networkId);
      }
      case DocumentParentType.WEBINAR: {
        const found = await this.webinars.byId(viewer, id, loaders);
        if (!found) return null;
        const organizer = !!viewer && (await this.series.isOrganizer(viewer, found.series));
        return as(organizer, organizer, found.series.networkId);
      }
      case DocumentParentType.WORKSHOP: {
        if (!viewer) return null;
        const workshop = await this.db.getRepository(WorkshopEntity).findOneBy({ id });
        const access = workshop && (await this.workshops.roleOf(viewer, workshop, loaders));
        if (!workshop || !access) return null;
        return as(access.role === 'participant', access.role === 'facilitator', workshop.networkId);
      }
    }
  }

  private async meetingNetwork(loaders: RequestLoaders, groupId: string): Promise<string | null> {
    const { groupLoader } = await import('../groups/groups.service.js');
    const group = await groupLoader(loaders, this.db).load(groupId);
    return group?.networkId ?? null;
  }
}
