import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ActionItemList } from '../../components/action-item-list';
import { Button } from '../../components/form';
import { Section } from '../../components/page';
import { Badge, ErrorAlert, Loading, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { AssigneeChoicesFragment, ProtocolFullFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { AddActionItem } from './add-action-item';
import { Decisions } from './decisions';
import { EntryEditor } from './entry-editor';
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
  useEffect(() => setVersion((v) => Math.max(v, protocol?.version ?? 0)), [protocol?.version]);

  if (!protocol) {
    return (
      <Section title={t('protocol.title')} id="protokoll">
        <p className="kern-body">{t('protocol.none')}</p>
        {meeting.viewerCanManage && meeting.status !== 'CANCELLED' && (
          <Button onClick={() => void start({ meetingId: meeting.id }).then((r) => !r.error && onChanged())}>{t('protocol.start')}</Button>
        )}
        <ErrorAlert error={started.error} />
      </Section>
    );
  }
  if (protocol.status === 'PUBLISHED') return <PublishedProtocol protocol={protocol} meeting={meeting} focus={justPublished} />;
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
          {!editable && (
            <Suspense fallback={<Loading />}>
              <Markdown text={protocol.markdown} />
            </Suspense>
          )}
          {editable && items.length === 0 && <Notice title={t('protocol.noItems')} />}
          {editable &&
            items.map((item) => (
              <EntryEditor
                key={item.id}
                protocolId={protocol.id}
                meetingId={meeting.id}
                item={item}
                serverNotes={protocol.entries.find((e) => e.agendaItem.id === item.id)?.notes ?? ''}
                version={version}
                onVersion={(v) => setVersion((cur) => Math.max(cur, v))}
                onSaved={saved}
              />
            ))}
          {editable && <Decisions protocolId={protocol.id} decisions={protocol.decisions} agendaItems={items} version={version} onSaved={saved} />}
          <h3 className="kern-heading-small">{t('protocol.actionItems')}</h3>
          <ActionItemList items={protocol.actionItems} canDrop emptyText={t('protocol.noActionItems')} onChanged={onChanged} />
          {editable && <AddActionItem groupId={meeting.group.id} protocolId={protocol.id} agendaItems={items} choices={meeting.group} onAdded={onChanged} />}
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
