import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../../auth/auth.decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GqlContext } from '../../common/request-loaders.js';
import { MeetingAccessService } from '../../meetings/meeting-access.service.js';
import { PeopleService } from '../../people/people.service.js';
import { PersonModel } from '../../people/person.model.js';
import { ProtocolStatus } from '../protocol.enums.js';
import { ProtocolModel } from '../protocol.model.js';
import { ProtocolsService } from '../protocols.service.js';
import { protocolWithCorrections } from './correction-chain.js';
import { AddProtocolCorrectionInput, ProtocolCorrectionModel } from './correction.model.js';
import { ProtocolCorrectionsService } from './corrections.service.js';

@Resolver(() => ProtocolModel)
export class ProtocolCorrectionsResolver {
  constructor(
    private readonly correctionService: ProtocolCorrectionsService,
    private readonly protocols: ProtocolsService,
    private readonly meetingAccess: MeetingAccessService,
    private readonly people: PeopleService,
  ) {}

  @Mutation(() => ProtocolModel, { description: 'Adds a Berichtigung to a PUBLISHED protocol (CONFLICT otherwise); permanent, announced like the publication' })
  @RequirePermission('protocol.manage')
  addProtocolCorrection(@CurrentViewer() viewer: Viewer, @Args('input') input: AddProtocolCorrectionInput) {
    return this.correctionService.add(viewer, input);
  }

  @ResolveField(() => [ProtocolCorrectionModel], { description: 'the Berichtigungen of a published protocol, oldest first (a hash chain from contentHash)' })
  corrections(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    return this.correctionService.forProtocol(ctx.loaders, protocol);
  }

  @ResolveField(() => String, {
    description: 'for download: markdown as this caller reads it, and once published its Berichtigungen after it (the published text unchanged, byte for byte)',
  })
  async exportMarkdown(protocol: ProtocolModel, _args: unknown, ctx: GqlContext) {
    const markdown = await this.protocols.markdown(protocol);
    if (protocol.status !== ProtocolStatus.PUBLISHED) return markdown;
    const [corrections, meeting] = await Promise.all([this.correctionService.forProtocol(ctx.loaders, protocol), this.meetingAccess.load(ctx.loaders, protocol.meetingId)]);
    const rendered = await Promise.all(
      corrections.map(async (c) => ({ ...c, timeZone: meeting!.timeZone, authorName: (await authorOf(this.people, c, ctx))?.displayName ?? null })),
    );
    return protocolWithCorrections(markdown, rendered, meeting!.title);
  }

}

/** Who wrote it: like who published the protocol, named only to the meeting's groups. */
const authorOf = (people: PeopleService, c: ProtocolCorrectionModel, ctx: GqlContext) =>
  c.access === 'network' ? Promise.resolve(null) : people.load(ctx.loaders, c.authorId);

@Resolver(() => ProtocolCorrectionModel)
export class ProtocolCorrectionResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => PersonModel, { nullable: true, description: "who added it; like who published the protocol, only for the meeting's groups" })
  author(correction: ProtocolCorrectionModel, _args: unknown, ctx: GqlContext) {
    return authorOf(this.people, correction, ctx);
  }
}
