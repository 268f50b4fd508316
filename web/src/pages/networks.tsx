import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Page } from '../components/page';
import { ErrorAlert, Loading } from '../components/status';
import { graphql } from '../gql';
import { CreateNetwork } from './create-network';

const NetworksQuery = graphql(`
  query Networks {
    networks {
      id
      slug
      name
      description
      joinPolicy
      myRole
    }
    me {
      id
      hubAdmin
    }
  }
`);

/** Netzwerke: mine first, then those open to a request. */
export function NetworksPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: NetworksQuery });
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const mine = data.networks.filter((n) => n.myRole);
  const others = data.networks.filter((n) => !n.myRole);
  const list = (items: typeof data.networks) => (
    <ul className="ik-list">
      {items.map((n) => (
        <li key={n.id} className="ik-list__item">
          <div>
            <Link href={`/netzwerke/${n.slug}`} className="kern-link">
              {n.name}
            </Link>
            {n.description && <div className="kern-body kern-body--small">{n.description}</div>}
          </div>
          <span className="kern-body kern-body--small">{n.myRole ? t(`roles.network.${n.myRole}`) : t(`network.policy.${n.joinPolicy}`)}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <Page title={t('networks.title')}>
      <h2 className="kern-heading-medium">{t('networks.mine')}</h2>
      {mine.length ? list(mine) : <p className="kern-body">{t('overview.noNetworks')}</p>}
      {others.length > 0 && (
        <>
          <h2 className="kern-heading-medium">{t('networks.others')}</h2>
          {list(others)}
        </>
      )}
      {data.me.hubAdmin && <CreateNetwork />}
    </Page>
  );
}
