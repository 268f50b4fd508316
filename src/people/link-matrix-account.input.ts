import { Field, InputType } from '@nestjs/graphql';
import { Matches, MaxLength } from 'class-validator';
import { atMostChars } from '../common/validators.js';

@InputType()
export class LinkMatrixAccountInput {
  @Field()
  @MaxLength(255, { message: atMostChars(255) })
  @Matches(/^@[a-z0-9._=\-/+]+:[A-Za-z0-9.-]+(:\d{1,5})?$/, {
    message: 'muss eine Matrix-ID wie @name:example.org sein',
  })
  matrixUserId: string;
}
