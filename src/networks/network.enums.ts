import { registerEnumType } from '@nestjs/graphql';

export enum JoinPolicy { OPEN = 'OPEN', APPROVAL = 'APPROVAL', INVITE_ONLY = 'INVITE_ONLY' }
export enum NetworkRole { ADMIN = 'ADMIN', MODERATOR = 'MODERATOR', MEMBER = 'MEMBER' }
export enum MembershipStatus { ACTIVE = 'ACTIVE', PENDING = 'PENDING', ENDED = 'ENDED' }
export enum JoinRequestStatus { PENDING = 'PENDING', APPROVED = 'APPROVED', REJECTED = 'REJECTED' }

/** Why a join request (to a network or a group) can no longer be decided: CONFLICT's message. */
export const alreadyDecided = (status: JoinRequestStatus | `${JoinRequestStatus}`): string =>
  status === JoinRequestStatus.PENDING
    ? 'Über die Beitrittsanfrage wurde inzwischen entschieden.'
    : `Die Beitrittsanfrage wurde bereits ${status === JoinRequestStatus.APPROVED ? 'angenommen' : 'abgelehnt'}.`;

registerEnumType(JoinPolicy, { name: 'JoinPolicy' });
registerEnumType(NetworkRole, { name: 'NetworkRole' });

/** Network roles in German (as the client labels them), for audit entries. */
export const NETWORK_ROLE_DE: Record<NetworkRole, string> = { ADMIN: 'Administration', MODERATOR: 'Moderation', MEMBER: 'Mitglied' };
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });
registerEnumType(JoinRequestStatus, { name: 'JoinRequestStatus' });
