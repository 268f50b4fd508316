import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars.js';

@ObjectType('Workshop', { description: 'A Digital-Werkstatt: one day, one to three municipalities, at most 30 participants' })
export class WorkshopModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => DateScalar) date: string;
  @Field(() => String, { nullable: true }) location: string | null;
  @Field(() => Int, { description: 'dots each participant spreads over the ideas, at most one per idea (extension)' }) dotsPerParticipant: number;
  networkId: string | null;
  facilitatorId: string | null;
  createdById: string;
}

@ObjectType('WorkshopParticipant')
export class WorkshopParticipantModel {
  workshopId: string;
  personId: string;
  organizationId: string;
}

@ObjectType('FieldSelection')
export class FieldSelectionModel {
  workshopId: string;
  organizationId: string;
  fieldOfActionId: string;
  @Field(() => Int, { description: '1 = first' }) priority: number;
}

@ObjectType('WorkshopIdea')
export class WorkshopIdeaModel {
  @Field(() => ID) id: string;
  workshopId: string;
  organizationId: string;
  fieldOfActionId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  projectGroupId: string | null;
  projectProfileId: string | null;
  createdAt: Date;
}

@ObjectType('IdeaStep')
export class IdeaStepModel {
  @Field(() => ID) id: string;
  ideaId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) responsible: string | null;
  @Field(() => DateScalar, { nullable: true }) dueOn: string | null;
}

@ObjectType('DigitalStrategy')
export class DigitalStrategyModel {
  organizationId: string;
  @Field({ description: "German markdown: the chosen fields by priority, their ideas by votes, each idea's steps" }) markdown: string;
}
