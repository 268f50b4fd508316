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
  @IsIn(GERMAN_STATES, { message: 'muss der ISO-3166-2-Code eines deutschen Bundeslandes sein, z. B. DE-BW' })
  federalState?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'muss der achtstellige Amtliche Gemeindeschlüssel sein' })
  municipalityKey?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty({ message: 'darf nicht leer sein' })
  @IsSingleLine()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'muss eine Webadresse sein, die mit https:// oder http:// beginnt' })
  website?: string | null;
}
