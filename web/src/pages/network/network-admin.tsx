import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { SelectField, TextField } from '../../components/form';
import { DecideNetworkJoin, JoinRequestItem, outcome } from '../../components/join-decision';
import { Table } from '../../components/table';
import { Section } from '../../components/page';
import { ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { NetworkRole } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { domainFitsWebsite, hostOf } from '../../lib/email-domain';
import { PEOPLE_PAGE_SIZE, PeoplePageRows, ROLES, type PageState } from './people-pages';

const AdminQuery = graphql(`
  query NetworkAdmin($slug: String!) {
    network(slug: $slug) {
      id
      joinRequests(status: PENDING) {
        id
        message
        requesterEmail
        requesterEmailDomain
        organization {
          id
          name
          website
        }
        requestedBy {
          id
          displayName
        }
      }
      members {
        status
        organization {
          id
          name
        }
      }
    }
  }
`);

const SetRole = graphql(`
  mutation SetNetworkRole($input: SetNetworkRoleInput!) {
    setNetworkRole(input: $input) {
      role
    }
  }
`);

const FindPerson = graphql(`
  query PersonByEmail($email: String!) {
    personByEmail(email: $email) {
      id
      displayName
    }
  }
`);

/** For network ADMINs: join requests to decide and roles to set. */
export function NetworkAdmin({ slug, onChanged }: { slug: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: AdminQuery, variables: { slug } });
  const [, decide] = useMutation(DecideNetworkJoin);
  const [roleResult, setRole] = useMutation(SetRole);
  // The people table, page by page: the cursor each page starts after, and what each page said.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [pages, setPages] = useState<Record<number, PageState>>({});
  const [version, setVersion] = useState(0);
  const loaded = useCallback((index: number, page: PageState) => setPages((all) => ({ ...all, [index]: page })), []);
  const network = data?.network;
  if (!network) return <ErrorAlert error={error} />;
  const organizations = network.members.filter((m) => m.status === 'ACTIVE').map((m) => ({ value: m.organization.id, label: m.organization.name }));
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    setVersion((v) => v + 1);
    onChanged();
  };
  const last = pages[cursors.length - 1];
  const shown = Object.values(pages).length ? Math.min(last?.total ?? 0, cursors.length * PEOPLE_PAGE_SIZE) : 0;

  return (
    <>
      <Section title={t('admin.requests')} id="beitrittsanfragen">
        {network.joinRequests.length === 0 && <p className="kern-body">{t('admin.noRequests')}</p>}
        <ul className="ik-list">
          {network.joinRequests.map((r) => (
            <JoinRequestItem
              key={r.id}
              title={r.organization.name}
              details={<RequesterDetails request={r} />}
              message={r.message}
              subject={r.organization.name}
              onDecide={(approve, reason) => decide({ input: { joinRequestId: r.id, approve, reason } }).then(outcome(reload))}
            />
          ))}
        </ul>
      </Section>
      <Section title={t('admin.people')} id="rollen">
        <ErrorAlert error={roleResult.error} />
        <Table caption={t('admin.people')} headers={[t('admin.person'), t('admin.organization'), t('admin.role')]}>
          {cursors.map((after, i) => (
            <PeoplePageRows
              key={after ?? 'first'}
              slug={slug}
              after={after}
              version={version}
              onLoaded={(page) => loaded(i, page)}
              onRole={(person, organization, role) =>
                void setRole({ input: { networkId: network.id, personId: person.id, role, organizationId: organization?.id ?? null } }).then(reload)
              }
            />
          ))}
        </Table>
        {last && (
          <p className="kern-body kern-body--small" aria-live="polite">
            {t('admin.peopleShown', { shown, total: last.total })}
          </p>
        )}
        {last?.hasNextPage && last.endCursor && (
          <div className="ik-actions">
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setCursors((c) => [...c, last.endCursor])}>
              <span className="kern-label">{t('admin.morePeople')}</span>
            </button>
          </div>
        )}
        <AddPerson networkId={network.id} organizations={organizations} onAdded={reload} />
      </Section>
    </>
  );
}

function AddPerson({ networkId, organizations, onAdded }: { networkId: string; organizations: { value: string; label: string }[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRoleValue] = useState<NetworkRole>('MEMBER');
  const [organizationId, setOrganizationId] = useState(organizations[0]?.value ?? '');
  const [added, setAdded] = useState<string | null>(null);
  const [found, find] = useQuery({ query: FindPerson, variables: { email }, pause: true });
  const [result, setRole] = useMutation(SetRole);
  const problem = apiProblem(found.error ?? result.error);
  const submit = () => {
    setAdded(null);
    find({ requestPolicy: 'network-only' });
  };
  const current = found.operation?.variables.email === email && !found.fetching;
  const person = current ? found.data?.personByEmail : null;
  const notFound = current && found.data !== undefined && !found.data.personByEmail;
  const assign = async () => {
    if (!person) return;
    const res = await setRole({ input: { networkId, personId: person.id, role, organizationId: organizationId || null } });
    if (!res.error) {
      setAdded(person.displayName);
      setEmail('');
      onAdded();
    }
  };
  return (
    <form
      className="ik-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (person) void assign();
        else submit();
      }}
    >
      <h3 className="kern-heading-small">{t('admin.addPerson')}</h3>
      <p className="kern-body kern-body--small">{t('admin.addPersonHint')}</p>
      <TextField
        label={t('admin.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={messageFor(problem, 'email')}
        autoComplete="off"
      />
      {notFound && <Notice kind="warning" title={t('admin.noSuchPerson')} />}
      {person && (
        <>
          <p className="kern-body">{t('admin.foundPerson', { name: person.displayName })}</p>
          <SelectField
            label={t('admin.role')}
            value={role}
            onChange={(e) => setRoleValue(e.target.value as NetworkRole)}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.network.${r}`) }))}
          />
          <SelectField
            label={t('admin.organization')}
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
            options={organizations}
            error={messageFor(problem, 'organizationId')}
          />
        </>
      )}
      {isGeneral(problem, ['email', 'organizationId']) && <ErrorAlert problem={problem} />}
      {added && <Notice kind="success" title={t('admin.added', { name: added })} />}
      <div className="ik-actions">
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">{person ? t('admin.assign') : t('admin.find')}</span>
        </button>
      </div>
    </form>
  );
}

/**
 * Who asks, for the ADMIN who decides: name and e-mail, the e-mail's domain (verified at sign-in:
 * the hub keeps an address only when the issuer says email_verified) beside the organization's
 * website, and whether the two fit.
 */
function RequesterDetails({
  request: r,
}: {
  request: { requesterEmail?: string | null; requesterEmailDomain?: string | null; requestedBy: { displayName: string }; organization: { website?: string | null } };
}) {
  const { t } = useTranslation();
  const website = r.organization.website ?? null;
  const fits = r.requesterEmailDomain && website ? domainFitsWebsite(r.requesterEmailDomain, website) : null;
  return (
    <>
      <div>
        {t('overview.requestedBy', { name: r.requestedBy.displayName })}
        {r.requesterEmail && (
          <>
            {' '}
            (<a href={`mailto:${r.requesterEmail}`}>{r.requesterEmail}</a>)
          </>
        )}
      </div>
      <div>
        {r.requesterEmailDomain ? t('admin.emailDomain', { domain: r.requesterEmailDomain }) : t('admin.noVerifiedEmail')}
        {' · '}
        {website ? t('admin.website', { website: hostOf(website) ?? website }) : t('admin.noWebsite')}
        {fits !== null && <> · {t(fits ? 'admin.domainFits' : 'admin.domainDiffers')}</>}
      </div>
    </>
  );
}

