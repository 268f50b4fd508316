import { registerEnumType } from '@nestjs/graphql';

/** Derived from the date (Europe/Berlin): before it PLANNED, on it RUNNING, after it COMPLETED. */
export enum WorkshopStatus { PLANNED = 'PLANNED', RUNNING = 'RUNNING', COMPLETED = 'COMPLETED' }
registerEnumType(WorkshopStatus, { name: 'WorkshopStatus' });
