import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { MarkWebinarAttendanceInput, WebinarParticipantModel } from './participant.model.js';
import { ParticipantsService } from './participants.service.js';

@Resolver()
export class WebinarParticipantsResolver {
  constructor(private readonly participants: ParticipantsService) {}

  @Query(() => [WebinarParticipantModel], {
    description: "the series' organizers: who registered (confirmed, then the waitlist), with e-mail and attendance; NOT_FOUND for everyone else (extension)",
  })
  @RequirePermission('webinar.manage')
  webinarParticipants(@CurrentViewer() viewer: Viewer, @Args('webinarId', { type: () => ID }) webinarId: string) {
    return this.participants.list(viewer, webinarId);
  }

  @Mutation(() => WebinarParticipantModel, { description: "the series' organizers, once the webinar has begun: a confirmed participant took part (or not) (extension)" })
  @RequirePermission('webinar.manage')
  markWebinarAttendance(@CurrentViewer() viewer: Viewer, @Args('input') input: MarkWebinarAttendanceInput) {
    return this.participants.markAttendance(viewer, input);
  }
}
