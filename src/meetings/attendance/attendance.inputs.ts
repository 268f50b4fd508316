import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsId, IsName, IsOptionalLine } from '../../common/validators.js';
import { AttendanceRole, AttendanceStatus } from '../meeting.enums.js';

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID) @IsId() meetingId: string;
  @Field(() => ID) @IsId() personId: string;
  @Field(() => AttendanceStatus) status: AttendanceStatus;
  @Field(() => ID, { nullable: true, description: 'the organization the person attends for; required for a DEPUTY' })
  @IsOptional()
  @IsId()
  organizationId?: string | null;
  @Field(() => AttendanceRole, { nullable: true, description: "default MEMBER for members of the meeting's groups, GUEST for anyone else of the network; not EXTERNAL" })
  role?: AttendanceRole | null;
}

@InputType()
export class RemoveAttendanceInput {
  @Field(() => ID) @IsId() meetingId: string;
  @Field(() => ID) @IsId() personId: string;
}

@InputType()
export class AddExternalAttendeeInput {
  @Field(() => ID) @IsId() meetingId: string;
  @Field() @IsName() name: string;
  @Field(() => String, { nullable: true }) @IsOptionalLine(200) organizationName?: string | null;
  @Field(() => AttendanceRole, { nullable: true, description: 'EXTERNAL (default), GUEST or SPEAKER' }) role?: AttendanceRole | null;
  @Field(() => AttendanceStatus, { nullable: true, description: 'default PRESENT' }) status?: AttendanceStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'default false: never named in public' })
  @IsOptional()
  @IsBoolean({ message: 'muss true oder false sein' })
  consentToPublish?: boolean | null;
}

@InputType({ description: 'Changes what is given; a frozen meeting still takes a withdrawn consent' })
export class UpdateExternalAttendeeInput {
  @Field(() => ID) @IsId() externalAttendeeId: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsName() name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalLine(200) organizationName?: string | null;
  @Field(() => AttendanceRole, { nullable: true }) role?: AttendanceRole | null;
  @Field(() => AttendanceStatus, { nullable: true }) status?: AttendanceStatus | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'muss true oder false sein' })
  consentToPublish?: boolean | null;
}

@InputType()
export class RemoveExternalAttendeeInput {
  @Field(() => ID) @IsId() externalAttendeeId: string;
}
