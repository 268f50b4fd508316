import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/page';
import { Badge, Loading } from '../../components/status';
import { formatDateTime, localDate } from '../../lib/format';

const Markdown = lazy(() => import('./markdown'));

/** A published protocol: frozen, its SHA-256 shown; print it or take the Markdown home. */
export function PublishedProtocol({
  protocol,
  meeting,
}: {
  protocol: { markdown: string; contentHash: string | null; publishedAt: string | null };
  meeting: { title: string; startsAt: string };
}) {
  const { t } = useTranslation();
  const download = () => {
    const blob = new Blob([protocol.markdown], { type: 'text/markdown;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `protokoll-${localDate(meeting.startsAt)}-${meeting.title
      .toLowerCase()
      .replace(/[^a-z0-9äöüß]+/g, '-')
      .replace(/^-|-$/g, '')}.md`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Section title={t('protocol.title')} id="protokoll" actions={<Badge kind="success">{t('protocol.status.PUBLISHED')}</Badge>}>
      {protocol.publishedAt && <p className="kern-body">{t('protocol.publishedAt', { at: formatDateTime(protocol.publishedAt) })}</p>}
      <div className="ik-actions ik-no-print">
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => window.print()}>
          <span className="kern-label">{t('protocol.print')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={download}>
          <span className="kern-label">{t('protocol.download')}</span>
        </button>
      </div>
      <Suspense fallback={<Loading />}>
        <Markdown text={protocol.markdown} />
      </Suspense>
      {protocol.contentHash && (
        <p className="kern-body kern-body--small">
          {t('protocol.hash')}:{' '}
          <span className="ik-hash" data-testid="content-hash">
            {protocol.contentHash}
          </span>
        </p>
      )}
    </Section>
  );
}
