import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { DomainError } from '../common/domain-error.js';
import { IdeaPromotionService } from './idea-promotion.service.js';
import { IdeasService } from './ideas.service.js';
import {
  AddIdeaStepInput, AddWorkshopIdeaInput, AddWorkshopParticipantInput, ClearFieldOfActionInput, CreateWorkshopInput, PromoteWorkshopIdeaInput,
  RemoveWorkshopParticipantInput, SelectFieldOfActionInput,
} from './workshop.inputs.js';
import { FieldSelectionModel, IdeaStepModel, WorkshopIdeaModel, WorkshopModel, WorkshopParticipantModel } from './workshop.models.js';
import { WorkshopsService } from './workshops.service.js';

@Resolver()
export class WorkshopsResolver {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly ideas: IdeasService,
    private readonly promotion: IdeaPromotionService,
  ) {}

  @Query(() => WorkshopModel, { nullable: true, description: 'facilitators, participants and people acting for one of its municipalities' })
  @RequirePermission('workshop.read')
  async workshop(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    try {
      return (await this.workshops.require(viewer, id)).workshop;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  @Mutation(() => WorkshopModel, { description: 'network ADMIN/MODERATOR or hub admin; the caller\'s organization facilitates' })
  @RequirePermission('workshop.create')
  createWorkshop(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateWorkshopInput) {
    return this.workshops.create(viewer, input);
  }

  @Mutation(() => WorkshopParticipantModel, { description: 'facilitators; the 31st: CONFLICT' })
  @RequirePermission('workshop.facilitate')
  addWorkshopParticipant(@CurrentViewer() viewer: Viewer, @Args('input') input: AddWorkshopParticipantInput) {
    return this.workshops.addParticipant(viewer, input);
  }

  @Mutation(() => Boolean, { description: 'facilitators; their dots go, their ideas stay; false when the person was not listed (extension)' })
  @RequirePermission('workshop.facilitate')
  removeWorkshopParticipant(@CurrentViewer() viewer: Viewer, @Args('input') input: RemoveWorkshopParticipantInput) {
    return this.workshops.removeParticipant(viewer, input);
  }

  @Mutation(() => FieldSelectionModel, { description: 'participants for their municipality; a priority another field already has: BAD_USER_INPUT on priority' })
  @RequirePermission('workshop.participate')
  selectFieldOfAction(@CurrentViewer() viewer: Viewer, @Args('input') input: SelectFieldOfActionInput) {
    return this.workshops.selectField(viewer, input);
  }

  @Mutation(() => Boolean, { description: 'participants for their municipality: the field is no longer chosen, its priority free (extension)' })
  @RequirePermission('workshop.participate')
  clearFieldOfAction(@CurrentViewer() viewer: Viewer, @Args('input') input: ClearFieldOfActionInput) {
    return this.workshops.clearField(viewer, input);
  }

  @Mutation(() => WorkshopIdeaModel, { description: 'participants' })
  @RequirePermission('workshop.participate')
  addWorkshopIdea(@CurrentViewer() viewer: Viewer, @Args('input') input: AddWorkshopIdeaInput) {
    return this.ideas.add(viewer, input);
  }

  @Mutation(() => WorkshopIdeaModel, { description: "participants; the workshop's dotsPerParticipant each (default 3), at most one per idea (one more: CONFLICT)" })
  @RequirePermission('workshop.participate')
  voteWorkshopIdea(@CurrentViewer() viewer: Viewer, @Args('ideaId', { type: () => ID }) ideaId: string, @Args('vote') vote: boolean) {
    return this.ideas.vote(viewer, ideaId, vote);
  }

  @Mutation(() => IdeaStepModel, { description: "participants of the idea's municipality and facilitators; others FORBIDDEN" })
  @RequirePermission('workshop.participate')
  addIdeaStep(@CurrentViewer() viewer: Viewer, @Args('input') input: AddIdeaStepInput) {
    return this.ideas.addStep(viewer, input);
  }

  @Mutation(() => WorkshopIdeaModel, { description: 'facilitators: a PROJECT_GROUP and/or a ProjectProfile, once (idempotent, also under concurrent calls)' })
  @RequirePermission('workshop.facilitate')
  promoteWorkshopIdea(@CurrentViewer() viewer: Viewer, @Args('input') input: PromoteWorkshopIdeaInput) {
    return this.promotion.promote(viewer, input);
  }
}
