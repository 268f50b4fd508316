import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { WebinarRegistrationEntity } from './entities/webinar-registration.entity.js';
import { WebinarsService } from './webinars.service.js';
import { lockWebinar, release } from './seats.js';
import { registrationConfirmed } from './webinar-events.js';
import { RegistrationStatus } from './webinar.enums.js';
import type { RegisterForWebinarInput } from './webinar.inputs.js';

/**
 * Registrations. Every change to a webinar's registrations first locks the webinar's row (seats.ts),
 * so they happen one after another: seats are counted exactly, waitlist positions stay 1..n without
 * gaps or duplicates (a deferred unique constraint guards that too), and a freed seat goes to
 * position 1.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly webinars: WebinarsService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Anyone who sees the webinar, until it starts. Full: WAITLISTED. Registering again returns the same registration. */
  async register(viewer: Viewer, input: RegisterForWebinarInput): Promise<WebinarRegistrationEntity> {
    const { webinar, series } = await this.webinars.require(viewer, input.webinarId);
    const organizationId = input.organizationId
      ? (await this.organizations.requireExisting(input.organizationId, 'organizationId')).id
      : await this.defaultOrganization(viewer, series.networkId);
    return this.db.transaction(async (tx) => {
      const locked = await lockWebinar(tx, webinar.id);
      const repo = tx.getRepository(WebinarRegistrationEntity);
      const existing = await repo.findOneBy({ webinarId: webinar.id, personId: viewer.personId });
      if (existing && existing.status !== RegistrationStatus.CANCELLED) return existing;
      if (locked.cancelled) throw new DomainError('CONFLICT', 'Das Webinar wurde abgesagt.');
      if (locked.starts_at.getTime() <= Date.now()) throw new DomainError('CONFLICT', 'Die Anmeldung ist geschlossen: Das Webinar hat bereits begonnen.');
      const [{ confirmed, last }] = await tx.query<{ confirmed: number; last: number }[]>(
        `SELECT count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed, coalesce(max(waitlist_position), 0)::int AS last
           FROM webinar_registration WHERE webinar_id = $1`,
        [webinar.id],
      );
      const seat = locked.capacity === null || confirmed < locked.capacity;
      const row = {
        webinarId: webinar.id, personId: viewer.personId, organizationId,
        status: seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED, waitlistPosition: seat ? null : last + 1,
      };
      const saved = existing ? await repo.save({ ...existing, ...row }) : await repo.save(row);
      if (seat) await registrationConfirmed(tx, saved, false);
      return saved;
    });
  }

  /** Frees the seat (or the waitlist place): the first on the waitlist becomes CONFIRMED and is notified. */
  async cancel(viewer: Viewer, webinarId: string): Promise<WebinarRegistrationEntity> {
    const { webinar } = await this.webinars.require(viewer, webinarId);
    return this.db.transaction(async (tx) => {
      const locked = await lockWebinar(tx, webinar.id);
      const repo = tx.getRepository(WebinarRegistrationEntity);
      const mine = await repo.findOneBy({ webinarId: webinar.id, personId: viewer.personId });
      if (!mine) throw notFound('Anmeldung');
      if (mine.status !== RegistrationStatus.CANCELLED) await release(tx, locked, mine);
      return repo.findOneByOrFail({ id: mine.id });
    });
  }

  /** The caller's registration for the webinar (any status), or null. */
  mine(loaders: RequestLoaders, viewer: Viewer, webinarId: string): Promise<WebinarRegistrationEntity | null> {
    return loaders
      .get('webinar.myRegistration', () =>
        oneByKey((ids) => this.db.getRepository(WebinarRegistrationEntity).findBy({ webinarId: In(ids), personId: viewer.personId }), (r) => r.webinarId),
      )
      .load(webinarId);
  }

  async counts(loaders: RequestLoaders, webinarId: string): Promise<{ confirmed: number; waitlisted: number }> {
    const row = await loaders
      .get('webinar.counts', () =>
        oneByKey(
          (ids) =>
            this.db.query<{ webinar_id: string; confirmed: number; waitlisted: number }[]>(
              `SELECT webinar_id, count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed, count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
                 FROM webinar_registration WHERE webinar_id = ANY($1) GROUP BY webinar_id`,
              [ids],
            ),
          (r) => r.webinar_id,
        ),
      )
      .load(webinarId);
    return { confirmed: row?.confirmed ?? 0, waitlisted: row?.waitlisted ?? 0 };
  }

  /** The organization the caller acts for in the series' network, if any. */
  private async defaultOrganization(viewer: Viewer, networkId: string | null): Promise<string | null> {
    if (!networkId) return null;
    const [row] = await this.db.query<{ organization_id: string | null }[]>('SELECT organization_id FROM network_role WHERE network_id = $1 AND person_id = $2', [
      networkId,
      viewer.personId,
    ]);
    return row?.organization_id ?? null;
  }
}
