import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Person')
export class PersonModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  /** Resolved by a field resolver: visible to the person, hub admins and admins of their networks. */
  email: string | null;
  /** Resolved by a field resolver: visible to whom the e-mail is. */
  matrixUserId: string | null;
  @Field({ description: 'consent to be named in public outputs (OParl, public pages, exports of others); default false' }) publicProfile: boolean;
  @Field({ description: 'e-mail notifications wanted; default true' }) notifyByEmail: boolean;
  /**
   * Set on the result of personByEmail: an admin of one network learns nothing there about the
   * person's other networks (no Matrix ID, organizations only of networks the caller administers).
   */
  lookup?: true;
}
