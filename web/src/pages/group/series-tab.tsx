import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import type { SeriesItemFragment } from '../../gql/graphql';
import { formatDate, formatRange, today } from '../../lib/format';
import { describeRule } from '../../lib/rrule-builder';
import { Badge } from '../../components/status';

export const SeriesItem = graphql(`
  fragment SeriesItem on MeetingSeries {
    id
    title
    rrule
    startTime
    durationMinutes
    timeZone
    holidayPolicy
    holidayRegions
    startsOn
    until
    location
    onlineUrl
    occurrences(from: $now, to: $until) {
      id
      title
      startsAt
      endsAt
      timeZone
      status
    }
    skippedDates {
      date
      reason
    }
  }
`);

/** The group's series (the jour fixe): rule in words, next dates, and the holidays it skips. */
export function SeriesTab({ series, canManage, groupId }: { series: SeriesItemFragment[]; canManage: boolean; groupId: string }) {
  const { t } = useTranslation();
  if (!series.length) {
    return (
      <p className="kern-body">
        {t('series.none')}{' '}
        {canManage && (
          <Link href={`/planung?gruppe=${groupId}`} className="kern-link">
            {t('series.planOne')}
          </Link>
        )}
      </p>
    );
  }
  const now = today();
  return (
    <>
      {series.map((s) => {
        const skipped = s.skippedDates.filter((d) => d.date >= now);
        return (
          <section key={s.id} className="ik-section" aria-labelledby={`serie-${s.id}`}>
            <h3 className="kern-heading-small" id={`serie-${s.id}`}>
              {s.title}
            </h3>
            <p className="kern-body ik-rule">
              {describeRule(s.rrule, s.startTime, t)} · {t('series.duration', { minutes: s.durationMinutes })}
              {s.until && ` · ${t('series.until', { date: formatDate(s.until) })}`}
              <br />
              <span className="kern-body--small">
                {t(`series.policy.${s.holidayPolicy}`)} ({s.holidayRegions.map((r) => t(`states.${r}`, { defaultValue: r })).join(', ') || '–'})
              </span>
            </p>
            <div className="ik-two-cols">
              <div>
                <h4 className="kern-heading-small">{t('series.nextDates')}</h4>
                <ul className="ik-list">
                  {s.occurrences.slice(0, 6).map((m) => (
                    <li key={m.id} className="ik-list__item">
                      <Link href={`/sitzungen/${m.id}`} className="kern-link">
                        {formatRange(m.startsAt, m.endsAt, m.timeZone)}
                      </Link>
                      {m.status === 'CANCELLED' && <Badge kind="danger">{t('meeting.status.CANCELLED')}</Badge>}
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h4 className="kern-heading-small">{t('series.skipped')}</h4>
                {skipped.length ? (
                  <ul className="ik-list">
                    {skipped.slice(0, 6).map((d) => (
                      <li key={d.date} className="ik-list__item">
                        <span>{formatDate(d.date, true)}</span>
                        <span className="kern-body kern-body--small">{d.reason}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="kern-body">{t('series.noneSkipped')}</p>
                )}
              </div>
            </div>
          </section>
        );
      })}
    </>
  );
}
