import { registerEnumType } from '@nestjs/graphql';

export enum JoinPolicy { OPEN = 'OPEN', APPROVAL = 'APPROVAL', INVITE_ONLY = 'INVITE_ONLY' }
export enum NetworkRole { ADMIN = 'ADMIN', MODERATOR = 'MODERATOR', MEMBER = 'MEMBER' }
export enum MembershipStatus { ACTIVE = 'ACTIVE', PENDING = 'PENDING', ENDED = 'ENDED' }
export enum JoinRequestStatus { PENDING = 'PENDING', APPROVED = 'APPROVED', REJECTED = 'REJECTED' }

registerEnumType(JoinPolicy, { name: 'JoinPolicy' });
registerEnumType(NetworkRole, { name: 'NetworkRole' });
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });
registerEnumType(JoinRequestStatus, { name: 'JoinRequestStatus' });
