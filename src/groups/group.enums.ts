import { registerEnumType } from '@nestjs/graphql';

export enum GroupLevel { PLENUM = 'PLENUM', EXPERT_GROUP = 'EXPERT_GROUP', PROJECT_GROUP = 'PROJECT_GROUP' }
export enum GroupRole { LEAD = 'LEAD', MODERATOR = 'MODERATOR', MEMBER = 'MEMBER', GUEST = 'GUEST' }
/** How role holders of the network join a group: at once, after a manager's approval, or not by themselves. */
export enum GroupJoinPolicy { OPEN = 'OPEN', APPROVAL = 'APPROVAL', CLOSED = 'CLOSED' }

registerEnumType(GroupLevel, { name: 'GroupLevel' });
registerEnumType(GroupRole, { name: 'GroupRole' });
registerEnumType(GroupJoinPolicy, { name: 'GroupJoinPolicy' });

/** Plenum above expert group above project groups: a parent is never on a lower level. */
export const LEVEL_RANK: Record<GroupLevel, number> = { PLENUM: 0, EXPERT_GROUP: 1, PROJECT_GROUP: 2 };
