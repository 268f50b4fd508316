import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../../components/form';
import { Page } from '../../components/page';
import { ErrorAlert, Loading, Notice } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { NotFoundPage } from '../not-found';

const OperationsQuery = graphql(`
  query Operations {
    me {
      id
      hubAdmin
    }
    outboxStatus {
      channels {
        channel
        pending
        failed
        deadLetter
        delivered
        oldestPendingAt
      }
    }
  }
`);

const Retry = graphql(`
  mutation RetryOutboxDeadLetters($channel: OutboxChannel) {
    retryOutboxDeadLetters(channel: $channel)
  }
`);

const Reconcile = graphql(`
  mutation ReconcileMatrix {
    reconcileMatrix {
      bridgeEnabled
      groups
      invited
      kicked
      failed
      deferred
    }
  }
`);

/**
 * Betrieb (hub admins): how delivery to Matrix and by e-mail stands, dead letters back in line,
 * and a Matrix comparison on demand. Anyone else finds nothing here.
 */
export function OperationsPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: OperationsQuery });
  const [retried, retry] = useMutation(Retry);
  const [reconciled, reconcile] = useMutation(Reconcile);
  if (!data) {
    if (fetching) return <Loading />;
    // The outbox status is for hub admins only: for anyone else this page does not exist.
    if (error?.graphQLErrors.some((e) => ['FORBIDDEN', 'NOT_FOUND'].includes(String(e.extensions?.code)))) return <NotFoundPage />;
    return <ErrorAlert error={error} />;
  }
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const r = reconciled.data?.reconcileMatrix;
  return (
    <Page title={t('operations.title')}>
      <p className="kern-body">{t('operations.intro')}</p>
      <ErrorAlert error={retried.error ?? reconciled.error} />
      <section className="ik-section" aria-labelledby="delivery-heading">
        <h2 id="delivery-heading" className="kern-heading-medium">
          {t('operations.delivery')}
        </h2>
        <Table
          caption={t('operations.delivery')}
          headers={[
            t('operations.channel'),
            t('operations.pending'),
            t('operations.failed'),
            t('operations.deadLetter'),
            t('operations.delivered'),
            t('operations.oldest'),
            '',
          ]}
        >
          {data.outboxStatus.channels.map((c) => (
            <Row key={c.channel}>
              <Cell>{t(`operations.channels.${c.channel}`)}</Cell>
              <Cell>{c.pending}</Cell>
              <Cell>{c.failed}</Cell>
              <Cell>{c.deadLetter}</Cell>
              <Cell>{c.delivered}</Cell>
              <Cell>{c.oldestPendingAt ? formatDateTime(c.oldestPendingAt) : '–'}</Cell>
              <Cell>
                {c.deadLetter > 0 && (
                  <Button
                    variant="secondary"
                    onClick={() => void retry({ channel: c.channel }).then(reload)}
                    aria-label={t('operations.retryLabel', { channel: t(`operations.channels.${c.channel}`) })}
                  >
                    {t('operations.retry')}
                  </Button>
                )}
              </Cell>
            </Row>
          ))}
        </Table>
        {retried.data && <Notice kind="success" title={t('operations.retried', { count: retried.data.retryOutboxDeadLetters })} />}
        <div className="ik-actions">
          <Button variant="tertiary" onClick={reload}>
            {t('operations.refresh')}
          </Button>
        </div>
      </section>
      <section className="ik-section" aria-labelledby="matrix-heading">
        <h2 id="matrix-heading" className="kern-heading-medium">
          {t('operations.matrix')}
        </h2>
        <p className="kern-body">{t('operations.matrixIntro')}</p>
        <div className="ik-actions">
          <Button onClick={() => void reconcile({}).then(reload)} disabled={reconciled.fetching}>
            {t('operations.reconcile')}
          </Button>
        </div>
        {r && !r.bridgeEnabled && <Notice kind="info" title={t('operations.bridgeOff')} />}
        {r?.bridgeEnabled && (
          <Notice kind={r.failed > 0 ? 'warning' : 'success'} title={t('operations.reconciled', { groups: r.groups })}>
            <p className="kern-body">{t('operations.reconciledDetail', { invited: r.invited, kicked: r.kicked, failed: r.failed, deferred: r.deferred })}</p>
          </Notice>
        )}
      </section>
    </Page>
  );
}
