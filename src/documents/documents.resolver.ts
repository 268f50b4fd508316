import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { ProjectProfileModel } from '../knowledge/knowledge.models.js';
import { AgendaItemModel, MeetingModel } from '../meetings/meeting.model.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { WebinarModel } from '../webinars/webinar.models.js';
import { WorkshopModel } from '../workshops/workshop.models.js';
import { DocumentParentType } from './document.enums.js';
import { DocumentModel, DocumentsOfParentModel, DocumentVersionModel, RemoveDocumentInput, RenameDocumentInput } from './document.model.js';
import { DocumentsService } from './documents.service.js';

@Resolver(() => DocumentModel)
export class DocumentsResolver {
  constructor(
    private readonly documents: DocumentsService,
    private readonly people: PeopleService,
  ) {}

  @Query(() => DocumentsOfParentModel, { description: 'the files of a meeting, agenda item, profile, webinar or workshop; NOT_FOUND where the caller does not see them' })
  @Public()
  async documentsOf(
    @CurrentViewer() viewer: Viewer | undefined,
    @Args('parentType', { type: () => DocumentParentType }) parentType: DocumentParentType,
    @Args('parentId', { type: () => ID }) parentId: string,
    @Context() ctx: GqlContext,
  ): Promise<DocumentsOfParentModel> {
    const parent = await this.documents.requireParent(viewer, parentType, parentId, ctx.loaders);
    const documents = (await this.documents.list(ctx.loaders, parentType, parentId)).map((d) => this.documents.toModel(viewer, parent, d));
    return { parentType, parentId, mayUpload: !!viewer && parent.upload, documents };
  }

  @Mutation(() => Boolean, { description: 'removes the document with all its versions (its uploader, or who manages the parent)' })
  @RequirePermission('document.manage')
  removeDocument(@CurrentViewer() viewer: Viewer, @Args('input') input: RemoveDocumentInput) {
    return this.documents.remove(viewer, input.documentId);
  }

  @Mutation(() => DocumentModel, { description: 'the ending must stay that of its type' })
  @RequirePermission('document.manage')
  async renameDocument(@CurrentViewer() viewer: Viewer, @Args('input') input: RenameDocumentInput) {
    const document = await this.documents.rename(viewer, input.documentId, input.name);
    const { parent } = await this.documents.require(viewer, document.id);
    return this.documents.toModel(viewer, parent, document);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'who uploaded the current version' })
  uploadedBy(d: DocumentModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, d.uploadedById);
  }

  @ResolveField(() => Int)
  async versionCount(d: DocumentModel, _args: unknown, ctx: GqlContext) {
    return (await this.documents.versions(ctx.loaders, d.id)).length;
  }

  @ResolveField(() => [DocumentVersionModel], { description: 'newest first' })
  async versions(d: DocumentModel, _args: unknown, ctx: GqlContext) {
    return (await this.documents.versions(ctx.loaders, d.id)).map((v) => this.documents.versionModel(v));
  }
}

@Resolver(() => DocumentVersionModel)
export class DocumentVersionsResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => PersonModel, { nullable: true })
  uploadedBy(v: DocumentVersionModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, v.uploadedById);
  }
}

/** `documents` of a parent: what the caller sees of it (empty where they see the parent but not its files). */
async function documentsOf(service: DocumentsService, ctx: GqlContext, type: DocumentParentType, id: string): Promise<DocumentModel[]> {
  const viewer = ctx.req.viewer;
  const parent = await service.visibleParent(viewer, type, id, ctx.loaders);
  if (!parent) return [];
  return (await service.list(ctx.loaders, type, id)).map((d) => service.toModel(viewer, parent, d));
}

const FIELD = { description: 'files (Sitzungsunterlagen), oldest first; upload with POST /documents?parentType=…&parentId=… (multipart, field "file")' };

@Resolver(() => MeetingModel)
export class MeetingDocumentsResolver {
  constructor(private readonly service: DocumentsService) {}
  @ResolveField(() => [DocumentModel], FIELD)
  documents(m: MeetingModel, _args: unknown, ctx: GqlContext) {
    return documentsOf(this.service, ctx, DocumentParentType.MEETING, m.id);
  }
}

@Resolver(() => AgendaItemModel)
export class AgendaItemDocumentsResolver {
  constructor(private readonly service: DocumentsService) {}
  @ResolveField(() => [DocumentModel], FIELD)
  documents(i: AgendaItemModel, _args: unknown, ctx: GqlContext) {
    return documentsOf(this.service, ctx, DocumentParentType.AGENDA_ITEM, i.id);
  }
}

@Resolver(() => ProjectProfileModel)
export class ProfileDocumentsResolver {
  constructor(private readonly service: DocumentsService) {}
  @ResolveField(() => [DocumentModel], FIELD)
  documents(p: ProjectProfileModel, _args: unknown, ctx: GqlContext) {
    return documentsOf(this.service, ctx, DocumentParentType.PROFILE, p.id);
  }
}

@Resolver(() => WebinarModel)
export class WebinarDocumentsResolver {
  constructor(private readonly service: DocumentsService) {}
  @ResolveField(() => [DocumentModel], FIELD)
  documents(w: WebinarModel, _args: unknown, ctx: GqlContext) {
    return documentsOf(this.service, ctx, DocumentParentType.WEBINAR, w.id);
  }
}

@Resolver(() => WorkshopModel)
export class WorkshopDocumentsResolver {
  constructor(private readonly service: DocumentsService) {}
  @ResolveField(() => [DocumentModel], FIELD)
  documents(w: WorkshopModel, _args: unknown, ctx: GqlContext) {
    return documentsOf(this.service, ctx, DocumentParentType.WORKSHOP, w.id);
  }
}
