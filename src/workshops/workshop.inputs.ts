import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsOptional, Matches, MaxLength } from 'class-validator';
import { IsIdList, IsOptionalLabels } from '../common/list-validators.js';
import { DateScalar } from '../common/scalars.js';
import { atMostChars, IsId, IsIntBetween, IsName, IsOptionalText } from '../common/validators.js';

@InputType()
export class CreateWorkshopInput {
  @Field() @IsName() title: string;
  @Field(() => DateScalar) date: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(500) location?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() networkId?: string | null;
  @Field(() => [ID], { description: '1 to 3' }) @IsIdList(1, 3) municipalityIds: string[];
  @Field(() => [String], { nullable: true, description: 'the fields presented at the info stations; default all' })
  @IsOptionalLabels(50, 100)
  fieldOfActionKeys?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'dots per participant, 1 to 10; default 3 (extension)' }) @IsOptional() @IsIntBetween(1, 10) dotsPerParticipant?: number | null;
}

@InputType({ description: 'a field of action a municipality no longer chooses (extension)' })
export class ClearFieldOfActionInput {
  @Field(() => ID) @IsId() workshopId: string;
  @Field(() => ID) @IsId() organizationId: string;
  @Field() @Matches(/\S/, { message: 'darf nicht leer sein' }) @MaxLength(100, { message: atMostChars(100) }) fieldOfActionKey: string;
}

@InputType({ description: 'extension' })
export class RemoveWorkshopParticipantInput {
  @Field(() => ID) @IsId() workshopId: string;
  @Field(() => ID) @IsId() personId: string;
}

@InputType()
export class AddWorkshopParticipantInput {
  @Field(() => ID) @IsId() workshopId: string;
  @Field(() => ID) @IsId() personId: string;
  @Field(() => ID, { description: "one of the workshop's municipalities" }) @IsId() organizationId: string;
}

@InputType()
export class SelectFieldOfActionInput {
  @Field(() => ID) @IsId() workshopId: string;
  @Field(() => ID) @IsId() organizationId: string;
  @Field() @Matches(/\S/, { message: 'darf nicht leer sein' }) @MaxLength(100, { message: atMostChars(100) }) fieldOfActionKey: string;
  @Field(() => Int, { description: '1 = first' }) @IsIntBetween(1, 99) priority: number;
}

@InputType()
export class AddWorkshopIdeaInput {
  @Field(() => ID) @IsId() workshopId: string;
  @Field(() => ID) @IsId() organizationId: string;
  @Field() @Matches(/\S/, { message: 'darf nicht leer sein' }) @MaxLength(100, { message: atMostChars(100) }) fieldOfActionKey: string;
  @Field() @IsName() title: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(5000) description?: string | null;
}

@InputType()
export class AddIdeaStepInput {
  @Field(() => ID) @IsId() ideaId: string;
  @Field() @IsName() title: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(200) responsible?: string | null;
  @Field(() => DateScalar, { nullable: true }) dueOn?: string | null;
}

@InputType()
export class PromoteWorkshopIdeaInput {
  @Field(() => ID) @IsId() ideaId: string;
  @Field() @IsBoolean({ message: 'muss true oder false sein' }) toProjectGroup: boolean;
  @Field() @IsBoolean({ message: 'muss true oder false sein' }) toProjectProfile: boolean;
  @Field(() => ID, { nullable: true, description: "default: the workshop's network" }) @IsOptional() @IsId() networkId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() parentGroupId?: string | null;
}
