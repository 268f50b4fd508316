import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Matches, MaxLength } from 'class-validator';
import { atMostChars, IsCleanText, IsId } from '../../common/validators.js';
import type { MeetingAccess } from '../../meetings/meeting.model.js';

/** The longest Berichtigung: a correction is a paragraph or a table, not a second protocol. */
export const CORRECTION_MAX = 20_000;

@ObjectType('ProtocolCorrection', {
  description: 'A Berichtigung: a dated, attributed addendum to a published protocol, whose published text never changes. As visible as the published protocol.',
})
export class ProtocolCorrectionModel {
  @Field(() => ID) id: string;
  protocolId: string;
  @Field(() => Int, { description: '1, 2, 3 … in the order the corrections were added' }) sequence: number;
  @Field({ description: 'Markdown' }) text: string;
  @Field() at: Date;
  @Field({ description: "SHA-256 (hex) of the canonical form: covers previousHash, the protocol's id, sequence, at and text" }) hash: string;
  @Field({ description: "the previous correction's hash; for the first, the protocol's contentHash" }) previousHash: string;
  authorId: string;
  /** The reader's access to the meeting: the author is named to its groups only. */
  access: MeetingAccess;
}

@InputType()
export class AddProtocolCorrectionInput {
  @Field(() => ID) @IsId() protocolId: string;
  @Field({ description: 'Markdown, at most 20 000 characters' })
  @IsCleanText()
  @Matches(/\S/, { message: 'darf nicht leer sein' })
  @MaxLength(CORRECTION_MAX, { message: atMostChars(CORRECTION_MAX) })
  text: string;
}
