import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { DomainErrorFilter } from './common/domain-error.filter.js';
import { ActionItemsModule } from './action-items/action-items.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { graphqlOptions } from './graphql/graphql.options.js';
import { GroupsModule } from './groups/groups.module.js';
import { HealthModule } from './health/health.module.js';
import { KnowledgeModule } from './knowledge/knowledge.module.js';
import { VideoModule } from './video/video.module.js';
import { WebinarsModule } from './webinars/webinars.module.js';
import { WorkshopsModule } from './workshops/workshops.module.js';
import { MailModule } from './mail/mail.module.js';
import { MatrixModule } from './matrix/matrix.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OparlModule } from './oparl/oparl.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { NetworksModule } from './networks/networks.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { PeopleModule } from './people/people.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RateLimitsModule } from './rate-limits/rate-limits.module.js';
import { ProtocolsModule } from './protocols/protocols.module.js';
import { RsvpModule } from './rsvp/rsvp.module.js';
import { SchedulingModule } from './scheduling/scheduling.module.js';
import { StorageModule } from './storage/storage.module.js';
import { WebModule } from './web/web.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config) }),
        StorageModule,
        RateLimitsModule,
        AuthModule,
        HealthModule,
        OrganizationsModule,
        PeopleModule,
        NetworksModule,
        GroupsModule,
        MeetingsModule,
        ActionItemsModule,
        ProtocolsModule,
        SchedulingModule,
        RsvpModule,
        CalendarModule,
        MatrixModule,
        WebModule,
        AuditModule,
        PrivacyModule,
        KnowledgeModule,
        WebinarsModule,
        WorkshopsModule,
        VideoModule,
        MetricsModule,
        MailModule,
        OutboxModule,
        OparlModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
