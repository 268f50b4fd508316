import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsId } from '../common/validators.js';

@InputType({ description: 'An omitted field stays as it is.' })
export class PrivacySettingsInput {
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean({ message: 'muss true oder false sein' }) publicProfile?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean({ message: 'muss true oder false sein' }) notifyByEmail?: boolean | null;
}

@InputType()
export class ErasePersonInput {
  @Field(() => ID) @IsId() personId: string;
}
