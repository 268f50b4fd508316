import type { TestHub } from './test-hub.js';

const P = 'id displayName email matrixUserId organizations { id name } publicProfile';

/**
 * Every query of the API that can reach a person, as wide as the caller may see. The erasure test
 * runs them all and searches the answers for the erased person's name, e-mail and Matrix ID.
 */
export const PROBES: { name: string; query: string; variables?: (v: ProbeVars) => Record<string, unknown> }[] = [
  { name: 'me', query: `{ me { ${P} } }` },
  { name: 'networks', query: `{ networks { id name people { role person { ${P} } organization { id } } members { organization { id name } }
      joinRequests { message reason requestedBy { ${P} } decidedBy { ${P} } } auditLog(limit: 500) { summary actor { ${P} } } } }` },
  { name: 'groups', query: `query($slug: String!) { network(slug: $slug) { groups { id name memberCount organizations { name }
      members { role person { ${P} } } joinRequests { message reason person { ${P} } decidedBy { ${P} } }
      openActionItems { title assignee { ${P} } } series { title } } } }`, variables: (v) => ({ slug: v.slug }) },
  { name: 'meetings', query: `query($slug: String!) { network(slug: $slug) { groups { meetings(from: "2000-01-01T00:00:00Z") { id title
      agenda { title description presenter { ${P} } proposedBy { ${P} } carriedOverFrom { title assignee { ${P} } } }
      attendance { status person { ${P} } } history { reason } } } } }`, variables: (v) => ({ slug: v.slug }) },
  { name: 'protocols', query: `query($id: ID!) { meeting(id: $id) { protocol { version markdown entries { notes } decisions { text }
      actionItems { title assignee { ${P} } } revisions { version summary author { ${P} } } } } }`, variables: (v) => ({ id: v.meetingId }) },
  { name: 'published', query: `query($id: ID!) { meeting(id: $id) { protocol { version markdown contentHash revisions { version author { ${P} } } } } }`,
    variables: (v) => ({ id: v.publishedMeetingId }) },
  { name: 'poll', query: `query($id: ID!) { datePoll(id: $id) { title options { yes maybe no } } }`, variables: (v) => ({ id: v.pollId }) },
  { name: 'mine', query: `{ upcomingMeetings { title } myActionItems { title assignee { ${P} } } pendingGroupJoinRequests { message person { ${P} } }
      myAuditLog(limit: 500) { summary actor { ${P} } } }` },
  { name: 'lookup', query: `query($e: String!) { personByEmail(email: $e) { ${P} } }`, variables: (v) => ({ e: v.email }) },
  // Webinars keep their speakers' names as announced (text), beside the link to the person.
  { name: 'webinar', query: `query($id: ID!) { webinar(id: $id) { title speakers { name role person { ${P} } } } }`, variables: (v) => ({ id: v.webinarId }) },
];

export interface ProbeVars {
  slug: string;
  meetingId: string;
  publishedMeetingId: string;
  pollId: string;
  email: string;
  webinarId: string;
}

/**
 * Runs every probe with the token; answers by probe name, denials included (their messages are
 * searched too). A probe the API refuses as malformed or fails on is a broken test: it throws.
 */
export async function probeAll(hub: TestHub, token: string, vars: ProbeVars): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const p of PROBES) {
    const result = await hub.gql(token, p.query, p.variables?.(vars) ?? {});
    const broken = result.errors?.filter((e) => !['FORBIDDEN', 'NOT_FOUND'].includes(String(e.extensions?.code)));
    if (broken?.length) throw new Error(`probe ${p.name}: ${JSON.stringify(broken)}`);
    out[p.name] = result.errors?.length ? { data: result.data, errors: result.errors } : result.data;
  }
  return out;
}
