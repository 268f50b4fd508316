import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsId } from '../common/validators.js';

@InputType({ description: 'An omitted field stays as it is.' })
export class PrivacySettingsInput {
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean({ message: 'publicProfile must be true or false' }) publicProfile?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean({ message: 'notifyByEmail must be true or false' }) notifyByEmail?: boolean | null;
}

@InputType()
export class ErasePersonInput {
  @Field(() => ID) @IsId('personId') personId: string;
}
