import { registerEnumType } from '@nestjs/graphql';

export enum GroupLevel { PLENUM = 'PLENUM', EXPERT_GROUP = 'EXPERT_GROUP', PROJECT_GROUP = 'PROJECT_GROUP' }
export enum GroupRole { LEAD = 'LEAD', MODERATOR = 'MODERATOR', MEMBER = 'MEMBER', GUEST = 'GUEST' }
/** How role holders of the network join a group: at once, after a manager's approval, or not by themselves. */
export enum GroupJoinPolicy { OPEN = 'OPEN', APPROVAL = 'APPROVAL', CLOSED = 'CLOSED' }

registerEnumType(GroupLevel, { name: 'GroupLevel' });
registerEnumType(GroupRole, { name: 'GroupRole' });
registerEnumType(GroupJoinPolicy, { name: 'GroupJoinPolicy' });

/** Levels and roles in German (as the client labels them), for audit entries. */
export const GROUP_LEVEL_DE: Record<GroupLevel, string> = { PLENUM: 'Plenum', EXPERT_GROUP: 'Fachgruppe', PROJECT_GROUP: 'Projektgruppe' };
export const GROUP_ROLE_DE: Record<GroupRole, string> = { LEAD: 'Leitung', MODERATOR: 'Moderation', MEMBER: 'Mitglied', GUEST: 'Gast' };

/** Plenum above expert group above project groups: a parent is never on a lower level. */
export const LEVEL_RANK: Record<GroupLevel, number> = { PLENUM: 0, EXPERT_GROUP: 1, PROJECT_GROUP: 2 };

/** A level's German name with its article, as subject and after "unter", for messages. */
export const LEVEL_NAME: Record<GroupLevel, { nominative: string; dative: string }> = {
  PLENUM: { nominative: 'ein Plenum', dative: 'einem Plenum' },
  EXPERT_GROUP: { nominative: 'eine Fachgruppe', dative: 'einer Fachgruppe' },
  PROJECT_GROUP: { nominative: 'eine Projektgruppe', dative: 'einer Projektgruppe' },
};

/**
 * How a group's protocols become APPROVED (issue 21): (a) nobody objected within the group's
 * period, (b) approved in the group's next meeting, (c) each named approver approved, or (d) the
 * moderation approves, as before. New groups start with OBJECTION_PERIOD; earlier ones kept MODERATION.
 */
export enum ProtocolApprovalMode {
  OBJECTION_PERIOD = 'OBJECTION_PERIOD',
  NEXT_MEETING = 'NEXT_MEETING',
  NAMED_APPROVERS = 'NAMED_APPROVERS',
  MODERATION = 'MODERATION',
}
registerEnumType(ProtocolApprovalMode, { name: 'ProtocolApprovalMode' });

/** The modes' German names, for audit summaries and messages. */
export const APPROVAL_MODE_DE: Record<ProtocolApprovalMode, string> = {
  OBJECTION_PERIOD: 'Widerspruchsfrist',
  NEXT_MEETING: 'Genehmigung in der nächsten Sitzung',
  NAMED_APPROVERS: 'Benannte Genehmigende',
  MODERATION: 'Die Moderation genehmigt',
};

export const DEFAULT_OBJECTION_DAYS = 14;
