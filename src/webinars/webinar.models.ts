import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Visibility } from '../knowledge/knowledge.enums.js';
import { RegistrationStatus } from './webinar.enums.js';

@ObjectType('EventSeries', { description: 'e.g. "Digital ins Wochenende": weekly talks from practitioners' })
export class EventSeriesModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Visibility) visibility: Visibility;
  organizerId: string;
  networkId: string | null;
  createdById: string;
}

@ObjectType('Webinar')
export class WebinarModel {
  @Field(() => ID) id: string;
  seriesId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() timeZone: string;
  @Field(() => Int, { nullable: true, description: 'null = unlimited' }) capacity: number | null;
  @Field(() => String, { nullable: true }) recordingUrl: string | null;
  onlineUrl: string | null;
  cancelled: boolean;
  cancelReason: string | null;
  /** Set by the resolver that loaded it: the webinar's series (for visibility and organizers). */
  series?: EventSeriesModel;
}

@ObjectType('Speaker')
export class SpeakerModel {
  /** Resolved by a field resolver: a linked person's name only with their consent where no one is signed in. */
  name: string;
  @Field(() => String, { nullable: true }) role: string | null;
  organizationId: string | null;
  personId: string | null;
}

@ObjectType('WebinarRegistration')
export class WebinarRegistrationModel {
  @Field(() => ID) id: string;
  webinarId: string;
  personId: string;
  organizationId: string | null;
  @Field(() => RegistrationStatus) status: RegistrationStatus;
  @Field(() => Int, { nullable: true, description: '1..n while WAITLISTED' }) waitlistPosition: number | null;
  @Field(() => Date, { nullable: true, description: 'when the organizers marked the person present (then a Teilnahmebescheinigung is available)' })
  attendedAt: Date | null;
}

