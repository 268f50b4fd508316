import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsOptional, IsUrl, Matches } from 'class-validator';
import { IsName, IsSingleLine } from '../common/validators.js';
import { GERMAN_STATES, OrganizationKind } from './organization.enums.js';

@InputType()
export class CreateOrganizationInput {
  @Field() @IsName() name: string;

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
  @IsSingleLine('website')
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  website?: string | null;
}
