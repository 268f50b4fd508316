import { GroupMemberEntity } from '../groups/group-member.entity.js';
import { GroupEntity } from '../groups/group.entity.js';
import { JoinRequestEntity } from '../networks/join-request.entity.js';
import { NetworkMembershipEntity } from '../networks/network-membership.entity.js';
import { NetworkRoleEntity } from '../networks/network-role.entity.js';
import { NetworkEntity } from '../networks/network.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { PersonEntity } from '../people/person.entity.js';

/** Every entity, listed explicitly (globs break between jest/ESM and the build). */
export const ENTITIES = [
  OrganizationEntity,
  PersonEntity,
  NetworkEntity,
  NetworkMembershipEntity,
  NetworkRoleEntity,
  JoinRequestEntity,
  GroupEntity,
  GroupMemberEntity,
];
