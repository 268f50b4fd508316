import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { GERMAN_STATES, OrganizationKind } from './organization.enums.js';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name: string;

  @Field(() => OrganizationKind) kind: OrganizationKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(GERMAN_STATES, { message: 'federalState must be an ISO 3166-2 code of a German state, e.g. DE-BW' })
  federalState?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'municipalityKey must be the 8-digit Amtlicher Gemeindeschlüssel' })
  municipalityKey?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  website?: string | null;
}
