import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/page';
import { Badge, Loading } from '../../components/status';
import { formatDateTime, localDate } from '../../lib/format';

const Markdown = lazy(() => import('./markdown'));

/** A published protocol: frozen, its SHA-256 shown; print it or take the Markdown home. */
export function PublishedProtocol({
  protocol,
  meeting,
  focus = false,
}: {
  protocol: { markdown: string; contentHash: string | null; publishedAt: string | null; publishedBy?: { displayName: string } | null };
  meeting: { title: string; startsAt: string };
  /** Just published here: the button that was clicked is gone, so focus moves to the record. */
  focus?: boolean;
}) {
  const { t } = useTranslation();
  const stamp = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus) stamp.current?.focus();
  }, [focus]);
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
      {protocol.publishedAt && (
        <p className="kern-body" ref={stamp} tabIndex={-1} data-testid="published-stamp">
          {protocol.publishedBy
            ? t('protocol.publishedAtBy', { at: formatDateTime(protocol.publishedAt), name: protocol.publishedBy.displayName })
            : t('protocol.publishedAt', { at: formatDateTime(protocol.publishedAt) })}
        </p>
      )}
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
