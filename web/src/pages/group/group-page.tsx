import { useMemo } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { Button } from '../../components/form';
import { MeetingList } from '../../components/meeting-list';
import { Page, PanelTitle, Section } from '../../components/page';
import { ErrorAlert, Loading } from '../../components/status';
import { graphql } from '../../gql';
import { NotFoundPage } from '../not-found';
import { ActionItemsTab } from './action-items-tab';
import { ApprovalRuleSettings } from './approval-rule';
import { ChannelsTab } from './channels-tab';
import { CreateMeeting } from './create-meeting';
import { JoinGroup } from './join-group';
import { MembersTab } from './members-tab';
import { PollsTab } from './polls-tab';
import { SeriesTab } from './series-tab';

const GroupQuery = graphql(`
  query GroupPage($id: ID!, $now: DateTime!, $past: DateTime!, $until: DateTime!) {
    group(id: $id) {
      id
      name
      level
      description
      joinPolicy
      ...ApprovalRuleFields
      memberCount
      myRole
      myJoinRequest {
        id
        status
      }
      viewerCanManage
      matrixRoomId
      calendarFeedUrl
      network {
        id
        slug
        name
        myRole
      }
      parent {
        id
        name
      }
      leadOrganization {
        id
        name
      }
      organizations {
        id
        name
      }
      upcoming: meetings(from: $now, to: $until) {
        ...MeetingListItem
      }
      past: meetings(from: $past, to: $now) {
        ...MeetingListItem
      }
      series {
        ...SeriesItem
      }
      openActionItems {
        id
      }
      actionItems {
        ...ActionItemRow
      }
      ...AssigneeChoices
      members {
        role
        since
        until
        person {
          id
          displayName
        }
        organization {
          id
          name
        }
      }
      datePolls {
        ...PollItem
      }
      joinRequests(status: PENDING) {
        id
        message
        person {
          id
          displayName
        }
        organization {
          id
          name
        }
      }
    }
    me {
      id
      organizations {
        id
        name
      }
    }
  }
`);

const Leave = graphql(`
  mutation LeaveGroup($groupId: ID!) {
    leaveGroup(groupId: $groupId)
  }
`);

/** Gruppe: meetings, the jour fixe, action items, members, date polls and the group's channels. */
export function GroupPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const variables = useMemo(() => {
    const now = Date.now();
    return {
      id,
      now: new Date(now).toISOString(),
      past: new Date(now - 365 * 86_400_000).toISOString(),
      until: new Date(now + 120 * 86_400_000).toISOString(),
    };
  }, [id]);
  const [{ data, error, fetching }, refetch] = useQuery({ query: GroupQuery, variables });
  const [left, leave] = useMutation(Leave);
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const group = data.group;
  if (!group) return <NotFoundPage what={t('group.thisGroup')} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const insider = !!group.myRole || group.viewerCanManage;

  return (
    <Page
      title={group.name}
      kicker={
        <>
          <Link href={`/netzwerke/${group.network.slug}`} className="kern-link">
            {group.network.name}
          </Link>{' '}
          · {t(`group.level.${group.level}`)}
        </>
      }
      actions={
        <>
          {group.viewerCanManage && (
            <Link href={`/planung?gruppe=${group.id}`} className="kern-btn kern-btn--secondary">
              <span className="kern-label">{t('group.planSeries')}</span>
            </Link>
          )}
          {group.myRole && (
            <Button variant="tertiary" onClick={() => void leave({ groupId: group.id }).then((r) => !r.error && reload())}>
              {t('group.leave')}
            </Button>
          )}
        </>
      }
    >
      <ErrorAlert error={left.error} />
      {group.description && <p className="kern-body kern-body--large">{group.description}</p>}
      <p className="kern-body">
        {group.leadOrganization && <>{t('group.lead', { city: group.leadOrganization.name })} · </>}
        {t('group.memberCount', { count: group.memberCount })}
        {group.organizations.length > 0 && <> · {group.organizations.map((o) => o.name).join(', ')}</>}
      </p>
      {!insider && <p className="kern-body">{t('group.outsiderHint')}</p>}
      {!group.myRole && <JoinGroup group={group} myOrganizations={data.me.organizations} onChanged={reload} />}

      <Tabs className="ik-tabs" defaultSelectedKey="sitzungen">
        <TabList aria-label={t('group.sections')}>
          <Tab id="sitzungen">{t('group.tabs.meetings')}</Tab>
          {insider && <Tab id="serien">{t('group.tabs.series')}</Tab>}
          {insider && <Tab id="aufgaben">{t('group.tabs.actionItems', { count: group.openActionItems.length })}</Tab>}
          {insider && <Tab id="mitglieder">{t('group.tabs.members')}</Tab>}
          {insider && <Tab id="umfragen">{t('group.tabs.polls')}</Tab>}
          {insider && <Tab id="kanaele">{t('group.tabs.channels')}</Tab>}
        </TabList>
        <TabPanel id="sitzungen">
          <Section title={t('group.upcoming')}>
            {group.upcoming.length ? <MeetingList meetings={group.upcoming} /> : <p className="kern-body">{t('group.noUpcoming')}</p>}
            {group.viewerCanManage && <CreateMeeting groupId={group.id} />}
          </Section>
          <Section title={t('group.past')}>
            {group.past.length ? <MeetingList meetings={[...group.past].reverse()} /> : <p className="kern-body">{t('group.noPast')}</p>}
          </Section>
        </TabPanel>
        {insider && (
          <>
            <TabPanel id="serien">
              <PanelTitle>{t('group.tabs.series')}</PanelTitle>
              <SeriesTab series={group.series} canManage={group.viewerCanManage} groupId={group.id} />
            </TabPanel>
            <TabPanel id="aufgaben">
              <PanelTitle>{t('group.tabs.actionItems', { count: group.openActionItems.length })}</PanelTitle>
              <ActionItemsTab items={group.actionItems} groupId={group.id} canManage={group.viewerCanManage} choices={group} onChanged={reload} />
            </TabPanel>
            <TabPanel id="mitglieder">
              <PanelTitle>{t('group.tabs.members')}</PanelTitle>
              <MembersTab group={group} onChanged={reload} />
              <ApprovalRuleSettings group={group} members={group.members} canManage={group.viewerCanManage} />
            </TabPanel>
            <TabPanel id="umfragen">
              <PanelTitle>{t('group.tabs.polls')}</PanelTitle>
              <PollsTab polls={group.datePolls} groupId={group.id} canManage={group.viewerCanManage} canVote={!!group.myRole} onChanged={reload} />
            </TabPanel>
            <TabPanel id="kanaele">
              <PanelTitle>{t('group.tabs.channels')}</PanelTitle>
              <ChannelsTab matrixRoomId={group.matrixRoomId} calendarFeedUrl={group.calendarFeedUrl} />
            </TabPanel>
          </>
        )}
      </Tabs>
    </Page>
  );
}
