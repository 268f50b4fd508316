import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { ActionItemList } from '../../../components/action-item-list';
import { Button } from '../../../components/form';
import { Page } from '../../../components/page';
import { ErrorAlert, Loading, Notice } from '../../../components/status';
import { graphql } from '../../../gql';
import { NotFoundPage } from '../../not-found';
import { AddActionItem } from '../add-action-item';
import { Decisions } from '../decisions';
import { AgendaNav } from './agenda-nav';
import { NotesEditor } from './notes-editor';

/** How often the page asks whether someone else saved (a tiny query: the protocol's version). */
const POLL_MS = 3000;

const ProtocolModeQuery = graphql(`
  query ProtocolMode($id: ID!) {
    meeting(id: $id) {
      id
      title
      status
      viewerCanManage
      group {
        id
        ...AssigneeChoices
      }
      agenda {
        id
        title
        position
        status
      }
      protocol {
        id
        status
        version
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
          agendaItemId
        }
        revisions {
          version
          author {
            id
            displayName
          }
        }
      }
    }
  }
`);

const VersionQuery = graphql(`
  query ProtocolModeVersion($id: ID!) {
    meeting(id: $id) {
      id
      protocol {
        id
        version
      }
    }
  }
`);

/**
 * Protokollmodus: writing the minutes one agenda item at a time. Each item shows its notes
 * (saved by themselves), its decisions and its action items; next/previous and the agenda beside
 * it lead on. Co-moderators' saves appear within a few seconds: the page polls the protocol's
 * version and reloads when it moved (the hub has no subscriptions; a version check is one row).
 */
export function ProtocolModePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: ProtocolModeQuery, variables: { id } });
  const [, navigate] = useLocation();
  const search = useSearch();
  const [known, setKnown] = useState(0);
  const knownRef = useRef(0);
  const noteVersion = useCallback((v: number) => {
    knownRef.current = Math.max(knownRef.current, v);
    setKnown(knownRef.current);
  }, []);
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const serverVersion = data?.meeting?.protocol?.version ?? 0;
  useEffect(() => noteVersion(serverVersion), [serverVersion, noteVersion]);

  const hasProtocol = !!data?.meeting?.protocol;
  useEffect(() => {
    if (!hasProtocol) return;
    const timer = setInterval(() => {
      void client
        .query(VersionQuery, { id }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((res) => {
          const v = res.data?.meeting?.protocol?.version;
          if (v && v > knownRef.current) reload();
        });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [client, id, hasProtocol, reload]);

  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  const items = (data?.meeting?.agenda ?? []).filter((a) => a.status === 'ACCEPTED');
  const wanted = new URLSearchParams(search).get('punkt');
  const index = Math.max(
    0,
    items.findIndex((i) => i.id === wanted),
  );
  const current = items[index];
  useEffect(() => {
    if (focusHeading.current) heading.current?.focus();
    focusHeading.current = false;
  }, [current?.id]);

  if (!data) return error ? <ErrorAlert error={error} /> : <Loading />;
  const meeting = data.meeting;
  if (!meeting) return <NotFoundPage what={t('meeting.thisMeeting')} />;
  const protocol = meeting.protocol;
  const back = (
    <Link href={`/sitzungen/${meeting.id}`} className="kern-link">
      {t('protocolMode.backToMeeting', { title: meeting.title })}
    </Link>
  );
  const editable = protocol && (protocol.status === 'DRAFT' || protocol.status === 'IN_REVIEW');
  if (!meeting.viewerCanManage || !protocol || !editable || !current) {
    const why = !meeting.viewerCanManage
      ? t('protocolMode.onlyModerators')
      : !protocol
        ? t('protocol.none')
        : !editable
          ? t(`protocolMode.settled.${protocol.status}`)
          : t('protocol.noItems');
    return (
      <Page title={t('protocolMode.title', { title: meeting.title })} kicker={back}>
        <Notice title={why} />
      </Page>
    );
  }

  const hrefFor = (itemId: string) => `/sitzungen/${meeting.id}/protokoll?punkt=${itemId}`;
  const go = (to: number) => {
    // At either end the pressed button is disabled and loses the keyboard: it goes to the item's heading.
    focusHeading.current = to === 0 || to === items.length - 1;
    navigate(hrefFor(items[to]!.id), { replace: true });
  };
  const lastAuthor = [...protocol.revisions].sort((a, b) => b.version - a.version)[0]?.author.displayName ?? null;
  const prev = items[index - 1];
  const next = items[index + 1];

  return (
    <Page title={t('protocolMode.title', { title: meeting.title })} kicker={back}>
      <div className="ik-pm">
        <AgendaNav items={items} currentId={current.id} hrefFor={hrefFor} onPick={() => (focusHeading.current = true)} />
        <section className="ik-pm__main" aria-labelledby="punkt-titel">
          <p className="kern-preline">{t('protocolMode.position', { position: index + 1, count: items.length })}</p>
          <h2 className="kern-heading-medium" id="punkt-titel" tabIndex={-1} ref={heading}>
            {current.position}. {current.title}
          </h2>
          <NotesEditor
            key={current.id}
            protocolId={protocol.id}
            meetingId={meeting.id}
            item={current}
            serverNotes={protocol.entries.find((e) => e.agendaItem.id === current.id)?.notes ?? ''}
            serverVersion={protocol.version}
            lastAuthor={lastAuthor}
            version={() => knownRef.current}
            onVersion={noteVersion}
          />
          <Decisions
            key={`d-${current.id}`}
            protocolId={protocol.id}
            decisions={protocol.decisions.filter((d) => d.agendaItem?.id === current.id)}
            agendaItems={items}
            agendaItemId={current.id}
            version={known}
            onSaved={(p) => noteVersion(p.version)}
          />
          <h3 className="kern-heading-small">{t('protocolMode.actionItems')}</h3>
          <ActionItemList
            items={protocol.actionItems.filter((a) => a.agendaItemId === current.id)}
            canDrop
            emptyText={t('protocolMode.noActionItems')}
            onChanged={reload}
          />
          <AddActionItem
            key={`a-${current.id}`}
            groupId={meeting.group.id}
            protocolId={protocol.id}
            agendaItemId={current.id}
            choices={meeting.group}
            onAdded={reload}
          />
          <nav className="ik-pm__steps" aria-label={t('protocolMode.steps')}>
            <Button variant="secondary" disabled={!prev} onClick={() => go(index - 1)}>
              {prev ? t('protocolMode.previous', { position: prev.position, title: prev.title }) : t('protocolMode.noPrevious')}
            </Button>
            <Button variant="secondary" disabled={!next} onClick={() => go(index + 1)}>
              {next ? t('protocolMode.next', { position: next.position, title: next.title }) : t('protocolMode.noNext')}
            </Button>
          </nav>
        </section>
      </div>
    </Page>
  );
}
