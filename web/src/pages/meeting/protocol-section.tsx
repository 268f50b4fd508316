import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { ActionItemList } from '../../components/action-item-list';
import { Button } from '../../components/form';
import { Section } from '../../components/page';
import { Badge, ErrorAlert, Loading, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { AssigneeChoicesFragment, ProtocolFullFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { ProtocolReview } from './protocol-review';
import { ProtocolTransitions } from './protocol-transitions';
import { PublishedProtocol } from './published-protocol';

const Markdown = lazy(() => import('./markdown'));

export const ProtocolFull = graphql(`
  fragment ProtocolFull on Protocol {
    id
    status
    version
    markdown
    contentHash
    approvedAt
    publishedAt
    publishedBy {
      id
      displayName
    }
    entries {
      notes
      agendaItem {
        id
      }
    }
    decisions {
      id
      text
      votesFor
      votesAgainst
      abstentions
      agendaItem {
        id
        title
      }
    }
    actionItems {
      ...ActionItemRow
    }
    ...ProtocolCorrections
    ...ProtocolReviewFields
    revisions {
      version
      at
      summary
      author {
        id
        displayName
      }
    }
  }
`);

const Start = graphql(`
  mutation StartProtocol($meetingId: ID!) {
    startProtocol(input: { meetingId: $meetingId }) {
      ...ProtocolFull
    }
  }
`);

interface MeetingForProtocol {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: string;
  viewerCanManage: boolean;
  group: { id: string } & AssigneeChoicesFragment;
  agenda: { id: string; title: string; position: number; status: string }[];
  protocol: ProtocolFullFragment | null;
}

/** The protocol: started, written per agenda item, submitted, approved and published (then frozen and hashed). */
export function ProtocolSection({ meeting, onChanged, meId = null }: { meeting: MeetingForProtocol; onChanged: () => void; meId?: string | null }) {
  const { t } = useTranslation();
  const protocol = meeting.protocol;
  const [started, start] = useMutation(Start);
  const [version, setVersion] = useState(protocol?.version ?? 0);
  // After publishing, the publish button is gone: focus moves to the published protocol.
  const [justPublished, setJustPublished] = useState(false);
  // After starting, the start button is gone: focus moves to the way into the protocol mode.
  const writeLink = useRef<HTMLAnchorElement>(null);
  const [justStarted, setJustStarted] = useState(false);
  useEffect(() => {
    if (justStarted && protocol) writeLink.current?.focus();
  }, [justStarted, protocol]);
  useEffect(() => setVersion((v) => Math.max(v, protocol?.version ?? 0)), [protocol?.version]);

  if (!protocol) {
    return (
      <Section title={t('protocol.title')} id="protokoll">
        <p className="kern-body">{t('protocol.none')}</p>
        {meeting.viewerCanManage && meeting.status !== 'CANCELLED' && (
          <Button
            onClick={() =>
              void start({ meetingId: meeting.id }).then((r) => {
                if (r.error) return;
                setJustStarted(true);
                onChanged();
              })
            }
          >
            {t('protocol.start')}
          </Button>
        )}
        <ErrorAlert error={started.error} />
      </Section>
    );
  }
  if (protocol.status === 'PUBLISHED') return <PublishedProtocol protocol={protocol} meeting={meeting} focus={justPublished} onChanged={onChanged} />;
  const items = meeting.agenda.filter((a) => a.status === 'ACCEPTED');
  // Approved, the text is settled: no editors, only the step to publication.
  const editable = protocol.status === 'DRAFT' || protocol.status === 'IN_REVIEW';
  const saved = (p: { version: number }) => {
    setVersion((v) => Math.max(v, p.version));
    onChanged();
  };
  // The group's review (issue 21.1): remarks beside the entries while in review, and their history after.
  const review = (protocol.status === 'IN_REVIEW' || protocol.feedback.length > 0) && (
    <ProtocolReview
      meetingId={meeting.id}
      protocol={protocol}
      items={items}
      notes={new Map(protocol.entries.map((e) => [e.agendaItem.id, e.notes]))}
      canManage={meeting.viewerCanManage}
      myId={meId}
      onChanged={onChanged}
    />
  );

  return (
    <Section
      title={t('protocol.title')}
      id="protokoll"
      actions={<Badge kind={protocol.status === 'DRAFT' ? 'warning' : 'info'}>{t(`protocol.status.${protocol.status}`)}</Badge>}
    >
      {!meeting.viewerCanManage ? (
        <>
          <p className="kern-body">{t('protocol.readOnly')}</p>
          <Suspense fallback={<Loading />}>
            <Markdown text={protocol.markdown} />
          </Suspense>
          {review}
        </>
      ) : (
        <>
          <p className="kern-body kern-body--small">{t('protocol.version', { version })}</p>
          {/* Notes, decisions and tasks are written in the protocol mode, one agenda item at a time. */}
          {editable && (
            <div className="ik-transition ik-no-print">
              <p className="kern-body">{t('protocolMode.openHint')}</p>
              <Link ref={writeLink} href={`/sitzungen/${meeting.id}/protokoll`} className="kern-btn kern-btn--primary">
                <span className="kern-label">{t('protocolMode.open')}</span>
              </Link>
            </div>
          )}
          {editable && items.length === 0 && <Notice title={t('protocol.noItems')} />}
          <Suspense fallback={<Loading />}>
            <Markdown text={protocol.markdown} />
          </Suspense>
          <h3 className="kern-heading-small">{t('protocol.actionItems')}</h3>
          <ActionItemList items={protocol.actionItems} canDrop emptyText={t('protocol.noActionItems')} onChanged={onChanged} />
          {review}
          <ProtocolTransitions protocol={protocol} version={version} endsAt={meeting.endsAt} onDone={saved} onPublished={() => setJustPublished(true)} />
          <details className="ik-revisions">
            <summary>{t('protocol.revisions', { count: protocol.revisions.length })}</summary>
            <ol className="ik-list">
              {protocol.revisions.map((r) => (
                <li key={r.version} className="ik-list__item">
                  <span>
                    {t('protocol.revision', { version: r.version })}: {r.summary}
                  </span>
                  <span className="kern-body kern-body--small">
                    {r.author.displayName}, {formatDateTime(r.at)}
                  </span>
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
    </Section>
  );
}
