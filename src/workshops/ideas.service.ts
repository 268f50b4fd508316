import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, oneByKey, type RequestLoaders } from '../common/request-loaders.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { IdeaStepEntity, IdeaVoteEntity, WorkshopIdeaEntity } from './entities/workshop-idea.entity.js';
import { FieldSelectionEntity, type WorkshopEntity } from './entities/workshop.entity.js';
import { renderStrategy, type StrategyDocument } from './strategy-markdown.js';
import type { AddIdeaStepInput, AddWorkshopIdeaInput } from './workshop.inputs.js';
import { WorkshopsService, type WorkshopAccess } from './workshops.service.js';

export interface IdeaWithVotes extends WorkshopIdeaEntity { votes: number }

@Injectable()
export class IdeasService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workshops: WorkshopsService,
  ) {}

  async add(viewer: Viewer, input: AddWorkshopIdeaInput): Promise<WorkshopIdeaEntity> {
    const access = await this.workshops.require(viewer, input.workshopId, 'participant');
    this.workshops.requireOwnMunicipality(access, input.organizationId);
    await this.workshops.requireMunicipality(access.workshop.id, input.organizationId);
    const field = await this.workshops.presentedField(access.workshop.id, input.fieldOfActionKey);
    return this.db.getRepository(WorkshopIdeaEntity).save({
      workshopId: access.workshop.id, organizationId: input.organizationId, fieldOfActionId: field.id, title: input.title.trim(),
      description: input.description ?? null, createdById: viewer.personId, projectGroupId: null, projectProfileId: null,
    });
  }

  /**
   * A participant's dot (vote true) or its withdrawal (false), both idempotent; at most one dot per
   * idea. The participant's row is locked first, so concurrent votes of one person are counted one
   * after another and never exceed the workshop's dotsPerParticipant (a further one is CONFLICT).
   */
  async vote(viewer: Viewer, ideaId: string, vote: boolean): Promise<WorkshopIdeaEntity> {
    const { idea, access } = await this.requireIdea(viewer, ideaId, 'viewer');
    const dots = access.workshop.dotsPerParticipant;
    await this.db.transaction(async (tx) => {
      const [participant] = await tx.query<{ person_id: string }[]>('SELECT person_id FROM workshop_participant WHERE workshop_id = $1 AND person_id = $2 FOR UPDATE', [
        idea.workshopId,
        viewer.personId,
      ]);
      if (!participant) throw new DomainError('FORBIDDEN', 'Nur Teilnehmende der Digital-Werkstatt können abstimmen.');
      const repo = tx.getRepository(IdeaVoteEntity);
      if (!vote) {
        await repo.delete({ ideaId: idea.id, personId: viewer.personId });
        return;
      }
      if (await repo.existsBy({ ideaId: idea.id, personId: viewer.personId })) return;
      const used = await repo.countBy({ workshopId: idea.workshopId, personId: viewer.personId });
      if (used >= dots) {
        throw new DomainError('CONFLICT', `Sie haben alle ${dots} Punkte in dieser Digital-Werkstatt vergeben. Nehmen Sie zuerst einen Punkt von einer anderen Idee zurück.`, { votesUsed: used });
      }
      await repo.insert({ ideaId: idea.id, personId: viewer.personId, workshopId: idea.workshopId });
    });
    return idea;
  }

  /** Participants of the idea's municipality and facilitators; steps are numbered in order of creation. */
  async addStep(viewer: Viewer, input: AddIdeaStepInput): Promise<IdeaStepEntity> {
    const { idea, access } = await this.requireIdea(viewer, input.ideaId, 'participant');
    this.workshops.requireOwnMunicipality(access, idea.organizationId);
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM workshop_idea WHERE id = $1 FOR UPDATE', [idea.id]);
      const [{ next }] = await tx.query<{ next: number }[]>('SELECT coalesce(max(position), 0)::int + 1 AS next FROM idea_step WHERE idea_id = $1', [idea.id]);
      return tx.getRepository(IdeaStepEntity).save({ ideaId: idea.id, position: next, title: input.title.trim(), responsible: input.responsible ?? null, dueOn: input.dueOn ?? null });
    });
  }

  /** The idea and the caller's access to its workshop (NOT_FOUND when they have none). */
  async requireIdea(viewer: Viewer, ideaId: string, need: 'viewer' | 'participant' | 'facilitator'): Promise<{ idea: WorkshopIdeaEntity; access: WorkshopAccess }> {
    const idea = isUuid(ideaId) ? await this.db.getRepository(WorkshopIdeaEntity).findOneBy({ id: ideaId }) : null;
    if (!idea) throw notFound('Idee');
    const access = await this.workshops.require(viewer, idea.workshopId, need).catch((e: DomainError) => {
      throw e.code === 'NOT_FOUND' ? notFound('Idee') : e;
    });
    return { idea, access };
  }

  /** The workshop's ideas by votes, then creation. */
  ideas(loaders: RequestLoaders, workshopId: string): Promise<IdeaWithVotes[]> {
    return loaders
      .get('workshop.ideas', () =>
        manyByKey(async (ids) => {
          const ideas = await this.db.getRepository(WorkshopIdeaEntity).find({ where: { workshopId: In(ids) } });
          const votes = await this.voteCounts(ideas.map((i) => i.id));
          return ideas
            .map((i) => Object.assign(i, { votes: votes.get(i.id) ?? 0 }))
            .sort((a, b) => b.votes - a.votes || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
        }, (i) => i.workshopId),
      )
      .load(workshopId);
  }

  async votes(loaders: RequestLoaders, ideaId: string): Promise<number> {
    const row = await loaders
      .get('idea.votes', () => oneByKey(async (ids) => [...(await this.voteCounts(ids)).entries()].map(([id, n]) => ({ id, n })), (r) => r.id))
      .load(ideaId);
    return row?.n ?? 0;
  }

  /** Dots the person has given in the workshop. */
  async dotsUsed(loaders: RequestLoaders, personId: string, workshopId: string): Promise<number> {
    const row = await loaders
      .get(`workshop.dotsUsed.${personId}`, () =>
        oneByKey(
          (ids) =>
            this.db.query<{ workshop_id: string; n: number }[]>('SELECT workshop_id, count(*)::int AS n FROM idea_vote WHERE workshop_id = ANY($1) AND person_id = $2 GROUP BY workshop_id', [ids, personId]),
          (r) => r.workshop_id,
        ),
      )
      .load(workshopId);
    return row?.n ?? 0;
  }

  async myVote(loaders: RequestLoaders, viewer: Viewer, ideaId: string): Promise<boolean> {
    const row = await loaders
      .get('idea.myVote', () => oneByKey((ids) => this.db.getRepository(IdeaVoteEntity).findBy({ ideaId: In(ids), personId: viewer.personId }), (v) => v.ideaId))
      .load(ideaId);
    return !!row;
  }

  steps(loaders: RequestLoaders, ideaId: string): Promise<IdeaStepEntity[]> {
    return loaders
      .get('idea.steps', () => manyByKey((ids) => this.db.getRepository(IdeaStepEntity).find({ where: { ideaId: In(ids) }, order: { position: 'ASC' } }), (s) => s.ideaId))
      .load(ideaId);
  }

  /** The municipality's first digital strategy: its chosen fields by priority, their ideas by votes, each idea's steps. */
  async strategy(loaders: RequestLoaders, workshop: WorkshopEntity, organizationId: string): Promise<string> {
    return renderStrategy(await this.strategyDocument(loaders, workshop, organizationId));
  }

  /** The strategy's content (for the markdown above and the PDF). */
  async strategyDocument(loaders: RequestLoaders, workshop: WorkshopEntity, organizationId: string): Promise<StrategyDocument> {
    const municipalities = await this.workshops.municipalities(loaders, workshop.id);
    const organization = municipalities.find((m) => m.id === organizationId) as OrganizationEntity | undefined;
    if (!organization) throw badInput('organizationId', 'ist keine Kommune dieser Digital-Werkstatt');
    const [fields, selections, ideas] = await Promise.all([
      this.workshops.fieldsOf(loaders, workshop.id),
      this.db.getRepository(FieldSelectionEntity).findBy({ workshopId: workshop.id, organizationId }),
      this.ideas(loaders, workshop.id),
    ]);
    const fieldName = new Map(fields.map((f) => [f.id, f.name]));
    const own = ideas.filter((i) => i.organizationId === organizationId);
    const steps = await Promise.all(own.map((i) => this.steps(loaders, i.id)));
    return {
      organization: organization.name,
      workshop: { title: workshop.title, date: workshop.date, location: workshop.location },
      fields: selections.map((s) => ({ id: s.fieldOfActionId, name: fieldName.get(s.fieldOfActionId) ?? '', priority: s.priority })),
      ideas: own.map((i, n) => ({
        fieldOfActionId: i.fieldOfActionId, fieldName: fieldName.get(i.fieldOfActionId) ?? '', title: i.title, description: i.description, votes: i.votes,
        steps: steps[n].map((s) => ({ title: s.title, responsible: s.responsible, dueOn: s.dueOn })),
      })),
    };
  }

  private async voteCounts(ideaIds: string[]): Promise<Map<string, number>> {
    if (!ideaIds.length) return new Map();
    const rows = await this.db.query<{ idea_id: string; n: number }[]>('SELECT idea_id, count(*)::int AS n FROM idea_vote WHERE idea_id = ANY($1) GROUP BY idea_id', [ideaIds]);
    return new Map(rows.map((r) => [r.idea_id, r.n]));
  }
}
