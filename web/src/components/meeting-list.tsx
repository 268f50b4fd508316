import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { graphql } from '../gql';
import type { MeetingListItemFragment } from '../gql/graphql';
import { formatRange } from '../lib/format';
import { Badge } from './status';

export const MeetingListItem = graphql(`
  fragment MeetingListItem on Meeting {
    id
    title
    startsAt
    endsAt
    timeZone
    status
    location
    onlineUrl
    videoRoomUrl
    group {
      id
      name
    }
  }
`);

export function MeetingList({ meetings, showGroup = false }: { meetings: MeetingListItemFragment[]; showGroup?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="ik-list">
      {meetings.map((m) => (
        <li key={m.id} className="ik-list__item ik-meeting">
          <div>
            <Link href={`/sitzungen/${m.id}`} className="kern-link ik-meeting__title">
              {showGroup ? `${m.group.name}: ${m.title}` : m.title}
            </Link>
            <div className="kern-body kern-body--small">
              <time dateTime={m.startsAt}>{formatRange(m.startsAt, m.endsAt, m.timeZone)}</time>
              {m.location && ` · ${m.location}`}
            </div>
          </div>
          <div className="ik-meeting__side">
            {m.status !== 'SCHEDULED' && <Badge kind={m.status === 'CANCELLED' ? 'danger' : 'success'}>{t(`meeting.status.${m.status}`)}</Badge>}
            {(m.videoRoomUrl ?? m.onlineUrl) && m.status !== 'CANCELLED' && (
              <a
                href={(m.videoRoomUrl ?? m.onlineUrl)!}
                className="kern-link"
                target="_blank"
                rel="noopener noreferrer"
                aria-label={t('meeting.joinOnlineLabel', { title: m.title })}
              >
                {t('meeting.joinOnline')}
              </a>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
