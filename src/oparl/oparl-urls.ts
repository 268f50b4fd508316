/** The lists every Body has (OParl requires organization, person, meeting, paper; 1.1 adds the rest). */
export const BODY_LISTS = {
  organizations: 'Organization',
  people: 'Person',
  memberships: 'Membership',
  meetings: 'Meeting',
  'agenda-items': 'AgendaItem',
  files: 'File',
  // Not used by Interkom: always empty, still valid lists.
  papers: null,
  consultations: null,
  locations: null,
  'legislative-terms': null,
} as const;
export type BodyList = keyof typeof BODY_LISTS;

export const OPARL_TYPE = (kind: string) => `https://schema.oparl.org/1.1/${kind}`;

/**
 * Every URL of the OParl API, absolute under $PUBLIC_BASE_URL/oparl/v1/. An object's path (the
 * part after that prefix) is its key in the ledger.
 */
export class OparlUrls {
  readonly root: string;
  constructor(readonly publicBaseUrl: string) {
    this.root = `${publicBaseUrl}/oparl/v1`;
  }

  url(path: string): string {
    return `${this.root}/${path}`;
  }

  /** The path of one of our URLs, or null. */
  pathOf(url: string): string | null {
    return url.startsWith(`${this.root}/`) ? url.slice(this.root.length + 1) : null;
  }

  static system = 'system';
  static bodies = 'bodies';
  static body = (networkId: string) => `bodies/${networkId}`;
  static bodyList = (networkId: string, list: BodyList) => `bodies/${networkId}/${list}`;
  /** A group (Gremium). */
  static group = (groupId: string) => `organizations/${groupId}`;
  static groupMeetings = (groupId: string) => `organizations/${groupId}/meetings`;
  /** A member organization of the network (a municipality, an agency): what memberships are on behalf of. */
  static memberOrganization = (networkId: string, organizationId: string) => `bodies/${networkId}/member-organizations/${organizationId}`;
  /** People are per network: the same person in two public networks is two Person objects. */
  static person = (networkId: string, personId: string) => `bodies/${networkId}/people/${personId}`;
  static membership = (groupMemberId: string) => `memberships/${groupMemberId}`;
  static meeting = (meetingId: string) => `meetings/${meetingId}`;
  static agendaItem = (agendaItemId: string) => `agenda-items/${agendaItemId}`;
  static file = (protocolId: string) => `files/${protocolId}`;
  /** A Berichtigung of a published protocol: a File of its own (ids are UUIDs, so never a protocol's). */
  static correctionFile = (correctionId: string) => `files/${correctionId}`;
  /** A protocol's PDF (its public rendering), by the rendering's id; its bytes are served by the hub's download route. */
  static protocolPdfFile = (renderingId: string) => `files/${renderingId}`;
}
