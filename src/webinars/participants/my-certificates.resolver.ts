import { Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, Not, IsNull, type DataSource } from 'typeorm';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { WebinarRegistrationEntity } from '../entities/webinar-registration.entity.js';
import { WebinarEntity } from '../entities/webinar.entity.js';
import { RegistrationStatus } from '../webinar.enums.js';
import { WebinarModel } from '../webinar.models.js';

/**
 * Query.myWebinarCertificates: the webinars the caller was marked present at (newest first), each
 * with a Teilnahmebescheinigung at GET /api/webinars/:id/certificate.pdf. Past webinars leave the
 * webinar list; the certificate stays reachable here.
 */
@Resolver(() => WebinarModel)
export class MyCertificatesResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Query(() => [WebinarModel], { description: 'the webinars the caller was marked present at, newest first (each has a Teilnahmebescheinigung as PDF)' })
  @RequirePermission('person.self')
  async myWebinarCertificates(@CurrentViewer() viewer: Viewer): Promise<WebinarEntity[]> {
    const registrations = await this.db.getRepository(WebinarRegistrationEntity).find({
      where: { personId: viewer.personId, status: RegistrationStatus.CONFIRMED, attendedAt: Not(IsNull()) },
      take: 100,
    });
    if (!registrations.length) return [];
    return this.db.getRepository(WebinarEntity).find({ where: { id: In(registrations.map((r) => r.webinarId)) }, order: { startsAt: 'DESC' } });
  }
}
