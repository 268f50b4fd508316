import { Context, Field, Int, ObjectType, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import type { GqlContext } from '../common/request-loaders.js';
import { actingFor } from '../knowledge/visibility.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { WorkshopEntity } from './entities/workshop.entity.js';
import { IdeasService } from './ideas.service.js';
import { WorkshopModel } from './workshop.models.js';
import { WorkshopsService } from './workshops.service.js';

export enum WorkshopViewerRole {
  FACILITATOR = 'FACILITATOR',
  PARTICIPANT = 'PARTICIPANT',
  VIEWER = 'VIEWER',
}
registerEnumType(WorkshopViewerRole, { name: 'WorkshopViewerRole', description: 'What the caller is in a Digital-Werkstatt (extension)' });

@ObjectType('WorkshopViewer', { description: "The caller's part in a workshop (extension)" })
export class WorkshopViewerModel {
  @Field(() => WorkshopViewerRole) role: WorkshopViewerRole;
  @Field(() => Int, { nullable: true, description: "participants: the dots they have not given yet (the workshop's dotsPerParticipant less those on ideas); null for others" })
  dotsLeft: number | null;
  organizationId: string | null;
}

/**
 * Query.myWorkshops and Workshop.viewer: what the web client needs to find a Digital-Werkstatt and
 * to show each person their part in it (extensions; the contract only has workshop(id)).
 */
@Resolver(() => WorkshopModel)
export class MyWorkshopsResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workshops: WorkshopsService,
    private readonly ideas: IdeasService,
  ) {}

  @Query(() => [WorkshopModel], {
    description: 'the workshops the caller may open (facilitated, taken part in, of their networks or municipalities), newest date first (extension)',
  })
  @RequirePermission('signed-in')
  async myWorkshops(@CurrentViewer() viewer: Viewer, @Context() ctx: GqlContext) {
    const organizations = [...(await actingFor(this.db, viewer.personId))];
    // Candidates by the same rules as roleOf (one query), then each checked by roleOf itself.
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT w.id FROM workshop w
        WHERE $3 OR w.created_by_id = $1
           OR w.id IN (SELECT workshop_id FROM workshop_participant WHERE person_id = $1)
           OR w.network_id IN (SELECT network_id FROM network_role WHERE person_id = $1 AND role IN ('ADMIN', 'MODERATOR'))
           OR w.facilitator_id = ANY($2::uuid[])
           OR w.id IN (SELECT workshop_id FROM workshop_municipality WHERE organization_id = ANY($2::uuid[]))
        ORDER BY w.date DESC LIMIT 100`,
      [viewer.personId, organizations, viewer.hubAdmin],
    );
    if (!rows.length) return [];
    const found = await this.db.getRepository(WorkshopEntity).find({ where: { id: In(rows.map((r) => r.id)) }, order: { date: 'DESC' } });
    const allowed = await Promise.all(found.map((w) => this.workshops.roleOf(viewer, w, ctx.loaders)));
    return found.filter((_, i) => allowed[i]);
  }

  @ResolveField(() => WorkshopViewerModel, { nullable: true, description: "the caller's part in the workshop (extension)" })
  async viewer(workshop: WorkshopEntity, _args: unknown, ctx: GqlContext): Promise<WorkshopViewerModel | null> {
    if (!ctx.req.viewer) return null;
    const access = await this.workshops.roleOf(ctx.req.viewer, workshop, ctx.loaders);
    if (!access) return null;
    const dotsLeft = access.role === 'participant' ? workshop.dotsPerParticipant - (await this.ideas.dotsUsed(ctx.loaders, ctx.req.viewer.personId, workshop.id)) : null;
    return { role: access.role.toUpperCase() as WorkshopViewerRole, dotsLeft, organizationId: access.participantOrganizationId };
  }
}

@Resolver(() => WorkshopViewerModel)
export class WorkshopViewerResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'the municipality a participant takes part for' })
  organization(viewer: WorkshopViewerModel, _args: unknown, ctx: GqlContext) {
    return this.organizations.load(ctx.loaders, viewer.organizationId);
  }
}
