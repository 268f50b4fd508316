import { registerEnumType } from '@nestjs/graphql';

export enum HolidayPolicy { IGNORE = 'IGNORE', SKIP = 'SKIP', NEXT_WORKING_DAY = 'NEXT_WORKING_DAY' }
export enum PollAnswer { YES = 'YES', MAYBE = 'MAYBE', NO = 'NO' }

registerEnumType(HolidayPolicy, { name: 'HolidayPolicy' });
registerEnumType(PollAnswer, { name: 'PollAnswer' });
