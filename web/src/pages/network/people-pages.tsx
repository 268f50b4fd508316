import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Cell, Row } from '../../components/table';
import { graphql } from '../../gql';
import type { NetworkRole } from '../../gql/graphql';

export const PEOPLE_PAGE_SIZE = 50;

const PeoplePage = graphql(`
  query NetworkPeoplePage($slug: String!, $first: Int!, $after: String) {
    network(slug: $slug) {
      id
      peopleConnection(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            role
            person {
              id
              displayName
              email
            }
            organization {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const ROLES: NetworkRole[] = ['ADMIN', 'MODERATOR', 'MEMBER'];

export interface PageState {
  total: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * One page of the network's people (by name) as table rows, each with its role to change. A
 * state-wide network has thousands: the table loads 50 at a time (extension peopleConnection).
 */
export function PeoplePageRows({
  slug,
  after,
  version,
  onLoaded,
  onRole,
}: {
  slug: string;
  after: string | null;
  /** Bumped after a change: every loaded page is fetched again. */
  version: number;
  onLoaded: (page: PageState) => void;
  onRole: (person: { id: string }, organization: { id: string } | null, role: NetworkRole) => void;
}) {
  const { t } = useTranslation();
  const [{ data }, refetch] = useQuery({ query: PeoplePage, variables: { slug, first: PEOPLE_PAGE_SIZE, after } });
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  const connection = data?.network?.peopleConnection;
  useEffect(() => {
    if (connection) onLoaded({ total: connection.totalCount, hasNextPage: connection.pageInfo.hasNextPage, endCursor: connection.pageInfo.endCursor ?? null });
    // onLoaded is the parent's setter for this page; the connection decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection]);
  if (!connection) return null;
  return (
    <>
      {connection.edges.map(({ node: p }) => (
        <Row key={p.person.id}>
          <Cell>
            {p.person.displayName}
            {p.person.email && <div className="kern-body kern-body--small">{p.person.email}</div>}
          </Cell>
          <Cell>{p.organization?.name ?? '–'}</Cell>
          <Cell>
            <label className="kern-sr-only" htmlFor={`rolle-${p.person.id}`}>
              {t('admin.roleOf', { name: p.person.displayName })}
            </label>
            <div className="kern-form-input__select-wrapper">
              <select
                id={`rolle-${p.person.id}`}
                className="kern-form-input__select"
                value={p.role}
                onChange={(e) => onRole(p.person, p.organization ?? null, e.target.value as NetworkRole)}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.network.${r}`)}
                  </option>
                ))}
              </select>
            </div>
          </Cell>
        </Row>
      ))}
    </>
  );
}
