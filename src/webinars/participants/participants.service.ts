import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../../audit/audit.js';
import type { Viewer } from '../../auth/viewer.js';
import { DomainError, notFound } from '../../common/domain-error.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { WebinarRegistrationEntity } from '../entities/webinar-registration.entity.js';
import type { WebinarEntity } from '../entities/webinar.entity.js';
import { EventSeriesService } from '../event-series.service.js';
import { RegistrationStatus } from '../webinar.enums.js';
import { WebinarsService } from '../webinars.service.js';
import type { MarkWebinarAttendanceInput, WebinarParticipantModel } from './participant.model.js';

/**
 * The participant list of a webinar and the attendance marks its organizers set afterwards.
 * Only the series' organizers see it; for everyone else the webinar's list does not exist (NOT_FOUND),
 * also when they see the webinar itself.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly webinars: WebinarsService,
    private readonly series: EventSeriesService,
  ) {}

  /** Confirmed first (by registration time), then the waitlist by position. */
  async list(viewer: Viewer, webinarId: string): Promise<WebinarParticipantModel[]> {
    const webinar = await this.requireOrganizer(viewer, webinarId);
    const rows = await this.db
      .getRepository(WebinarRegistrationEntity)
      .createQueryBuilder('r')
      .innerJoin(PersonEntity, 'p', 'p.id = r.person_id')
      .leftJoin(OrganizationEntity, 'o', 'o.id = r.organization_id')
      .select(['r.id AS id', 'r.person_id AS "personId"', 'p.display_name AS name', 'p.email AS email', 'o.name AS "organizationName"'])
      .addSelect(['r.created_at AS "registeredAt"', 'r.status AS status', 'r.waitlist_position AS "waitlistPosition"', 'r.attended_at AS "attendedAt"'])
      .where('r.webinar_id = :id AND r.status <> :cancelled', { id: webinar.id, cancelled: RegistrationStatus.CANCELLED })
      .orderBy(`CASE WHEN r.status = 'CONFIRMED' THEN 0 ELSE 1 END`)
      .addOrderBy('r.waitlist_position', 'ASC', 'NULLS FIRST')
      .addOrderBy('r.created_at')
      .addOrderBy('r.id')
      .getRawMany<WebinarParticipantModel>();
    return rows;
  }

  /** Marks (or unmarks) a CONFIRMED participant as present; only once the webinar has begun. */
  async markAttendance(viewer: Viewer, input: MarkWebinarAttendanceInput): Promise<WebinarParticipantModel> {
    const webinar = await this.requireOrganizer(viewer, input.webinarId);
    const repo = this.db.getRepository(WebinarRegistrationEntity);
    const registration = await repo.findOneBy({ webinarId: webinar.id, personId: input.personId });
    if (!registration || registration.status === RegistrationStatus.CANCELLED) throw notFound('Anmeldung');
    if (registration.status !== RegistrationStatus.CONFIRMED) {
      throw new DomainError('CONFLICT', 'Nur angemeldete Teilnehmende (nicht die Warteliste) können als anwesend eingetragen werden.');
    }
    if (webinar.startsAt.getTime() > Date.now()) throw new DomainError('CONFLICT', 'Die Anwesenheit lässt sich erst eintragen, wenn das Webinar begonnen hat.');
    await this.db.transaction(async (tx) => {
      await tx.getRepository(WebinarRegistrationEntity).update({ id: registration.id }, { attendedAt: input.attended ? (registration.attendedAt ?? new Date()) : null });
      await recordAudit(tx, {
        actor: viewer, action: 'webinar.attendance', subjectType: 'Webinar', subjectId: webinar.id, networkId: webinar.networkId, aboutPersonId: input.personId,
        summary: `Teilnahme am Webinar „${webinar.title}“ ${input.attended ? 'bestätigt' : 'zurückgenommen'}.`,
      });
    });
    const list = await this.list(viewer, webinar.id);
    return list.find((p) => p.id === registration.id)!;
  }

  private async requireOrganizer(viewer: Viewer, webinarId: string): Promise<WebinarEntity & { networkId: string | null }> {
    const found = await this.webinars.byId(viewer, webinarId);
    if (!found || !(await this.series.isOrganizer(viewer, found.series))) throw notFound('Webinar');
    return Object.assign(found.webinar, { networkId: found.series.networkId });
  }
}
