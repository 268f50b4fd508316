import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../auth/viewer.js';
import { DomainError, notFound } from '../../common/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { networkName } from '../../networks/network-queries.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { fileNamePart, pdfOf } from '../../pdf/pdf-download.js';
import { PdfRenderer } from '../../pdf/pdf-renderer.js';
import { WebinarRegistrationEntity } from '../entities/webinar-registration.entity.js';
import { EventSeriesService } from '../event-series.service.js';
import { RegistrationStatus } from '../webinar.enums.js';
import { WebinarsService } from '../webinars.service.js';

const NOT_PRESENT = 'Eine Teilnahmebescheinigung gibt es nur für Teilnehmende, die die Veranstaltungsleitung als anwesend eingetragen hat.';

/**
 * Teilnahmebescheinigung: for a registrant the organisers marked as present. The caller gets their
 * own; an organiser of the series gets any present participant's (`personId`). Everyone else, and
 * anyone not marked present, gets NOT_FOUND. Rendered on demand; dated with the attendance mark,
 * so the same person's certificate has the same bytes until the mark changes.
 */
@Injectable()
export class CertificateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly webinars: WebinarsService,
    private readonly series: EventSeriesService,
    private readonly renderer: PdfRenderer,
  ) {}

  async certificate(viewer: Viewer, webinarId: string, personId: string | undefined) {
    const found = await this.webinars.byId(viewer, webinarId);
    if (!found) throw notFound('Webinar');
    const { webinar, series } = found;
    const forOther = !!personId && personId !== viewer.personId;
    if (forOther && (!isUuid(personId) || !(await this.series.isOrganizer(viewer, series)))) throw notFound('Teilnahmebescheinigung');
    const registration = await this.db.getRepository(WebinarRegistrationEntity).findOneBy({ webinarId: webinar.id, personId: forOther ? personId : viewer.personId });
    if (!registration || registration.status !== RegistrationStatus.CONFIRMED || !registration.attendedAt) throw new DomainError('NOT_FOUND', NOT_PRESENT);
    const person = await this.db.getRepository(PersonEntity).findOneByOrFail({ id: registration.personId });
    const [organization, organizer] = await Promise.all([
      registration.organizationId ? this.db.getRepository(OrganizationEntity).findOneBy({ id: registration.organizationId }) : null,
      this.db.getRepository(OrganizationEntity).findOneBy({ id: series.organizerId }),
    ]);
    const network = (series.networkId && (await networkName(this.db, series.networkId))) || 'Interkom';
    const tz = webinar.timeZone;
    const day = new Intl.DateTimeFormat('de-DE', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const time = new Intl.DateTimeFormat('de-DE', { timeZone: tz, hour: '2-digit', minute: '2-digit' });
    const minutes = Math.round((webinar.endsAt.getTime() - webinar.startsAt.getTime()) / 60_000);
    const bytes = this.renderer.render(
      {
        kind: 'certificate',
        data: {
          name: person.displayName,
          organization: organization?.name ?? null,
          webinar: webinar.title.replace(/\s+/g, ' ').trim(),
          date: day.format(webinar.startsAt),
          time: `${time.format(webinar.startsAt)}–${time.format(webinar.endsAt)} Uhr`,
          duration: minutes >= 120 && minutes % 60 === 0 ? `${minutes / 60} Stunden` : `${minutes} Minuten`,
          organiser: organizer?.name ?? series.title,
          issued: new Intl.DateTimeFormat('de-DE', { timeZone: tz, day: 'numeric', month: 'long', year: 'numeric' }).format(registration.attendedAt),
        },
      },
      { title: 'Teilnahmebescheinigung', network, date: registration.attendedAt.toISOString(), footerNote: `Reihe „${series.title}“`, keywords: ['Teilnahmebescheinigung', 'Webinar'] },
    );
    return pdfOf(bytes, `Teilnahmebescheinigung-${fileNamePart(person.displayName)}.pdf`);
  }
}
