import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Page, Section } from '../../components/page';
import { Badge, ErrorAlert, Loading, Notice } from '../../components/status';
import { graphql } from '../../gql';
import { formatRange } from '../../lib/format';
import { NotFoundPage } from '../not-found';
import { Agenda } from './agenda';
import { Attendance } from './attendance';
import { MeetingSchedule } from './meeting-schedule';
import { ProtocolSection } from './protocol-section';
import { Rsvp } from './rsvp';

const MeetingQuery = graphql(`
  query MeetingPage($id: ID!) {
    meeting(id: $id) {
      id
      title
      startsAt
      endsAt
      timeZone
      status
      location
      onlineUrl
      videoRoomUrl
      cancelReason
      viewerCanManage
      viewerCanPropose
      series {
        id
        title
      }
      group {
        id
        name
        network {
          id
          slug
          name
        }
        ...AssigneeChoices
        organizations {
          id
          name
        }
        members {
          role
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
      agenda {
        ...AgendaEntry
      }
      attendance {
        status
        role
        person {
          id
          displayName
        }
        organization {
          id
          name
        }
      }
      externalAttendance {
        id
        name
        organizationName
        role
        status
        consentToPublish
      }
      protocol {
        ...ProtocolFull
      }
    }
    me {
      id
    }
  }
`);

/** Sitzung: agenda, attendance and the protocol, from preparation to publication. */
export function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MeetingQuery, variables: { id } });
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const meeting = data.meeting;
  if (!meeting) return <NotFoundPage what={t('meeting.thisMeeting')} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const inGroup = meeting.viewerCanManage || meeting.group.members.some((m) => m.person.id === data.me.id);
  // Once the protocol is approved or published the meeting is the record: the hub refuses changes
  // to its agenda, attendance, decisions and time, so none of those controls is offered.
  const frozenBy = meeting.protocol && (meeting.protocol.status === 'APPROVED' || meeting.protocol.status === 'PUBLISHED') ? meeting.protocol.status : null;
  const canChange = meeting.viewerCanManage && !frozenBy;

  return (
    <Page
      title={meeting.title}
      kicker={
        <>
          <Link href={`/gruppen/${meeting.group.id}`} className="kern-link">
            {meeting.group.name}
          </Link>{' '}
          · {meeting.group.network.name}
        </>
      }
    >
      <p className="kern-body kern-body--large">
        <time dateTime={meeting.startsAt}>{formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)}</time>{' '}
        {meeting.status !== 'SCHEDULED' && <Badge kind={meeting.status === 'CANCELLED' ? 'danger' : 'success'}>{t(`meeting.status.${meeting.status}`)}</Badge>}
      </p>
      {meeting.status === 'CANCELLED' && (
        <Notice kind="warning" title={t('meeting.cancelledNotice')}>
          {meeting.cancelReason && <p className="kern-body">{meeting.cancelReason}</p>}
        </Notice>
      )}
      <p className="kern-body">
        {meeting.location && <>{t('meeting.where', { location: meeting.location })} </>}
        {/* The personal video link (a Jitsi room with the caller's token) where the hub makes one; else the meeting's link. */}
        {(meeting.videoRoomUrl ?? meeting.onlineUrl) && meeting.status !== 'CANCELLED' && (
          <a href={(meeting.videoRoomUrl ?? meeting.onlineUrl)!} className="kern-link" target="_blank" rel="noopener noreferrer">
            {t('meeting.joinOnline')}
          </a>
        )}
        {meeting.series && <span className="kern-body--small"> · {t('meeting.partOfSeries', { title: meeting.series.title })}</span>}
      </p>
      {canChange && meeting.status !== 'CANCELLED' && <MeetingSchedule meeting={meeting} onChanged={reload} />}
      {frozenBy && inGroup && (
        <div data-testid="frozen-note">
          <Notice title={t(`meeting.frozen.${frozenBy}`)} />
        </div>
      )}
      {meeting.status !== 'CANCELLED' && <Rsvp meetingId={meeting.id} />}
      {/* A long page for moderators: jump links to its three parts. */}
      <nav aria-label={t('meeting.onThisPage')} className="ik-jump-nav">
        <a href="#tagesordnung" className="kern-link">
          {t('agenda.title')}
        </a>
        {inGroup && (
          <a href="#anwesenheit" className="kern-link">
            {t('attendance.title')}
          </a>
        )}
        <a href="#protokoll" className="kern-link">
          {t('protocol.title')}
        </a>
      </nav>

      <Section title={t('agenda.title')} id="tagesordnung">
        <Agenda
          meetingId={meeting.id}
          items={meeting.agenda}
          canManage={canChange}
          canPropose={meeting.viewerCanPropose && meeting.status !== 'CANCELLED' && !frozenBy}
          meId={data.me.id}
          onChanged={reload}
        />
      </Section>
      {inGroup && (
        <Section title={t('attendance.title')} id="anwesenheit">
          <Attendance
            meetingId={meeting.id}
            members={meeting.group.members}
            attendance={meeting.attendance}
            externals={meeting.externalAttendance}
            choices={meeting.group}
            canManage={canChange}
            onChanged={reload}
          />
        </Section>
      )}
      <ProtocolSection meeting={meeting} onChanged={reload} meId={data.me.id} />
    </Page>
  );
}
