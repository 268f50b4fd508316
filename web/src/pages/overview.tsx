import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { Button } from '../components/form';
import { MeetingList } from '../components/meeting-list';
import { Page, Section } from '../components/page';
import { ErrorAlert, Loading, Notice } from '../components/status';
import { ActionItemList } from '../components/action-item-list';
import { DecideGroupJoin, DecideNetworkJoin, JoinRequestItem, outcome } from '../components/join-decision';
import { graphql } from '../gql';
import { RsvpQuickAnswers } from './meeting/rsvp-overview';

const OverviewQuery = graphql(`
  query Overview($from: DateTime!, $to: DateTime!) {
    me {
      id
      displayName
      organizations {
        id
        name
      }
    }
    upcomingMeetings(from: $from, to: $to) {
      ...MeetingListItem
    }
    myActionItems {
      ...ActionItemRow
    }
    networks {
      id
      slug
      name
      myRole
      joinRequests(status: PENDING) {
        id
        message
        organization {
          id
          name
        }
        requestedBy {
          id
          displayName
        }
      }
    }
    pendingGroupJoinRequests {
      id
      message
      group {
        id
        name
      }
      person {
        id
        displayName
      }
      organization {
        id
        name
      }
    }
    calendarFeedUrl
  }
`);

const RotateFeed = graphql(`
  mutation RotateCalendarFeed {
    rotateCalendarFeedToken
  }
`);

/** Übersicht: my next meetings, open action items, join requests waiting for me, my calendar feed. */
export function OverviewPage() {
  const { t } = useTranslation();
  const range = useMemo(() => ({ from: new Date().toISOString(), to: new Date(Date.now() + 90 * 86_400_000).toISOString() }), []);
  const [{ data, error, fetching }, refetch] = useQuery({ query: OverviewQuery, variables: range });
  const [, decideNetwork] = useMutation(DecideNetworkJoin);
  const [, decideGroup] = useMutation(DecideGroupJoin);

  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const myNetworks = data.networks.filter((n) => n.myRole);
  const networkRequests = data.networks.flatMap((n) => n.joinRequests.map((r) => ({ ...r, network: n })));
  const waiting = networkRequests.length + data.pendingGroupJoinRequests.length;

  return (
    <Page title={t('overview.title')} kicker={t('overview.greeting', { name: data.me.displayName })}>
      <div className="ik-grid">
        <Section title={t('overview.meetings')} id="sitzungen">
          {data.upcomingMeetings.length ? (
            <MeetingList meetings={data.upcomingMeetings.slice(0, 8)} showGroup />
          ) : (
            <p className="kern-body">{myNetworks.length ? t('overview.noMeetings') : t('overview.noNetworks')}</p>
          )}
          <RsvpQuickAnswers />
          <p className="kern-body">
            <Link href="/kalender" className="kern-link">
              {t('overview.toCalendar')}
            </Link>
          </p>
        </Section>

        <Section title={t('overview.actionItems')} id="aufgaben">
          <ActionItemList items={data.myActionItems} showGroup emptyText={t('overview.noActionItems')} onChanged={reload} />
        </Section>

        <Section title={t('overview.requests', { count: waiting })} id="anfragen">
          {waiting === 0 && <p className="kern-body">{t('overview.noRequests')}</p>}
          <ul className="ik-list">
            {networkRequests.map((r) => (
              <JoinRequestItem
                key={r.id}
                title={t('overview.networkRequest', { organization: r.organization.name, network: r.network.name })}
                details={t('overview.requestedBy', { name: r.requestedBy.displayName })}
                message={r.message}
                subject={r.organization.name}
                onDecide={(approve, reason) => decideNetwork({ input: { joinRequestId: r.id, approve, reason } }).then(outcome(reload))}
              />
            ))}
            {data.pendingGroupJoinRequests.map((r) => (
              <JoinRequestItem
                key={r.id}
                title={t('overview.groupRequest', { person: r.person.displayName, group: r.group.name })}
                details={r.organization && t('overview.forOrganization', { organization: r.organization.name })}
                message={r.message}
                subject={r.person.displayName}
                onDecide={(approve, reason) => decideGroup({ input: { requestId: r.id, approve, reason } }).then(outcome(reload))}
              />
            ))}
          </ul>
        </Section>

        <Section title={t('overview.networks')} id="netzwerke">
          {myNetworks.length ? (
            <ul className="ik-list">
              {myNetworks.map((n) => (
                <li key={n.id} className="ik-list__item">
                  <Link href={`/netzwerke/${n.slug}`} className="kern-link">
                    {n.name}
                  </Link>
                  <span className="kern-body kern-body--small">{t(`roles.network.${n.myRole}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="kern-body">{t('overview.noNetworks')}</p>
          )}
        </Section>

        <CalendarFeed url={data.calendarFeedUrl} onRotated={() => refetch({ requestPolicy: 'network-only' })} />
      </div>
    </Page>
  );
}

function CalendarFeed({ url, onRotated }: { url: string; onRotated: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [rotation, rotate] = useMutation(RotateFeed);
  const copy = async () => {
    await navigator.clipboard.writeText(url).catch(() => undefined);
    setCopied(true);
  };
  return (
    <Section title={t('overview.feed')} id="kalender-abo">
      <p className="kern-body">{t('overview.feedHint')}</p>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="feed-url">
          {t('overview.feedUrl')}
        </label>
        {/* A text area, not an input: the whole address wraps and shows, never cut off on a phone. */}
        <textarea id="feed-url" className="kern-form-input__input ik-copy-field" readOnly rows={2} value={url} onFocus={(e) => e.target.select()} />
      </div>
      <div className="ik-actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('overview.copy')}
        </Button>
        {!confirming ? (
          <Button variant="tertiary" onClick={() => setConfirming(true)}>
            {t('overview.renew')}
          </Button>
        ) : (
          <>
            <Button
              variant="primary"
              onClick={() =>
                void rotate({}).then((r) => {
                  setConfirming(false);
                  setCopied(false);
                  if (!r.error) onRotated();
                })
              }
            >
              {t('overview.renewConfirm')}
            </Button>
            <Button variant="tertiary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </>
        )}
      </div>
      <div aria-live="polite">
        {copied && <Notice kind="success" title={t('overview.copied')} />}
        {confirming && <p className="kern-body">{t('overview.renewWarning')}</p>}
      </div>
      <ErrorAlert error={rotation.error} />
    </Section>
  );
}
