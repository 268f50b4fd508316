import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Button, SelectField } from '../../components/form';
import { ErrorAlert, Loading } from '../../components/status';
import { graphql } from '../../gql';
import { PdfDownload } from '../../components/pdf-download';

const Markdown = lazy(() => import('../meeting/markdown'));

const StrategyQuery = graphql(`
  query WorkshopStrategy($id: ID!, $organizationId: ID!) {
    workshop(id: $id) {
      id
      strategy(organizationId: $organizationId) {
        markdown
        organization {
          id
          name
        }
      }
    }
  }
`);

/** A municipality's first digital strategy, as the hub writes it from the workshop's results. */
export function StrategyTab({
  workshopId,
  municipalities,
  workshopTitle,
}: {
  workshopId: string;
  municipalities: { id: string; name: string }[];
  workshopTitle: string;
}) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState(municipalities[0]?.id ?? '');
  const [{ data, error, fetching }] = useQuery({
    query: StrategyQuery,
    variables: { id: workshopId, organizationId },
    pause: !organizationId,
    requestPolicy: 'network-only',
  });
  const strategy = data?.workshop?.strategy;
  const download = () => {
    if (!strategy) return;
    const url = URL.createObjectURL(new Blob([strategy.markdown], { type: 'text/markdown;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `digitalstrategie-${strategy.organization.name.toLowerCase().replace(/[^a-z0-9äöüß]+/g, '-')}.md`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <p className="kern-body">{t('workshops.strategyHint', { title: workshopTitle })}</p>
      {municipalities.length > 1 && (
        <SelectField
          label={t('workshops.municipality')}
          value={organizationId}
          onChange={(e) => setOrganizationId(e.target.value)}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        />
      )}
      <ErrorAlert error={error} />
      {fetching && !strategy && <Loading />}
      {strategy && (
        <>
          <div className="ik-actions ik-no-print">
            <Button variant="secondary" onClick={download}>
              {t('protocol.download')}
            </Button>
            <Button variant="secondary" onClick={() => window.print()}>
              {t('protocol.print')}
            </Button>
            <PdfDownload
              href={`/api/workshops/${workshopId}/strategy.pdf?organizationId=${encodeURIComponent(organizationId)}`}
              label={t('workshops.strategyPdf')}
              fallbackName="Digitalstrategie.pdf"
              testId="strategy-pdf"
            />
          </div>
          <Suspense fallback={<Loading />}>
            <Markdown text={strategy.markdown} />
          </Suspense>
        </>
      )}
    </>
  );
}
