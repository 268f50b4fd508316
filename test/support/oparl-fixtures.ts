import { expect } from '@jest/globals';
import { group, network } from './factories.js';
import { cast, meeting, type Cast } from './meeting-fixtures.js';
import type { TestHub } from './test-hub.js';

export const OPARL_BASE = 'http://localhost:3000';
export const OPARL_ROOT = `${OPARL_BASE}/oparl/v1`;
export const SET_PUBLICATION = 'mutation($networkId: ID!, $publication: Publication!) { setNetworkPublication(networkId: $networkId, publication: $publication) { id publication oparlBodyUrl } }';
export const SET_PRIVACY = 'mutation($input: PrivacySettingsInput!) { setPrivacySettings(input: $input) { publicProfile } }';
export const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id status } }';
const P = 'id version';
const START = `mutation($input: StartProtocolInput!) { startProtocol(input: $input) { ${P} } }`;
const DECISION = `mutation($input: AddDecisionInput!) { addDecision(input: $input) { ${P} } }`;
const SUBMIT = `mutation($input: ProtocolTransitionInput!) { submitProtocolForReview(input: $input) { ${P} } }`;
const APPROVE = `mutation($input: ProtocolTransitionInput!) { approveProtocol(input: $input) { ${P} } }`;
const PUBLISH = `mutation($input: ProtocolTransitionInput!) { publishProtocol(input: $input) { ${P} } }`;
const ACTION = 'mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }';
export const PLACE = 'Rathaus Bretten Zimmer 417';
export const ONLINE = 'https://meet.example.org/geheimer-raum-4711';

/** A public network as the OParl tests need it, and a PRIVATE one beside it. */
export interface PublishedNetwork {
  c: Cast;
  /** held, publicItem, secretItem, proposal, protocol, unpublishedMeeting, unpublishedProtocol, upcoming, cancelled */
  ids: Record<string, string>;
  secretNet: { id: string; slug: string };
  secretMeeting: string;
}

/**
 * The cast's network set PUBLIC, with: a held meeting (a public and a non-public item, a proposal
 * never accepted, a published protocol with a decision and public action items), a held meeting
 * whose protocol is only in review, an upcoming and a cancelled meeting; the lead and the member
 * consented to publicProfile, the guest and the bystander did not. Beside it a PRIVATE network
 * with a meeting.
 */
export async function publishedNetwork(hub: TestHub): Promise<PublishedNetwork> {
  const c = await cast(hub);
  const ids: Record<string, string> = {};
  for (const p of [c.lead, c.member]) await hub.ok(p.token, SET_PRIVACY, { input: { publicProfile: true } });

  ids.held = await meeting(hub, c.lead, c.groupId, -2, { title: 'Jour fixe LoRaWAN', location: PLACE, onlineUrl: ONLINE });
  ids.publicItem = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId: ids.held, title: 'Gateways in Bruchsal' } })).addAgendaItem.id;
  ids.secretItem = (await hub.ok(c.lead.token, ADD_ITEM, { input: { meetingId: ids.held, title: 'Vergabe Wartungsvertrag Geheimsache', public: false } })).addAgendaItem.id;
  const proposal = (await hub.ok(c.member.token, ADD_ITEM, { input: { meetingId: ids.held, title: 'Vorschlag Unbestaetigt' } })).addAgendaItem;
  expect(proposal.status).toBe('PROPOSED');
  ids.proposal = proposal.id;
  let p = (await hub.ok(c.lead.token, START, { input: { meetingId: ids.held } })).startProtocol;
  ids.protocol = p.id;
  // Public action items: one for a person without publicProfile (the guest), one for a person with it (the lead).
  for (const [who, title] of [[c.guest, 'Angebot Gateway einholen'], [c.lead, 'Standorte kartieren']] as const) {
    await hub.ok(c.lead.token, ACTION, { input: { groupId: c.groupId, protocolId: p.id, agendaItemId: ids.publicItem, assigneeId: who.id, title } });
  }
  p = { ...p, version: p.version + 2 }; // each action item from a protocol is a new version of it
  p = (await hub.ok(c.lead.token, DECISION, { input: { protocolId: p.id, agendaItemId: ids.publicItem, text: 'Viertes Gateway wird beschafft', votesFor: 5, votesAgainst: 0, abstentions: 1, expectedVersion: p.version } })).addDecision;
  p = (await hub.ok(c.lead.token, SUBMIT, { input: { protocolId: p.id, expectedVersion: p.version } })).submitProtocolForReview;
  p = (await hub.ok(c.agency.token, APPROVE, { input: { protocolId: p.id, expectedVersion: p.version } })).approveProtocol;
  await hub.ok(c.lead.token, PUBLISH, { input: { protocolId: p.id, expectedVersion: p.version } });
  ids.unpublishedMeeting = await meeting(hub, c.lead, c.groupId, -1);
  let q = (await hub.ok(c.lead.token, START, { input: { meetingId: ids.unpublishedMeeting } })).startProtocol;
  q = (await hub.ok(c.lead.token, DECISION, { input: { protocolId: q.id, text: 'Entwurfsbeschluss Unveroeffentlicht', expectedVersion: q.version } })).addDecision;
  await hub.ok(c.lead.token, SUBMIT, { input: { protocolId: q.id, expectedVersion: q.version } });
  ids.unpublishedProtocol = q.id;
  ids.upcoming = await meeting(hub, c.lead, c.groupId, 7);
  ids.cancelled = await meeting(hub, c.lead, c.groupId, 8);
  await hub.ok(c.lead.token, 'mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }', { input: { meetingId: ids.cancelled } });

  const secretNet = await network(hub, c.root, 'APPROVAL', { name: 'Verborgenes Netzwerk' });
  const secretGroup = await group(hub, c.root, secretNet.id, 'PLENUM');
  const secretMeeting = await meeting(hub, c.root, secretGroup, 3);

  const { setNetworkPublication } = await hub.ok(c.root.token, SET_PUBLICATION, { networkId: c.networkId, publication: 'PUBLIC' });
  expect(setNetworkPublication).toEqual({ id: c.networkId, publication: 'PUBLIC', oparlBodyUrl: `${OPARL_ROOT}/bodies/${c.networkId}` });
  return { c, ids, secretNet, secretMeeting };
}
