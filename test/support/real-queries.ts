/**
 * Queries as real clients send them: the bench's (test/bench/run.ts) and the shapes the web client
 * uses (its deepest: network → groups → children → meetings → agenda → presenter; its meeting
 * detail with agenda, attendance, protocol entries, decisions, action items and revisions). The
 * GraphQL limits must let every one of them through with margin.
 */
export const REAL_QUERIES: Record<string, string> = {
  'bench: me': '{ me { id displayName } }',
  'bench: network (deep)': `{ network(slug: "readi") { name members { organization { name } }
    people { role person { displayName organizations { name } } }
    groups { name parent { name } children { name } leadOrganization { name } members { role person { displayName } } } } }`,
  'bench: networks': '{ networks { slug name joinPolicy } }',
  'web: network dashboard': `query Dashboard($slug: String!, $from: DateTime) {
    network(slug: $slug) {
      id slug name description joinPolicy
      moderatorOrganization { id name }
      groups {
        id name level description
        leadOrganization { id name }
        children {
          id name level
          meetings(from: $from) {
            id title startsAt endsAt timeZone status location onlineUrl
            agenda { id position title status public durationMinutes presenter { id displayName } presenterOrganization { id name } }
          }
        }
        meetings(from: $from) { id title startsAt status }
      }
    }
  }`,
  'web: meeting detail': `fragment PersonRef on Person { id displayName }
  fragment OrgRef on Organization { id name }
  query MeetingDetail($id: ID!) {
    meeting(id: $id) {
      id title startsAt endsAt timeZone status location onlineUrl sequence cancelReason
      group { id name level network { id slug name } }
      additionalGroups { id name }
      series { id title rrule }
      agenda {
        id position title description status public durationMinutes
        presenter { ...PersonRef } presenterOrganization { ...OrgRef } proposedBy { ...PersonRef }
        carriedOverFrom { id title status }
      }
      attendance { status person { ...PersonRef } organization { ...OrgRef } }
      history { kind at startsAt endsAt previousStartsAt previousEndsAt reason }
      protocol {
        id status version contentHash approvedAt publishedAt markdown
        entries { notes agendaItem { id position title } }
        decisions { id text votesFor votesAgainst abstentions agendaItem { id title } }
        actionItems { id title status dueOn assignee { ...PersonRef } assigneeOrganization { ...OrgRef } }
        revisions { version at summary author { ...PersonRef } }
      }
    }
  }`,
};
