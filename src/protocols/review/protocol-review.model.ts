import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ObjectionResolution, ProtocolFeedbackKind } from './protocol-review.enums.js';

@ObjectType('ProtocolFeedback', { description: "a comment or objection (Einwand) on a protocol in review; the meeting's groups only" })
export class ProtocolFeedbackModel {
  @Field(() => ID) id: string;
  protocolId: string;
  @Field(() => ID, { nullable: true, description: 'the entry (agenda item) it is about; null = the protocol as a whole' }) agendaItemId: string | null;
  authorId: string;
  @Field(() => ProtocolFeedbackKind) kind: ProtocolFeedbackKind;
  @Field({ description: 'the comment, or the objection\'s reason' }) text: string;
  @Field({ description: 'the protocol version it was written against' }) protocolVersion: number;
  @Field(() => String, { nullable: true }) answer: string | null;
  answeredById: string | null;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field(() => ObjectionResolution, { nullable: true, description: 'objections: null while open' }) resolution: ObjectionResolution | null;
  resolvedById: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('ProtocolApproval', { description: "a named approver's approval of the protocol's current text (mode NAMED_APPROVERS)" })
export class ProtocolApprovalModel {
  personId: string;
  @Field() approvedAt: Date;
}
