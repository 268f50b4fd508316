import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { IsId, IsName, IsOptionalText } from '../../common/validators.js';
import { JoinPolicy, NetworkRole } from '../network.enums.js';

@InputType()
export class CreateNetworkInput {
  @Field()
  @Matches(/^[a-z0-9-]{2,50}$/, { message: 'muss 2 bis 50 Zeichen lang sein: Kleinbuchstaben a–z, Ziffern 0–9 und Bindestrich' })
  slug: string;

  @Field() @IsName() name: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(10_000) description?: string | null;

  @Field(() => JoinPolicy) joinPolicy: JoinPolicy;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  moderatorOrganizationId?: string | null;
}

@InputType()
export class AddNetworkMemberInput {
  @Field(() => ID) @IsId() networkId: string;
  @Field(() => ID) @IsId() organizationId: string;
}

@InputType({ description: 'Ends an organization\'s membership; its history is kept.' })
export class RemoveNetworkMemberInput {
  @Field(() => ID) @IsId() networkId: string;
  @Field(() => ID) @IsId() organizationId: string;
}

@InputType()
export class SetNetworkRoleInput {
  @Field(() => ID) @IsId() networkId: string;
  @Field(() => ID) @IsId() personId: string;
  @Field(() => NetworkRole) role: NetworkRole;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsId() organizationId?: string | null;
}

@InputType()
export class RequestNetworkMembershipInput {
  @Field(() => ID) @IsId() networkId: string;
  @Field(() => ID) @IsId() organizationId: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) message?: string | null;
}

@InputType()
export class DecideJoinRequestInput {
  @Field(() => ID) @IsId() joinRequestId: string;
  @Field() approve: boolean;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) reason?: string | null;
}
