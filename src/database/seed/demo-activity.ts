import type { INestApplicationContext, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays } from '../../../libs/recurrence/index.js';
import { devSubject } from '../../auth/dev-keys.js';
import { Viewer } from '../../auth/viewer.js';
import { Clock } from '../../common/clock.js';
import { todayInBerlin } from '../../common/scalars.js';
import { DEV_ISSUER } from '../../config/config.js';
import { GroupEntity } from '../../groups/group.entity.js';
import { NetworkEntity } from '../../networks/entities/network.entity.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { seedDemoEvents } from './demo-activity-events.js';
import { seedDemoMeetings } from './demo-activity-meetings.js';
import { DEMO_NETWORKS } from './demo-data.js';

/**
 * What the demo people see a network doing (issue 22.1): meetings with agendas and protocols,
 * tasks, a join request, a webinar, a workshop. Built through the owning modules' services, as the
 * demo people themselves, so every audit line, revision and outbox event is the one the real
 * operation records. Dates are relative to the injected Clock's now, so a hub started any day
 * shows an upcoming jour fixe and a protocol of the last one.
 */
export interface DemoActivitySummary {
  meetings: number;
  actionItems: number;
  joinRequests: number;
  webinars: number;
  workshops: number;
}

/** The demo's people, organizations and groups by their keys, and the services, for the parts of the activity. */
export class DemoContext {
  /** The Berlin date of "now". */
  readonly today: string;

  constructor(
    private readonly app: INestApplicationContext,
    readonly db: DataSource,
    readonly now: Date,
  ) {
    this.today = todayInBerlin(now);
  }

  /** A provider of the hub (a service, or a token such as APP_CONFIG). */
  service<T>(type: Type<T> | symbol): T {
    return this.app.get(type as Type<T>, { strict: false });
  }

  /** A development sign-in person of the demo, acting as at sign-in. */
  async viewer(username: string): Promise<Viewer> {
    const person = await this.db.getRepository(PersonEntity).findOneByOrFail({ issuer: DEV_ISSUER, subject: devSubject(username) });
    return new Viewer(person, false, this.db);
  }

  async personId(username: string): Promise<string> {
    return (await this.viewer(username)).personId;
  }

  /** An organization by its demo key (the city's name, or "agentur"). */
  async organizationId(key: string): Promise<string> {
    const name = key === 'agentur' ? 'Moderationsagentur re@di (Demo)' : `Stadt ${key}`;
    return (await this.db.getRepository(OrganizationEntity).findOneByOrFail({ name })).id;
  }

  async network(slug: string): Promise<NetworkEntity> {
    return this.db.getRepository(NetworkEntity).findOneByOrFail({ slug });
  }

  /** A group by its network's slug and its demo key (demo-data.ts). */
  async group(slug: string, key: string): Promise<GroupEntity> {
    const name = DEMO_NETWORKS.find((n) => n.slug === slug)!.groups.find((g) => g.key === key)!.name;
    return this.db.getRepository(GroupEntity).findOneByOrFail({ networkId: (await this.network(slug)).id, name });
  }

  /** A Berlin date `days` from today. */
  day(days: number): string {
    return addDays(this.today, days);
  }

  /** The first working day (Monday to Friday) `days` or more from today. */
  workday(days: number): string {
    let date = this.day(days);
    while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())) date = addDays(date, 1);
    return date;
  }
}

/**
 * Loads the activity once: each part is found by its natural key (a title in its group, the
 * requesting organization) before it is built, so a second run adds nothing. Needs the demo
 * networks (seedDemo) first.
 */
export async function seedDemoActivity(app: INestApplicationContext, clock: Clock = app.get(Clock, { strict: false })): Promise<DemoActivitySummary> {
  const ctx = new DemoContext(app, app.get(DataSource), clock.now());
  const meetings = await seedDemoMeetings(ctx);
  const events = await seedDemoEvents(ctx);
  return { ...meetings, ...events };
}
