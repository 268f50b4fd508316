import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { IsId, IsIntBetween, IsName, IsOptionalHttpUrl, IsOptionalLine, IsOptionalText, IsSingleLine } from '../../common/validators.js';

@InputType()
export class CreateMeetingInput {
  @Field(() => ID) @IsId() groupId: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'darf höchstens 20 Gruppen nennen' })
  @IsUUID('all', { each: true, message: 'muss aus gültigen IDs (UUIDs) bestehen' })
  additionalGroupIds?: string[] | null;
  @Field() @IsName() title: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => String, { nullable: true, description: 'IANA time zone; default Europe/Berlin' }) @IsSingleLine() timeZone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalLine(500) location?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalHttpUrl() onlineUrl?: string | null;
}

@InputType()
export class RescheduleMeetingInput {
  @Field(() => ID) @IsId() meetingId: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
}

@InputType()
export class CancelMeetingInput {
  @Field(() => ID) @IsId() meetingId: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) reason?: string | null;
}

@InputType()
export class AddAgendaItemInput {
  @Field(() => ID) @IsId() meetingId: string;
  @Field() @IsName() title: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(10_000) description?: string | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsIntBetween(1, 1440)
  durationMinutes?: number | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() presenterId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() presenterOrganizationId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'default true; non-public items are redacted outside the meeting\'s groups' })
  @IsOptional()
  @IsBoolean({ message: 'muss true oder false sein' })
  public?: boolean | null;
}

@InputType()
export class AcceptAgendaItemInput {
  @Field(() => ID) @IsId() agendaItemId: string;
}

@InputType({ description: 'Removes an item, or turns down a proposal' })
export class RemoveAgendaItemInput {
  @Field(() => ID) @IsId() agendaItemId: string;
}

@InputType()
export class MoveAgendaItemInput {
  @Field(() => ID) @IsId() agendaItemId: string;
  @Field(() => Int) position: number;
}
