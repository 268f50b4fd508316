import { registerEnumType } from '@nestjs/graphql';

export enum ActionItemStatus { OPEN = 'OPEN', DONE = 'DONE', DROPPED = 'DROPPED' }
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus' });
