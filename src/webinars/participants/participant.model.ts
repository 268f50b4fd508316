import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { IsId } from '../../common/validators.js';
import { RegistrationStatus } from '../webinar.enums.js';

/**
 * One line of a webinar's participant list, for its organizers only (name, organization and e-mail
 * are personal data the organizers need for the certificate of attendance). Cancelled registrations
 * are not listed: they gave up their place.
 */
@ObjectType('WebinarParticipant')
export class WebinarParticipantModel {
  @Field(() => ID, { description: 'the registration' }) id: string;
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true, description: 'the organization the person registered for' }) organizationName: string | null;
  @Field({ description: 'when the person registered' }) registeredAt: Date;
  @Field(() => RegistrationStatus, { description: 'CONFIRMED or WAITLISTED' }) status: RegistrationStatus;
  @Field(() => Int, { nullable: true, description: '1..n while WAITLISTED' }) waitlistPosition: number | null;
  @Field(() => Date, { nullable: true, description: 'set by an organizer: the person took part (certificate of attendance)' }) attendedAt: Date | null;
}

@InputType()
export class MarkWebinarAttendanceInput {
  @Field(() => ID) @IsId() webinarId: string;
  @Field(() => ID) @IsId() personId: string;
  @Field() @IsBoolean({ message: 'muss true oder false sein' }) attended: boolean;
}
