/**
 * Every permission a resolver can declare. The guard enforces authentication and the hub-wide
 * ones; the resource-scoped ones are enforced by the services through AccessService, by id.
 */
export const PERMISSIONS = {
  'signed-in': 'any signed-in person',
  'hub.admin': 'platform admin (Keycloak realm role hub-admin)',
  'network.read': 'sees a network: full view for its role holders, the public face for others (not INVITE_ONLY)',
  'network.admin': 'network ADMIN of the target network (or hub admin)',
  'network.join': 'any signed-in person, for a network they can see that is not INVITE_ONLY',
  'group.read': 'active member of the group, network ADMIN/MODERATOR, or hub admin',
  'group.view': "every role holder of the group's network (public face: members, room, series and open items only for group.read), or hub admin",
  'group.join': "role holders of the group's network, for groups that are not CLOSED",
  'group.leave': 'an active member of the group, about their own membership (not the last LEAD)',
  'group.create': 'network ADMIN or MODERATOR of the target network',
  'group.manage': 'group LEAD/MODERATOR, network ADMIN/MODERATOR, or hub admin',
  'person.self': 'the signed-in person, about themselves',
  'person.lookup': 'network ADMINs and hub admins, by exact e-mail',
  'person.erase': 'the person themselves, or a hub admin',
  'meeting.read': "members of the meeting's groups (full), other members of its network (public part)",
  'meeting.manage': "LEAD/MODERATOR of one of the meeting's groups, network ADMIN/MODERATOR, or hub admin",
  'agenda.propose': "members of the meeting's groups (PROPOSED), managers (ACCEPTED); not guests",
  'protocol.manage': "LEAD/MODERATOR of one of the meeting's groups, network ADMIN/MODERATOR, or hub admin",
  'protocol.review': "while IN_REVIEW: members of the meeting's groups and people recorded as present (comments, objections, withdrawing their own)",
  'protocol.approve': "the group's named approvers (mode NAMED_APPROVERS), while the protocol is IN_REVIEW",
  'action-item.manage': 'LEAD/MODERATOR of the group, network ADMIN/MODERATOR, or hub admin',
  'poll.vote': 'active members of the poll\'s group',
  'calendar.self': 'the signed-in person, about their own calendar feed',
  'action-item.status': 'the assignee, people acting for the assigned organization, or a group manager',
  'profile.create': 'a role holder, for an organization they act for; PUBLIC needs a network ADMIN/MODERATOR or hub admin',
  'profile.manage': "its creator, people acting for one of its organizations, ADMINs/MODERATORs of its network, or hub admin",
  'profile.delete': "its creator, ADMINs/MODERATORs of its network, or hub admin",
  'series.create': "ADMIN/MODERATOR of the series' network (hub admin when it has none)",
  'webinar.manage': "the series' organizers: its creator, ADMINs/MODERATORs of its network, hub admins",
  'webinar.register': 'any signed-in person who sees the webinar, until it starts (cancelling: about their own registration)',
  'workshop.create': 'network ADMIN/MODERATOR or hub admin',
  'workshop.read': 'its facilitators and participants, people acting for one of its municipalities, ADMINs/MODERATORs of its network, hub admins',
  'workshop.facilitate': 'its facilitators: the creator, people acting for the facilitating organization, ADMINs/MODERATORs of its network, hub admins',
  'workshop.participate': 'its participants, for their municipality (facilitators for any of its municipalities)',
  'document.upload': "who may add files to the parent: members of a meeting's groups, editors of a profile, a webinar's organizers, a workshop's participants and facilitators",
  'document.manage': 'its uploader, and who manages the parent (meeting LEAD/MODERATOR, profile editors, webinar organizers, workshop facilitators)',
} as const;

export type Permission = keyof typeof PERMISSIONS;
