import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { navigate } from 'wouter/use-browser-location';
import { SelectField } from '../../components/form';
import { Page } from '../../components/page';
import { ErrorAlert, Loading } from '../../components/status';
import { graphql } from '../../gql';
import { ExistingSeries } from './existing-series';
import { NewSeries } from './new-series';

const PlanningQuery = graphql(`
  query PlanningGroups {
    networks {
      id
      name
      myRole
      groups {
        id
        name
        viewerCanManage
      }
    }
  }
`);

/** Planung: recurring meetings of the groups the caller manages. */
export function PlanningPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: PlanningQuery });
  const [groupId, setGroupId] = useState(() => new URLSearchParams(location.search).get('gruppe') ?? '');
  const [version, setVersion] = useState(0);
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const groups = data.networks.flatMap((n) => n.groups.filter((g) => g.viewerCanManage).map((g) => ({ value: g.id, label: `${n.name}: ${g.name}` })));
  const selected = groups.find((g) => g.value === groupId)?.value ?? groups[0]?.value ?? '';

  return (
    <Page title={t('planning.title')}>
      {groups.length === 0 ? (
        <p className="kern-body">{t('planning.noGroups')}</p>
      ) : (
        <>
          <p className="kern-body">{t('planning.intro')}</p>
          <SelectField
            label={t('planning.group')}
            value={selected}
            onChange={(e) => {
              setGroupId(e.target.value);
              navigate(`/planung?gruppe=${e.target.value}`, { replace: true });
            }}
            options={groups}
          />
          <NewSeries key={`new-${selected}`} groupId={selected} onScheduled={() => setVersion(version + 1)} />
          <ExistingSeries key={`existing-${selected}-${version}`} groupId={selected} />
        </>
      )}
    </Page>
  );
}
