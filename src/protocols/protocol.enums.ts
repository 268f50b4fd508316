import { registerEnumType } from '@nestjs/graphql';

export enum ProtocolStatus { DRAFT = 'DRAFT', IN_REVIEW = 'IN_REVIEW', APPROVED = 'APPROVED', PUBLISHED = 'PUBLISHED' }
registerEnumType(ProtocolStatus, { name: 'ProtocolStatus' });

/** A protocol's state as a German word, for audit entries ("in Abstimmung → genehmigt"). */
export const PROTOCOL_STATUS_DE: Record<ProtocolStatus, string> = {
  DRAFT: 'Entwurf',
  IN_REVIEW: 'in Abstimmung',
  APPROVED: 'genehmigt',
  PUBLISHED: 'veröffentlicht',
};

/** A protocol's state as a German predicate: "das Protokoll ist …". */
export const PROTOCOL_STATE: Record<ProtocolStatus, string> = {
  DRAFT: 'ein Entwurf',
  IN_REVIEW: 'in Abstimmung',
  APPROVED: 'genehmigt',
  PUBLISHED: 'veröffentlicht',
};

