import { api, tokenFor, uniq } from './hub';

export interface Readi {
  networkId: string;
  groups: Record<'plenum' | 'fachgruppe' | 'lorawan' | 'erechnung' | 'vereine', string>;
  orgs: Record<string, string>;
}

const GROUP_KEYS: Record<string, keyof Readi['groups']> = {
  Plenum: 'plenum',
  'Fachgruppe Digitalisierung': 'fachgruppe',
  'Projektgruppe LoRaWAN/IoT': 'lorawan',
  'Projektgruppe E-Rechnung': 'erechnung',
  'Projektgruppe Digitale Beteiligungsplattform für Vereine': 'vereine',
};

/** The demo network re@di as seeded (`npm run seed:demo`), by name. */
export async function readi(): Promise<Readi> {
  const alice = await tokenFor('alice');
  const { network } = await api(alice, '{ network(slug: "readi") { id groups { id name } members { organization { id name } } } }');
  const groups = Object.fromEntries(network.groups.map((g: { id: string; name: string }) => [GROUP_KEYS[g.name], g.id])) as Readi['groups'];
  const orgs = Object.fromEntries(
    network.members.map((m: { organization: { id: string; name: string } }) => [m.organization.name.replace(/^Stadt /, ''), m.organization.id]),
  );
  return { networkId: network.id, groups, orgs };
}

/** A new person of a member city with a network role (set by alice, the re@di ADMIN). */
export async function officer(r: Readi, name: string, city: string, role = 'MEMBER'): Promise<{ username: string; token: string; id: string }> {
  const username = `${name}-${uniq()}`;
  const token = await tokenFor(username);
  const { me } = await api(token, '{ me { id } }');
  await api(await tokenFor('alice'), 'mutation($i: SetNetworkRoleInput!) { setNetworkRole(input: $i) { role } }', {
    i: { networkId: r.networkId, personId: me.id, role, organizationId: r.orgs[city] },
  });
  return { username, token, id: me.id };
}

export async function addToGroup(groupId: string, personId: string, role = 'MEMBER', organizationId?: string): Promise<void> {
  await api(await tokenFor('mara'), 'mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { role } }', {
    i: { groupId, personId, role, organizationId },
  });
}

/** A meeting `days` from now at 10:00 Berlin time, 90 minutes. */
export async function meeting(token: string, groupId: string, title: string, days: number, extra: Record<string, unknown> = {}): Promise<string> {
  const day = new Date(Date.now() + days * 86_400_000);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
  const startsAt = new Date(`${date}T10:00:00+01:00`);
  const { createMeeting } = await api(token, 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
    i: { groupId, title, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(), ...extra },
  });
  return createMeeting.id;
}

export async function agendaItem(token: string, meetingId: string, title: string, isPublic = true): Promise<string> {
  const { addAgendaItem } = await api(token, 'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
    i: { meetingId, title, public: isPublic },
  });
  return addAgendaItem.id;
}

/**
 * A project group of its own for a test (below the Fachgruppe, led by `lead`), with the agency's
 * Mara as MODERATOR: open action items of shared groups are carried onto their next meetings,
 * which would change the agenda under a test that counts positions.
 */
export async function projectGroup(r: Readi, name: string, lead = 'Rheinstetten', approval: Record<string, unknown> = { protocolApprovalMode: 'MODERATION' }): Promise<string> {
  const mara = await tokenFor('mara');
  // Tests not about approval keep the moderation's approval; new groups otherwise start with the objection period (issue 21).
  const { createGroup } = await api(mara, 'mutation($i: CreateGroupInput!) { createGroup(input: $i) { id } }', {
    i: { networkId: r.networkId, level: 'PROJECT_GROUP', name: `${name} ${uniq()}`, parentGroupId: r.groups.fachgruppe, leadOrganizationId: r.orgs[lead], ...approval },
  });
  const { me } = await api(mara, '{ me { id } }');
  await addToGroup(createGroup.id, me.id, 'MODERATOR', r.orgs['Moderationsagentur re@di (Demo)']);
  return createGroup.id;
}
