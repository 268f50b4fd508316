import { registerEnumType } from '@nestjs/graphql';

export enum RegistrationStatus { CONFIRMED = 'CONFIRMED', WAITLISTED = 'WAITLISTED', CANCELLED = 'CANCELLED' }
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
