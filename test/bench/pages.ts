// The bench's workload (issue 24): the documents the web client sends when a page opens, taken
// from the client's generated documents (web/src/gql, `npm run codegen -w web`), so that the bench
// and the statement-count test cannot drift from what the pages load. Plus the two HTTP reads
// people's programs make: the personal ICS feed and an OParl list.
import { print, type DocumentNode } from 'graphql';
import * as docs from '../../web/src/gql/graphql.js';

/** The objects a page is opened on, found or made by the data's seeder (demo or Land). */
export interface PageFixtures {
  /** The dev-token username of the person the pages are opened as: ADMIN of `slug`, member of `groupId`, invited to `meetingId`. */
  viewer: string;
  /** The network page's network (the state-wide one in Land data). */
  slug: string;
  /** A group of that network the viewer belongs to, with meetings, series, tasks and members. */
  groupId: string;
  /** A past meeting of that group with agenda, attendance and a protocol with entries and decisions. */
  meetingId: string;
  /** A word the Steckbrief search finds. */
  searchWord: string;
  /** The viewer's personal calendar feed path (`/calendar/<token>.ics`). */
  feedPath: string;
  /** An OParl list path (a body's meetings, first page). */
  oparlPath: string;
  /** "Now" for the date windows (the pages compute theirs from the browser clock). */
  now: Date;
}

export interface PageDocument {
  /** The operation's name in the client (`Overview`, `MeetingPage`, …). */
  name: string;
  /** The text sent (graphql-js `print` of the generated document, fragments included). */
  query: string;
  variables: (f: PageFixtures) => Record<string, unknown>;
}

export interface Page {
  /** The page as the client names it. */
  name: string;
  /** The GraphQL documents it sends on opening (the layout's `Layout` is a row of its own). */
  documents: PageDocument[];
}

export interface HttpRead {
  name: string;
  path: (f: PageFixtures) => string;
  /** Whether the hub needs the viewer's bearer token (the feed carries its own secret). */
  signedIn: boolean;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString();
const text = (d: DocumentNode | unknown) => print(d as DocumentNode);

/** The Monday before `now` at 00:00 UTC and six weeks on: the calendar's month grid. */
function monthGrid(now: Date): { from: Date; to: Date } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * DAY);
  return { from, to: new Date(from.getTime() + 42 * DAY) };
}

const doc = (name: string, document: unknown, variables: PageDocument['variables'] = () => ({})): PageDocument => ({ name, query: text(document), variables });

export const LAYOUT = doc('Layout', docs.LayoutDocument);

export const PAGES: Page[] = [
  {
    name: 'Übersicht',
    documents: [
      doc('Overview', docs.OverviewDocument, (f) => ({ from: iso(f.now), to: iso(new Date(f.now.getTime() + 90 * DAY)) })),
      doc('NextAnswers', docs.NextAnswersDocument, (f) => ({ from: iso(f.now), to: iso(new Date(f.now.getTime() + 90 * DAY)) })),
    ],
  },
  {
    name: 'Netzwerk (als Admin)',
    documents: [
      doc('NetworkPage', docs.NetworkPageDocument, (f) => ({ slug: f.slug })),
      doc('AllOrganizations', docs.AllOrganizationsDocument),
      doc('NetworkAdmin', docs.NetworkAdminDocument, (f) => ({ slug: f.slug })),
      doc('NetworkPublication', docs.NetworkPublicationDocument, (f) => ({ slug: f.slug })),
    ],
  },
  {
    name: 'Gruppe',
    documents: [
      doc('GroupPage', docs.GroupPageDocument, (f) => ({
        id: f.groupId, now: iso(f.now), past: iso(new Date(f.now.getTime() - 365 * DAY)), until: iso(new Date(f.now.getTime() + 365 * DAY)),
      })),
    ],
  },
  {
    name: 'Sitzung mit Protokoll',
    documents: [
      doc('MeetingPage', docs.MeetingPageDocument, (f) => ({ id: f.meetingId })),
      doc('MeetingRsvp', docs.MeetingRsvpDocument, (f) => ({ id: f.meetingId })),
      doc('DocumentsOf', docs.DocumentsOfDocument, (f) => ({ parentType: 'MEETING', parentId: f.meetingId })),
    ],
  },
  {
    name: 'Kalender',
    documents: [
      doc('CalendarMeetings', docs.CalendarMeetingsDocument, (f) => {
        const { from, to } = monthGrid(f.now);
        return { from: iso(from), to: iso(to) };
      }),
      doc('CalendarHolidays', docs.CalendarHolidaysDocument, (f) => {
        const { from, to } = monthGrid(f.now);
        return { from: iso(from).slice(0, 10), to: iso(new Date(to.getTime() - DAY)).slice(0, 10) };
      }),
    ],
  },
  {
    name: 'Steckbriefe (Suche)',
    documents: [
      doc('FieldsOfAction', docs.FieldsOfActionDocument),
      doc('SearchProfiles', docs.SearchProfilesDocument, (f) => ({ query: f.searchWord, fields: null, state: null, status: null, offset: 0 })),
    ],
  },
];

export const HTTP_READS: HttpRead[] = [
  { name: 'ICS-Feed (persönlich)', path: (f) => f.feedPath, signedIn: false },
  { name: 'OParl-Liste (Sitzungen)', path: (f) => f.oparlPath, signedIn: false },
];

/** Every page document once, the layout first. */
export const PAGE_DOCUMENTS: PageDocument[] = [LAYOUT, ...PAGES.flatMap((p) => p.documents)];
