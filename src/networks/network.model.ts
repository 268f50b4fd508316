import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { OrganizationModel } from '../organizations/organization.model.js';
import type { PersonEntity } from '../people/person.entity.js';
import { PersonModel } from '../people/person.model.js';
import type { NetworkAccess } from '../auth/access.service.js';
import { JoinPolicy, JoinRequestStatus, MembershipStatus, NetworkRole } from './network.enums.js';
import { DateScalar } from '../common/scalars.js';

@ObjectType('Network')
export class NetworkModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => JoinPolicy) joinPolicy: JoinPolicy;
  moderatorOrganizationId: string | null;
  matrixSpaceId: string | null;
  /** What the caller may see: everything, or only the public face. */
  access: NetworkAccess;
}

@ObjectType('NetworkMember')
export class NetworkMemberModel {
  organizationId: string;
  /** Read with the membership by every producer (a plain field: no resolver call per member). */
  @Field(() => OrganizationModel) organization: OrganizationEntity;
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field(() => DateScalar, { nullable: true }) since: string | null;
  @Field(() => DateScalar, { nullable: true }) until: string | null;
}

@ObjectType('NetworkPerson')
export class NetworkPersonModel {
  personId: string;
  /** Read with the role by every producer (a plain field: no resolver call per role holder). */
  @Field(() => PersonModel) person: PersonEntity;
  organizationId: string | null;
  @Field(() => NetworkRole) role: NetworkRole;
}

@ObjectType('JoinRequest')
export class JoinRequestModel {
  @Field(() => ID) id: string;
  networkId: string;
  organizationId: string;
  requestedById: string;
  decidedById: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => JoinRequestStatus) status: JoinRequestStatus;
  @Field(() => String, { nullable: true }) reason: string | null;
}
