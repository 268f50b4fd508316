// The cases of the ratio table: the same operation against the hub (GraphQL) and against the
// hand-written baseline (test/bench/limit-server.ts), which answers the same JSON.
export interface BenchCase {
  name: string;
  /** The baseline's route (POST, same body). */
  route: string;
  query: string;
  variables?: (ctx: { meetingId: string }) => Record<string, unknown>;
}

export const NETWORK_DEEP = `{ network(slug: "readi") { name members { organization { name } }
    people { role person { displayName organizations { name } } }
    groups { name parent { name } children { name } leadOrganization { name } members { role person { displayName } } } } }`;

export const UPCOMING = `{ upcomingMeetings { id title startsAt endsAt status group { name }
    agenda { position title presenter { displayName } } } }`;

export const MEETING_DETAIL = `query($id: ID!) { meeting(id: $id) { id title startsAt endsAt timeZone status location
    group { name network { slug } }
    agenda { position title status durationMinutes presenter { displayName } presenterOrganization { name } }
    attendance { status person { displayName } }
    history { kind startsAt } } }`;

export const CASES: BenchCase[] = [
  { name: 'me', route: '/me', query: '{ me { id displayName } }' },
  { name: 'network (deep)', route: '/network', query: NETWORK_DEEP },
  { name: 'upcomingMeetings', route: '/upcoming', query: UPCOMING },
  { name: 'meeting(id)', route: '/meeting', query: MEETING_DETAIL, variables: ({ meetingId }) => ({ id: meetingId }) },
];
