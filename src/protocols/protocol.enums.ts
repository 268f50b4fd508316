import { registerEnumType } from '@nestjs/graphql';

export enum ProtocolStatus { DRAFT = 'DRAFT', IN_REVIEW = 'IN_REVIEW', APPROVED = 'APPROVED', PUBLISHED = 'PUBLISHED' }
registerEnumType(ProtocolStatus, { name: 'ProtocolStatus' });
