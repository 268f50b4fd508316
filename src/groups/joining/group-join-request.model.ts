import { Field, ID, ObjectType } from '@nestjs/graphql';
import { JoinRequestStatus } from '../../networks/network.enums.js';

@ObjectType('GroupJoinRequest')
export class GroupJoinRequestModel {
  @Field(() => ID) id: string;
  groupId: string;
  personId: string;
  organizationId: string | null;
  decidedById: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => JoinRequestStatus) status: JoinRequestStatus;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() createdAt: Date;
}
