// The hub's access rules for the group page (src/auth/access.service.ts, meeting-access.service.ts),
// decided from the caller's roles as read with the page: no statement of their own.

export type Access = 'manage' | 'read' | null;
export type View = 'manage' | 'read' | 'network' | null;
export type MeetingAccess = 'manage' | 'read' | 'network';

export interface Roles {
  hubAdmin: boolean;
  /** network id → NetworkRole */
  network: Record<string, string>;
  /** group id → GroupRole, active memberships only */
  group: Record<string, string>;
}

export interface GroupRef {
  id: string;
  networkId: string;
}

/** manage: group LEAD/MODERATOR, network ADMIN/MODERATOR, hub admin; read: any active member. */
export function groupAccess(roles: Roles, g: GroupRef): Access {
  if (roles.hubAdmin) return 'manage';
  const networkRole = roles.network[g.networkId];
  if (networkRole === 'ADMIN' || networkRole === 'MODERATOR') return 'manage';
  const groupRole = roles.group[g.id];
  if (groupRole === 'LEAD' || groupRole === 'MODERATOR') return 'manage';
  return groupRole ? 'read' : null;
}

/** groupAccess, or 'network' for the network's other role holders (the group's public face). */
export function groupView(roles: Roles, g: GroupRef): View {
  return groupAccess(roles, g) ?? (roles.network[g.networkId] ? 'network' : null);
}

/** The best access over the meeting's groups (primary first); the list fields fall back to 'network'. */
export function meetingAccess(roles: Roles, groups: GroupRef[]): MeetingAccess | null {
  let best: MeetingAccess | null = null;
  for (const g of groups) {
    const access = groupAccess(roles, g);
    if (access === 'manage') return 'manage';
    if (access === 'read') best = 'read';
  }
  if (best) return best;
  return groups.length && roles.network[groups[0].networkId] ? 'network' : null;
}

/** HELD is derived: ended, and attendance was recorded or a protocol started (meeting-rules.ts). */
export function meetingStatus(m: { cancelled: boolean; ends_at: Date; has_record: boolean }, now = Date.now()): string {
  if (m.cancelled) return 'CANCELLED';
  return m.ends_at.getTime() < now && m.has_record ? 'HELD' : 'SCHEDULED';
}
