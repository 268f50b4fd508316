import type { DataSource } from 'typeorm';
import { GroupRole } from '../groups/group.enums.js';
import { NetworkRole } from '../networks/network.enums.js';
import type { PersonEntity } from '../people/person.entity.js';

/** The caller's network roles and active group memberships, as read with the sign-in. */
export interface ViewerRoles {
  network: [string, NetworkRole][];
  group: [string, GroupRole][];
}

/**
 * The signed-in caller of one request. Their roles are read once (with the sign-in, or lazily)
 * and reused for every check in the request, so authorization costs no query of its own.
 */
export class Viewer {
  private networkRoles?: Promise<Map<string, NetworkRole>>;
  private groupRoles?: Promise<Map<string, GroupRole>>;
  /** The same maps once read, for checks that need no promise (see AccessService's *Now methods). */
  private networkRolesNow?: Map<string, NetworkRole>;
  private groupRolesNow?: Map<string, GroupRole>;

  constructor(
    readonly person: PersonEntity,
    readonly hubAdmin: boolean,
    private readonly db: DataSource,
    roles?: ViewerRoles,
  ) {
    if (roles) {
      this.networkRolesNow = new Map(roles.network);
      this.groupRolesNow = new Map(roles.group);
      this.networkRoles = Promise.resolve(this.networkRolesNow);
      this.groupRoles = Promise.resolve(this.groupRolesNow);
    }
  }

  get personId(): string {
    return this.person.id;
  }

  async networkRole(networkId: string): Promise<NetworkRole | null> {
    return (await this.allNetworkRoles()).get(networkId) ?? null;
  }

  async networkIds(): Promise<string[]> {
    return [...(await this.allNetworkRoles()).keys()];
  }

  /** The caller's role in a group, if their membership is active (a guest's ends after `until`). */
  async groupRole(groupId: string): Promise<GroupRole | null> {
    return (await this.allGroupRoles()).get(groupId) ?? null;
  }

  async groupIds(): Promise<string[]> {
    return [...(await this.allGroupRoles()).keys()];
  }

  /** The caller's role in a network if the roles are read already (null: none), else undefined. */
  networkRoleNow(networkId: string): NetworkRole | null | undefined {
    return this.networkRolesNow ? (this.networkRolesNow.get(networkId) ?? null) : undefined;
  }

  /** The caller's active role in a group if the memberships are read already (null: none), else undefined. */
  groupRoleNow(groupId: string): GroupRole | null | undefined {
    return this.groupRolesNow ? (this.groupRolesNow.get(groupId) ?? null) : undefined;
  }

  /** Reads the roles and memberships if that has not happened yet. */
  async loadRoles(): Promise<void> {
    await Promise.all([this.allNetworkRoles(), this.allGroupRoles()]);
  }

  /** Forget cached roles, after the request itself changed them. */
  invalidate(): void {
    this.networkRoles = undefined;
    this.groupRoles = undefined;
    this.networkRolesNow = undefined;
    this.groupRolesNow = undefined;
  }

  private allNetworkRoles(): Promise<Map<string, NetworkRole>> {
    if (this.networkRoles) return this.networkRoles;
    const loading = this.forgetOnFailure(
      this.db
        .query<{ network_id: string; role: NetworkRole }[]>('SELECT network_id, role FROM network_role WHERE person_id = $1', [this.person.id])
        .then((rows) => new Map(rows.map((r) => [r.network_id, r.role]))),
      () => (this.networkRoles = undefined),
    );
    this.networkRoles = loading;
    void loading.then((map) => {
      if (this.networkRoles === loading) this.networkRolesNow = map;
    }, () => undefined);
    return loading;
  }

  private allGroupRoles(): Promise<Map<string, GroupRole>> {
    if (this.groupRoles) return this.groupRoles;
    const loading = this.forgetOnFailure(
      this.db
        .query<{ group_id: string; role: GroupRole }[]>(
          `SELECT group_id, role FROM group_member
            WHERE person_id = $1 AND (until IS NULL OR until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`,
          [this.person.id],
        )
        .then((rows) => new Map(rows.map((r) => [r.group_id, r.role]))),
      () => (this.groupRoles = undefined),
    );
    this.groupRoles = loading;
    void loading.then((map) => {
      if (this.groupRoles === loading) this.groupRolesNow = map;
    }, () => undefined);
    return loading;
  }

  /**
   * A failed read (a lost connection, say) is not remembered: the next check, or the request's
   * retry (retryQueryFieldsOnConnectionLoss), reads again instead of getting the same rejection.
   */
  private forgetOnFailure<T>(loading: Promise<T>, forget: () => void): Promise<T> {
    loading.catch(() => {
      if (this.networkRoles === loading || this.groupRoles === loading) forget();
    });
    return loading;
  }
}
