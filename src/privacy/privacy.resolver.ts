import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { PersonModel } from '../people/person.model.js';
import { ErasureService } from './erasure.service.js';
import { ErasePersonInput, PrivacySettingsInput } from './privacy.inputs.js';
import { PrivacyService } from './privacy.service.js';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly erasure: ErasureService,
  ) {}

  @Mutation(() => PersonModel, { description: "the caller's own; an omitted field stays as it is" })
  @RequirePermission('person.self')
  setPrivacySettings(@CurrentViewer() viewer: Viewer, @Args('input') input: PrivacySettingsInput) {
    return this.privacy.setSettings(viewer, input);
  }

  @Mutation(() => Boolean, {
    description: 'the person themselves, or a hub admin: name, e-mail, Matrix ID and calendar token go, roles and memberships end; published protocols stay',
  })
  @RequirePermission('person.erase')
  erasePerson(@CurrentViewer() viewer: Viewer, @Args('input') input: ErasePersonInput) {
    return this.erasure.erase(viewer, input.personId);
  }
}
