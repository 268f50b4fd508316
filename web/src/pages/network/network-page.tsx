import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/form';
import { Page, Section } from '../../components/page';
import { ErrorAlert, Loading } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';
import { NotFoundPage } from '../not-found';
import { CreateGroup } from './create-group';
import { GroupTree } from './group-tree';
import { AddMemberOrganization, RemoveMember } from './member-organizations';
import { NetworkAdmin } from './network-admin';
import { Publication } from './publication';
import { NewcomerSection } from './newcomer';

const NetworkQuery = graphql(`
  query NetworkPage($slug: String!) {
    network(slug: $slug) {
      id
      slug
      name
      description
      joinPolicy
      myRole
      moderatorOrganization {
        id
        name
      }
      members {
        status
        since
        organization {
          id
          name
          kind
          federalState
        }
      }
      groups {
        ...GroupTreeItem
      }
      groupOverview {
        ...GroupOverviewItem
      }
      joinableOrganizations {
        id
        name
      }
    }
    me {
      id
      organizations {
        id
        name
      }
    }
  }
`);

/** Netzwerk: what the network is, its member cities, its groups (to find and join), and its administration. */
export function NetworkPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: NetworkQuery, variables: { slug } });
  const [removed, remove] = useMutation(RemoveMember);
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const network = data.network;
  if (!network) return <NotFoundPage what={t('network.thisNetwork')} />;
  const active = network.members.filter((m) => m.status === 'ACTIVE');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const isAdmin = network.myRole === 'ADMIN';

  return (
    <Page title={network.name} kicker={network.myRole ? t('network.yourRole', { role: t(`roles.network.${network.myRole}`) }) : t('network.kicker')}>
      {network.description && <p className="kern-body kern-body--large">{network.description}</p>}
      {!network.myRole && <NewcomerSection network={network} groups={network.groupOverview} organizations={network.joinableOrganizations} />}
      {network.myRole && (
        <>
          <dl className="kern-description-list">
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('network.joinPolicy')}</dt>
              <dd className="kern-description-list-item__value">{t(`network.policy.${network.joinPolicy}`)}</dd>
            </div>
            {network.moderatorOrganization && (
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('network.moderator')}</dt>
                <dd className="kern-description-list-item__value">{network.moderatorOrganization.name}</dd>
              </div>
            )}
          </dl>
          <Section title={t('network.groups')} id="gruppen">
            <p className="kern-body">{t('network.groupsHint')}</p>
            <GroupTree groups={network.groups} myOrganizations={data.me.organizations} onChanged={reload} />
            {(isAdmin || network.myRole === 'MODERATOR') && (
              <CreateGroup networkId={network.id} networkSlug={network.slug} meId={data.me.id} groups={network.groups} organizations={active.map((m) => m.organization)} />
            )}
          </Section>
          <Section title={t('network.members', { count: active.length })} id="mitglieder">
            <Table
              caption={t('network.members', { count: active.length })}
              headers={[t('network.organization'), t('network.kind'), t('network.state'), t('network.since'), ...(isAdmin ? [''] : [])]}
              variant="striped"
            >
              {active.map((m) => (
                <Row key={m.organization.id}>
                  <Cell>{m.organization.name}</Cell>
                  <Cell>{t(`organization.kind.${m.organization.kind}`)}</Cell>
                  <Cell>{m.organization.federalState ? t(`states.${m.organization.federalState}`, { defaultValue: m.organization.federalState }) : '–'}</Cell>
                  <Cell>{m.since ? formatDate(m.since) : '–'}</Cell>
                  {isAdmin && (
                    <Cell>
                      <ConfirmButton
                        label={t('memberOrgs.remove')}
                        ariaLabel={t('memberOrgs.removeLabel', { name: m.organization.name })}
                        confirmLabel={t('memberOrgs.removeConfirm', { name: m.organization.name })}
                        onConfirm={() => remove({ input: { networkId: network.id, organizationId: m.organization.id } }).then((r) => !r.error && reload())}
                      />
                    </Cell>
                  )}
                </Row>
              ))}
            </Table>
            <ErrorAlert error={removed.error} />
            {isAdmin && <AddMemberOrganization networkId={network.id} memberIds={new Set(active.map((m) => m.organization.id))} onChanged={reload} />}
          </Section>
          {isAdmin && <NetworkAdmin slug={network.slug} onChanged={reload} />}
          {network.myRole === 'ADMIN' && <Publication slug={network.slug} />}
        </>
      )}
    </Page>
  );
}
