import { Field, InputType } from '@nestjs/graphql';
import { Matches, MaxLength } from 'class-validator';

@InputType()
export class LinkMatrixAccountInput {
  @Field()
  @MaxLength(255, { message: 'matrixUserId must be at most 255 characters' })
  @Matches(/^@[a-z0-9._=\-/+]+:[A-Za-z0-9.-]+(:\d{1,5})?$/, {
    message: 'matrixUserId must be a Matrix user ID like @name:example.org',
  })
  matrixUserId: string;
}
