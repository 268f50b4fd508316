import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Person')
export class PersonModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  /** Resolved by a field resolver: visible to the person, hub admins and admins of their networks. */
  email: string | null;
  @Field(() => String, { nullable: true }) matrixUserId: string | null;
}
