import { registerEnumType } from '@nestjs/graphql';

/** A remark on a protocol in review: a comment, or an objection (Einwand) that blocks approval while open. */
export enum ProtocolFeedbackKind { COMMENT = 'COMMENT', OBJECTION = 'OBJECTION' }
/** How an objection ended: its author withdrew it, or the moderation decided it (upheld: the text is revised; rejected). */
export enum ObjectionResolution { WITHDRAWN = 'WITHDRAWN', UPHELD = 'UPHELD', REJECTED = 'REJECTED' }

registerEnumType(ProtocolFeedbackKind, { name: 'ProtocolFeedbackKind' });
registerEnumType(ObjectionResolution, { name: 'ObjectionResolution' });
