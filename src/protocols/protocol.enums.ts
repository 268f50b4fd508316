import { registerEnumType } from '@nestjs/graphql';

export enum ProtocolStatus { DRAFT = 'DRAFT', IN_REVIEW = 'IN_REVIEW', APPROVED = 'APPROVED', PUBLISHED = 'PUBLISHED' }
registerEnumType(ProtocolStatus, { name: 'ProtocolStatus' });

/** A protocol's state as a German predicate: "das Protokoll ist …". */
export const PROTOCOL_STATE: Record<ProtocolStatus, string> = {
  DRAFT: 'ein Entwurf',
  IN_REVIEW: 'in Abstimmung',
  APPROVED: 'genehmigt',
  PUBLISHED: 'veröffentlicht',
};

