import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  MUNICIPALITY = 'MUNICIPALITY',
  MUNICIPAL_ASSOCIATION = 'MUNICIPAL_ASSOCIATION',
  DISTRICT = 'DISTRICT',
  MUNICIPAL_UTILITY = 'MUNICIPAL_UTILITY',
  AGENCY = 'AGENCY',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

/** The German federal states as ISO 3166-2 codes. */
export const GERMAN_STATES = [
  'DE-BW', 'DE-BY', 'DE-BE', 'DE-BB', 'DE-HB', 'DE-HH', 'DE-HE', 'DE-MV',
  'DE-NI', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH',
] as const;
