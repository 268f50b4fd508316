import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { Section } from '../../components/page';
import { PdfDownload } from '../../components/pdf-download';
import { Badge, Loading } from '../../components/status';
import { graphql } from '../../gql';
import type { ProtocolCorrectionsFragment } from '../../gql/graphql';
import { formatDateTime, localDate } from '../../lib/format';
import { CorrectionsList } from './protocol-corrections';

const Markdown = lazy(() => import('./markdown'));

/** Asked only when someone downloads: the published text byte for byte, then its Berichtigungen. */
const Export = graphql(`
  query ProtocolExport($meetingId: ID!) {
    meeting(id: $meetingId) {
      id
      protocol {
        id
        exportMarkdown
      }
    }
  }
`);

/** A published protocol: frozen, its SHA-256 shown, its Berichtigungen below; print it or take it home as PDF or Markdown. */
export function PublishedProtocol({
  protocol,
  meeting,
  focus = false,
  onChanged = () => {},
}: {
  protocol: {
    id: string;
    markdown: string;
    contentHash: string | null;
    publishedAt: string | null;
    publishedBy?: { displayName: string } | null;
  } & ProtocolCorrectionsFragment;
  meeting: { id: string; title: string; startsAt: string; viewerCanManage: boolean };
  /** Just published here: the button that was clicked is gone, so focus moves to the record. */
  focus?: boolean;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const stamp = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus) stamp.current?.focus();
  }, [focus]);
  const download = async () => {
    const res = await client.query(Export, { meetingId: meeting.id }, { requestPolicy: 'network-only' }).toPromise();
    const text = res.data?.meeting?.protocol?.exportMarkdown ?? protocol.markdown;
    const blob = new Blob([text], { type: 'text/markdown;charset=utf-8' });
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
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void download()}>
          <span className="kern-label">{t('protocol.download')}</span>
        </button>
        {/* The PDF made at publication, byte for byte as stored (members' or public rendering). */}
        <PdfDownload
          href={`/api/protocols/${protocol.id}/pdf`}
          label={t('protocol.downloadPdf')}
          fallbackName={`Protokoll-${localDate(meeting.startsAt)}.pdf`}
          testId="protocol-pdf"
        />
      </div>
      {/* The print stylesheet (styles/print.css) prints this record, not the rest of the page. */}
      <div className="ik-print-record" />
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
      <CorrectionsList protocolId={protocol.id} corrections={protocol.corrections} canAdd={meeting.viewerCanManage} onAdded={onChanged} />
    </Section>
  );
}
