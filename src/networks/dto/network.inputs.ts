import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { IsId, IsName, IsOptionalText } from '../../common/validators.js';
import { JoinPolicy, NetworkRole } from '../network.enums.js';

@InputType()
export class CreateNetworkInput {
  @Field()
  @Matches(/^[a-z0-9-]{2,50}$/, { message: 'slug must be 2 to 50 characters of a-z, 0-9 and -' })
  slug: string;

  @Field() @IsName() name: string;
  @Field(() => String, { nullable: true }) @IsOptionalText('description', 10_000) description?: string | null;

  @Field(() => JoinPolicy) joinPolicy: JoinPolicy;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('moderatorOrganizationId')
  moderatorOrganizationId?: string | null;
}

@InputType()
export class AddNetworkMemberInput {
  @Field(() => ID) @IsId('networkId') networkId: string;
  @Field(() => ID) @IsId('organizationId') organizationId: string;
}

@InputType({ description: 'Ends an organization\'s membership; its history is kept.' })
export class RemoveNetworkMemberInput {
  @Field(() => ID) @IsId('networkId') networkId: string;
  @Field(() => ID) @IsId('organizationId') organizationId: string;
}

@InputType()
export class SetNetworkRoleInput {
  @Field(() => ID) @IsId('networkId') networkId: string;
  @Field(() => ID) @IsId('personId') personId: string;
  @Field(() => NetworkRole) role: NetworkRole;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId('organizationId') organizationId?: string | null;
}

@InputType()
export class RequestNetworkMembershipInput {
  @Field(() => ID) @IsId('networkId') networkId: string;
  @Field(() => ID) @IsId('organizationId') organizationId: string;
  @Field(() => String, { nullable: true }) @IsOptionalText('message', 2000) message?: string | null;
}

@InputType()
export class DecideJoinRequestInput {
  @Field(() => ID) @IsId('joinRequestId') joinRequestId: string;
  @Field() approve: boolean;
  @Field(() => String, { nullable: true }) @IsOptionalText('reason', 2000) reason?: string | null;
}
