import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { IsIdList, IsOptionalHttpUrls, IsOptionalLabels } from '../common/list-validators.js';
import { DateScalar } from '../common/scalars.js';
import { IsId, IsName, IsOptionalText } from '../common/validators.js';
import { ProjectStatus, Visibility } from './knowledge.enums.js';

const NOT_BLANK = () => Matches(/\S/, { message: 'darf nicht leer sein' });

@InputType()
export class CreateProjectProfileInput {
  @Field() @IsName() title: string;
  @Field({ description: 'at most 500 characters' }) @IsOptionalText(500) @NOT_BLANK() summary: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(50_000) body?: string | null;
  @Field(() => [ID]) @IsIdList(1, 10) organizationIds: string[];
  @Field(() => [String], { nullable: true }) @IsOptionalLabels(20, 100) fieldOfActionKeys?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptionalLabels(20, 60) tags?: string[] | null;
  @Field(() => ProjectStatus) status: ProjectStatus;
  @Field(() => DateScalar, { nullable: true }) startedOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) costsNote?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) fundingNote?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() contactId?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptionalHttpUrls(20) links?: string[] | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() networkId?: string | null;
  @Field(() => Visibility) visibility: Visibility;
}

/** Omitted fields stay as they are; `null` clears an optional one. */
@InputType()
export class UpdateProjectProfileInput {
  @Field(() => ID) @IsId() id: string;
  @Field(() => Int, { description: 'the version the change is based on; a stale one is CONFLICT' }) expectedVersion: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsName() title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(500) @IsOptional() @NOT_BLANK() summary?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(50_000) body?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptionalLabels(20, 100) fieldOfActionKeys?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptionalLabels(20, 60) tags?: string[] | null;
  @Field(() => ProjectStatus, { nullable: true }) status?: ProjectStatus | null;
  @Field(() => DateScalar, { nullable: true }) startedOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) costsNote?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) fundingNote?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() contactId?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptionalHttpUrls(20) links?: string[] | null;
  @Field(() => Visibility, { nullable: true }) visibility?: Visibility | null;
}
