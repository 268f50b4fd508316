import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../common/domain-error.js';
import { GroupRole } from '../groups/group.enums.js';
import { JoinPolicy, NetworkRole } from '../networks/network.enums.js';
import type { Viewer } from './viewer.js';

export type NetworkAccess = 'full' | 'public';
export type GroupAccess = 'manage' | 'read';
/** GroupAccess, plus 'network': a role holder of the network outside the group (the group's public face). */
export type GroupView = GroupAccess | 'network';

const NETWORK_RANK: Record<NetworkRole, number> = { MEMBER: 1, MODERATOR: 2, ADMIN: 3 };
/** Who may do what needs at least `min` in the network. */
const ONLY: Record<NetworkRole, string> = {
  MEMBER: 'Nur Mitglieder des Netzwerks dürfen das.',
  MODERATOR: 'Nur die Administration oder Moderation des Netzwerks darf das.',
  ADMIN: 'Nur die Administration des Netzwerks darf das.',
};

interface NetworkLike { id: string; joinPolicy: JoinPolicy }
interface GroupLike { id: string; networkId: string }

/**
 * Resource checks by id, failing closed. What the caller may not see is NOT_FOUND; what they see
 * but may not change is FORBIDDEN.
 */
@Injectable()
export class AccessService {
  /** Role holders see everything; others only the public face, and INVITE_ONLY networks not at all. */
  async networkAccess(viewer: Viewer, network: NetworkLike): Promise<NetworkAccess | null> {
    if (viewer.hubAdmin || (await viewer.networkRole(network.id))) return 'full';
    return network.joinPolicy === JoinPolicy.INVITE_ONLY ? null : 'public';
  }

  /** `what`: the German name of what an outsider of an INVITE_ONLY network is told is not found. */
  async requireNetworkRole(viewer: Viewer, network: NetworkLike, min: NetworkRole, what = 'Netzwerk'): Promise<void> {
    if (viewer.hubAdmin) return;
    const role = await viewer.networkRole(network.id);
    if (!role) {
      if (network.joinPolicy === JoinPolicy.INVITE_ONLY) throw notFound(what);
      throw new DomainError('FORBIDDEN', ONLY[min]);
    }
    if (NETWORK_RANK[role] < NETWORK_RANK[min]) throw new DomainError('FORBIDDEN', ONLY[min]);
  }

  /** manage: group LEAD/MODERATOR or network ADMIN/MODERATOR; read: any active group member. */
  async groupAccess(viewer: Viewer, group: GroupLike): Promise<GroupAccess | null> {
    const now = this.groupAccessNow(viewer, group);
    if (now !== undefined) return now;
    await viewer.loadRoles();
    return this.groupAccessNow(viewer, group) ?? null;
  }

  /** groupAccess without a promise; undefined when the caller's roles are not read yet. */
  groupAccessNow(viewer: Viewer, group: GroupLike): GroupAccess | null | undefined {
    if (viewer.hubAdmin) return 'manage';
    const networkRole = viewer.networkRoleNow(group.networkId);
    if (networkRole === undefined) return undefined;
    if (networkRole === NetworkRole.ADMIN || networkRole === NetworkRole.MODERATOR) return 'manage';
    const groupRole = viewer.groupRoleNow(group.id);
    if (groupRole === undefined) return undefined;
    if (groupRole === GroupRole.LEAD || groupRole === GroupRole.MODERATOR) return 'manage';
    return groupRole ? 'read' : null;
  }

  /**
   * Every role holder of the network sees all its groups (their public face); members and managers
   * see more (groupAccess). Outsiders of the network see no group at all.
   */
  async groupView(viewer: Viewer, group: GroupLike): Promise<GroupView | null> {
    const now = this.groupViewNow(viewer, group);
    if (now !== undefined) return now;
    await viewer.loadRoles();
    return this.groupViewNow(viewer, group) ?? null;
  }

  /** groupView without a promise; undefined when the caller's roles are not read yet. */
  groupViewNow(viewer: Viewer, group: GroupLike): GroupView | null | undefined {
    const access = this.groupAccessNow(viewer, group);
    if (access !== null) return access;
    const networkRole = viewer.networkRoleNow(group.networkId);
    return networkRole === undefined ? undefined : networkRole ? 'network' : null;
  }

  async requireGroupManage(viewer: Viewer, group: GroupLike): Promise<void> {
    // Role holders of the network see the group (its public face), so for them it is FORBIDDEN.
    const access = await this.groupView(viewer, group);
    if (!access) throw notFound('Gruppe');
    if (access !== 'manage') throw new DomainError('FORBIDDEN', 'Nur die Leitung oder Moderation der Gruppe oder die Administration oder Moderation des Netzwerks darf das.');
  }
}
