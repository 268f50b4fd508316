import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { atMostEntries, IsOptionalIdList } from '../common/list-validators.js';
import { IsId, IsIntBetween, IsName, IsOptionalHttpUrl, IsOptionalText } from '../common/validators.js';
import { Visibility } from '../knowledge/knowledge.enums.js';

@InputType()
export class CreateEventSeriesInput {
  @Field() @IsName() title: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(10_000) description?: string | null;
  @Field(() => ID) @IsId() organizerId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() networkId?: string | null;
  @Field(() => Visibility) visibility: Visibility;
}

@InputType()
export class SpeakerInput {
  @Field() @IsName() name: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(200) role?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() organizationId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() personId?: string | null;
}

@InputType()
export class ScheduleWebinarInput {
  @Field(() => ID) @IsId() seriesId: string;
  @Field() @IsName() title: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(10_000) description?: string | null;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => String, { nullable: true, description: 'IANA time zone; default Europe/Berlin' }) timeZone?: string | null;
  @Field(() => [SpeakerInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: atMostEntries(20) })
  @ValidateNested({ each: true })
  @Type(() => SpeakerInput)
  speakers?: SpeakerInput[] | null;
  @Field(() => [ID], { nullable: true }) @IsOptionalIdList(20) projectProfileIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'null = unlimited' }) @IsOptional() @IsIntBetween(1, 100_000) capacity?: number | null;
  @Field(() => String, { nullable: true, description: 'a link set by hand; wins over a generated video room' }) @IsOptionalHttpUrl() onlineUrl?: string | null;
}

@InputType()
export class RegisterForWebinarInput {
  @Field(() => ID) @IsId() webinarId: string;
  @Field(() => ID, { nullable: true, description: 'default: the organization the caller acts for in the series\' network' }) @IsOptional() @IsId() organizationId?: string | null;
}
