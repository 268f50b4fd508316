import { GroupLevel, GroupRole } from '../../groups/group.enums.js';
import { JoinPolicy, NetworkRole } from '../../networks/network.enums.js';
import { OrganizationKind } from '../../organizations/organization.enums.js';

/**
 * Demo data: re@di (nine cities in Baden-Württemberg) and IKONE (Rhineland-Palatinate). Groups,
 * lead cities and people are illustrative, not a record of the real networks.
 */
export interface DemoOrganization {
  key: string;
  name: string;
  kind: OrganizationKind;
  federalState: string;
  website?: string;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  ...['Baden-Baden', 'Bretten', 'Bruchsal', 'Bühl', 'Gaggenau', 'Ettlingen', 'Rastatt', 'Rheinstetten', 'Stutensee'].map((city) => ({
    key: city,
    name: `Stadt ${city}`,
    kind: OrganizationKind.MUNICIPALITY,
    federalState: 'DE-BW',
  })),
  { key: 'agentur', name: 'Moderationsagentur re@di (Demo)', kind: OrganizationKind.AGENCY, federalState: 'DE-BW' },
  ...['Kaiserslautern', 'Trier', 'Landau in der Pfalz'].map((city) => ({
    key: city,
    name: `Stadt ${city}`,
    kind: OrganizationKind.MUNICIPALITY,
    federalState: 'DE-RP',
  })),
  // Not yet a member of any network: its join request to re@di waits for alice (demo activity).
  { key: 'Waghäusel', name: 'Stadt Waghäusel', kind: OrganizationKind.MUNICIPALITY, federalState: 'DE-BW', website: 'https://www.waghaeusel.de' },
];

export interface DemoGroup {
  key: string;
  name: string;
  level: GroupLevel;
  description: string;
  parent?: string;
  lead?: string;
}

export interface DemoNetwork {
  slug: string;
  name: string;
  description: string;
  joinPolicy: JoinPolicy;
  moderator?: string;
  members: string[];
  groups: DemoGroup[];
}

export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    slug: 'readi',
    name: 're@di',
    description: 'Regionale Digitalisierungsinitiative: neun Städte in Mittelbaden digitalisieren gemeinsam.',
    joinPolicy: JoinPolicy.APPROVAL,
    moderator: 'agentur',
    members: ['Baden-Baden', 'Bretten', 'Bruchsal', 'Bühl', 'Gaggenau', 'Ettlingen', 'Rastatt', 'Rheinstetten', 'Stutensee'],
    groups: [
      { key: 'plenum', name: 'Plenum', level: GroupLevel.PLENUM, description: 'Oberbürgermeister, Amtsleitungen und Digitalisierungsbeauftragte, ein- bis zweimal im Jahr.' },
      { key: 'fachgruppe', name: 'Fachgruppe Digitalisierung', level: GroupLevel.EXPERT_GROUP, parent: 'plenum', description: 'Setzt die Strategie, trifft sich alle sechs bis acht Wochen.' },
      { key: 'lorawan', name: 'Projektgruppe LoRaWAN/IoT', level: GroupLevel.PROJECT_GROUP, parent: 'fachgruppe', lead: 'Rheinstetten', description: 'Gemeinsames LoRaWAN-Netz und Sensorik.' },
      { key: 'erechnung', name: 'Projektgruppe E-Rechnung', level: GroupLevel.PROJECT_GROUP, parent: 'fachgruppe', lead: 'Ettlingen', description: 'Empfang und Verarbeitung elektronischer Rechnungen (XRechnung).' },
      { key: 'vereine', name: 'Projektgruppe Digitale Beteiligungsplattform für Vereine', level: GroupLevel.PROJECT_GROUP, parent: 'fachgruppe', lead: 'Bühl', description: 'Eine Plattform, über die Vereine sich beteiligen und Anliegen einbringen.' },
    ],
  },
  {
    slug: 'ikone',
    name: 'IKONE',
    description: 'Interkommunales Netzwerk Digitale Stadt, Rheinland-Pfalz.',
    joinPolicy: JoinPolicy.APPROVAL,
    members: ['Kaiserslautern', 'Trier', 'Landau in der Pfalz'],
    groups: [{ key: 'austausch', name: 'Plenum (Videoaustausch)', level: GroupLevel.PLENUM, description: 'Regelmäßiger Austausch per Videokonferenz.' }],
  },
];

/** Development sign-in users (npm run dev-token -- <username>) and what they hold. */
export interface DemoPerson {
  username: string;
  displayName: string;
  roles: { network: string; role: NetworkRole; organization?: string }[];
  groups: { network: string; group: string; role: GroupRole; organization?: string }[];
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    username: 'alice',
    displayName: 'Alice Admin (Demo)',
    roles: [{ network: 'readi', role: NetworkRole.ADMIN, organization: 'Ettlingen' }],
    groups: [{ network: 'readi', group: 'fachgruppe', role: GroupRole.MEMBER, organization: 'Ettlingen' }],
  },
  {
    username: 'mara',
    displayName: 'Mara Moderation (Demo)',
    roles: [{ network: 'readi', role: NetworkRole.MODERATOR, organization: 'agentur' }],
    groups: [{ network: 'readi', group: 'fachgruppe', role: GroupRole.MODERATOR, organization: 'agentur' }],
  },
  {
    username: 'ben',
    displayName: 'Ben Digitallotse (Demo)',
    roles: [{ network: 'readi', role: NetworkRole.MEMBER, organization: 'Rheinstetten' }],
    groups: [{ network: 'readi', group: 'lorawan', role: GroupRole.LEAD, organization: 'Rheinstetten' }],
  },
  {
    username: 'ida',
    displayName: 'Ida IKONE (Demo)',
    roles: [{ network: 'ikone', role: NetworkRole.ADMIN, organization: 'Trier' }],
    groups: [{ network: 'ikone', group: 'austausch', role: GroupRole.MEMBER, organization: 'Trier' }],
  },
  {
    // A newcomer: her city (Stadt Waghäusel) has asked to join re@di (see demo-activity).
    username: 'nina',
    displayName: 'Nina Neumann (Demo)',
    roles: [],
    groups: [],
  },
];
