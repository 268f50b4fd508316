import { ResolveField, Resolver } from '@nestjs/graphql';
import { In, DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { oneByKey, type GqlContext } from '../common/request-loaders.js';
import { AgendaItemEntity } from '../meetings/entities/agenda-item.entity.js';
import { AgendaItemModel } from '../meetings/meeting.model.js';
import { PeopleService } from '../people/people.service.js';
import { PersonModel } from '../people/person.model.js';
import { DecisionModel, ProtocolEntryModel, ProtocolRevisionModel } from './protocol.model.js';

/** Agenda items referenced from protocol parts, through one loader per request. */
class AgendaItemRefs {
  constructor(private readonly db: DataSource) {}

  load(ctx: GqlContext, id: string | null) {
    if (!id) return null;
    return ctx.loaders
      .get('agendaItem.byId', () => oneByKey((ids) => this.db.getRepository(AgendaItemEntity).findBy({ id: In(ids) }), (i) => i.id))
      .load(id);
  }
}

@Resolver(() => ProtocolEntryModel)
export class ProtocolEntryResolver {
  private readonly refs: AgendaItemRefs;
  constructor(@InjectDataSource() db: DataSource) {
    this.refs = new AgendaItemRefs(db);
  }

  @ResolveField(() => AgendaItemModel)
  agendaItem(entry: ProtocolEntryModel, _args: unknown, ctx: GqlContext) {
    return this.refs.load(ctx, entry.agendaItemId);
  }
}

@Resolver(() => DecisionModel)
export class DecisionResolver {
  private readonly refs: AgendaItemRefs;
  constructor(@InjectDataSource() db: DataSource) {
    this.refs = new AgendaItemRefs(db);
  }

  @ResolveField(() => AgendaItemModel, { nullable: true })
  agendaItem(decision: DecisionModel, _args: unknown, ctx: GqlContext) {
    return this.refs.load(ctx, decision.agendaItemId);
  }
}

@Resolver(() => ProtocolRevisionModel)
export class ProtocolRevisionResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => PersonModel)
  author(revision: ProtocolRevisionModel, _args: unknown, ctx: GqlContext) {
    return this.people.load(ctx.loaders, revision.authorId);
  }
}
