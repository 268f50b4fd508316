import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars.js';
import { ProjectStatus, Visibility } from './knowledge.enums.js';

@ObjectType('FieldOfAction', { description: 'A field of action of the Digital-Werkstatt; data with a stable key' })
export class FieldOfActionModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType('ProjectProfile', { description: 'A best-practice profile ("Steckbrief")' })
export class ProjectProfileModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field({ description: 'at most 500 characters' }) summary: string;
  @Field(() => String, { nullable: true, description: 'markdown: problem, approach, what went wrong, lessons learned' }) body: string | null;
  @Field(() => [String]) tags: string[];
  @Field(() => ProjectStatus) status: ProjectStatus;
  @Field(() => DateScalar, { nullable: true }) startedOn: string | null;
  @Field(() => String, { nullable: true }) costsNote: string | null;
  @Field(() => String, { nullable: true }) fundingNote: string | null;
  @Field(() => [String], { description: 'http(s) only' }) links: string[];
  @Field(() => Visibility) visibility: Visibility;
  @Field(() => Int) version: number;
  @Field() updatedAt: Date;
  contactId: string | null;
  networkId: string | null;
  createdById: string;
}

@ObjectType('ProjectProfileHit')
export class ProjectProfileHitModel {
  @Field(() => ProjectProfileModel) profile: ProjectProfileModel;
  @Field(() => Float) rank: number;
  @Field(() => String, { nullable: true, description: 'HTML: the matching passage, matches in <mark>…</mark>, everything else escaped' })
  snippet: string | null;
}

@ObjectType('ProjectProfileSearch')
export class ProjectProfileSearchModel {
  @Field(() => Int, { description: 'all matches the caller may see' }) total: number;
  @Field(() => [ProjectProfileHitModel]) hits: ProjectProfileHitModel[];
}
