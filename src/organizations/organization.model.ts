import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganizationKind } from './organization.enums.js';

@ObjectType('Organization')
export class OrganizationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field(() => String, { nullable: true, description: 'ISO 3166-2 code, e.g. "DE-BW"' }) federalState: string | null;
  @Field(() => String, { nullable: true, description: 'Amtlicher Gemeindeschlüssel, 8 digits' }) municipalityKey: string | null;
  @Field(() => String, { nullable: true }) website: string | null;
}
