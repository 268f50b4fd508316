import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/auth.decorators.js';
import { CreateOrganizationInput } from './create-organization.input.js';
import { OrganizationModel } from './organization.model.js';
import { OrganizationsService } from './organizations.service.js';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(private readonly organizationsService: OrganizationsService) {}

  @Query(() => [OrganizationModel])
  @RequirePermission('signed-in')
  organizations() {
    return this.organizationsService.list();
  }

  @Mutation(() => OrganizationModel)
  @RequirePermission('hub.admin')
  createOrganization(@Args('input') input: CreateOrganizationInput) {
    return this.organizationsService.create(input);
  }
}
