import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/request-loaders.js';
import { PersonModel } from './person.model.js';

/** What the web client needs to know about the caller beyond the contract (extensions). */
@Resolver(() => PersonModel)
export class ViewerFieldsResolver {
  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'on the caller themself: whether they are a hub admin (the operator pages); null on anyone else (extension)',
  })
  hubAdmin(person: PersonModel, _args: unknown, ctx: GqlContext): boolean | null {
    const viewer = ctx.req.viewer;
    return viewer && viewer.personId === person.id ? viewer.hubAdmin : null;
  }
}
