import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { JoinPolicy, NetworkRole } from '../network.enums.js';

const uuid = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });

@InputType()
export class CreateNetworkInput {
  @Field()
  @Matches(/^[a-z0-9-]{2,50}$/, { message: 'slug must be 2 to 50 characters of a-z, 0-9 and -' })
  slug: string;

  @Field()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000, { message: 'description must be at most 10000 characters' })
  description?: string | null;

  @Field(() => JoinPolicy) joinPolicy: JoinPolicy;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @uuid('moderatorOrganizationId')
  moderatorOrganizationId?: string | null;
}

@InputType()
export class AddNetworkMemberInput {
  @Field(() => ID) @uuid('networkId') networkId: string;
  @Field(() => ID) @uuid('organizationId') organizationId: string;
}

@InputType({ description: 'Ends an organization\'s membership; its history is kept.' })
export class RemoveNetworkMemberInput {
  @Field(() => ID) @uuid('networkId') networkId: string;
  @Field(() => ID) @uuid('organizationId') organizationId: string;
}

@InputType()
export class SetNetworkRoleInput {
  @Field(() => ID) @uuid('networkId') networkId: string;
  @Field(() => ID) @uuid('personId') personId: string;
  @Field(() => NetworkRole) role: NetworkRole;
  @Field(() => ID, { nullable: true }) @IsOptional() @uuid('organizationId') organizationId?: string | null;
}

@InputType()
export class RequestNetworkMembershipInput {
  @Field(() => ID) @uuid('networkId') networkId: string;
  @Field(() => ID) @uuid('organizationId') organizationId: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'message must be at most 2000 characters' })
  message?: string | null;
}

@InputType()
export class DecideJoinRequestInput {
  @Field(() => ID) @uuid('joinRequestId') joinRequestId: string;
  @Field() approve: boolean;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  reason?: string | null;
}
