import type { EntityManager } from 'typeorm';
import { recordEvent } from '../outbox/outbox.js';

/** SQL condition: the group_member row `gm` is active today (a guest's access ends after `until`). */
export const ACTIVE_MEMBER = `(gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`;

/** The Matrix bridge brings the group's room in line with its members (invites, kicks, power levels). */
export const membershipChanged = (tx: EntityManager, groupId: string, personId: string) =>
  recordEvent(tx, { type: 'GroupMembershipChanged', aggregateType: 'Group', aggregateId: groupId, groupId, payload: { groupId, personId } });

/** „Name“ in German quotes, for audit summaries. */
export const quoted = (name: string) => `„${name}“`;
