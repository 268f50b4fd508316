import { Module } from '@nestjs/common';
import { KnowledgeModule } from '../knowledge/knowledge.module.js';
import { NetworksModule } from '../networks/networks.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PeopleModule } from '../people/people.module.js';
import { VideoModule } from '../video/video.module.js';
import { EventSeriesService } from './event-series.service.js';
import { MyEventSeriesResolver } from './my-event-series.resolver.js';
import { WebinarParticipantsResolver } from './participants/participants.resolver.js';
import { ParticipantsService } from './participants/participants.service.js';
import { CertificatePdfController } from './participants/certificate-pdf.controller.js';
import { CertificateService } from './participants/certificate.service.js';
import { MyCertificatesResolver } from './participants/my-certificates.resolver.js';
import { RegistrationsService } from './registrations.service.js';
import { EventSeriesFieldsResolver, SpeakerFieldsResolver, WebinarFieldsResolver, WebinarRegistrationFieldsResolver } from './webinar-fields.resolver.js';
import { WebinarsResolver } from './webinars.resolver.js';
import { WebinarsService } from './webinars.service.js';

/** Webinar series ("Digital ins Wochenende"), webinars and registration with a waitlist. */
@Module({
  imports: [KnowledgeModule, NetworksModule, OrganizationsModule, PeopleModule, VideoModule],
  controllers: [CertificatePdfController],
  providers: [CertificateService, MyCertificatesResolver, 
    EventSeriesService, WebinarsService, RegistrationsService, WebinarsResolver,
    WebinarFieldsResolver, EventSeriesFieldsResolver, SpeakerFieldsResolver, WebinarRegistrationFieldsResolver, MyEventSeriesResolver,
    ParticipantsService, WebinarParticipantsResolver,
  ],
  exports: [WebinarsService, EventSeriesService],
})
export class WebinarsModule {}
