import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../../components/form';
import { Page } from '../../components/page';
import { Badge, ErrorAlert, Loading } from '../../components/status';
import { graphql } from '../../gql';
import { formatRange } from '../../lib/format';
import { OrganizerSection } from './organizer-section';

const WebinarsQuery = graphql(`
  query UpcomingWebinars($from: DateTime!) {
    upcomingWebinars(from: $from) {
      id
      title
      description
      startsAt
      endsAt
      timeZone
      status
      capacity
      confirmedCount
      waitlistCount
      joinUrl
      series {
        id
        title
        organizer {
          id
          name
        }
      }
      speakers {
        name
        role
        organization {
          id
          name
        }
      }
      myRegistration {
        id
        status
        waitlistPosition
      }
    }
  }
`);

const Register = graphql(`
  mutation RegisterForWebinar($input: RegisterForWebinarInput!) {
    registerForWebinar(input: $input) {
      id
      status
      waitlistPosition
    }
  }
`);

const CancelRegistration = graphql(`
  mutation CancelWebinarRegistration($webinarId: ID!) {
    cancelWebinarRegistration(webinarId: $webinarId) {
      id
      status
    }
  }
`);

/** Webinare: practitioners' talks ("Digital ins Wochenende"); register, and get the access link once confirmed. */
export function WebinarsPage() {
  const { t } = useTranslation();
  const variables = useMemo(() => ({ from: new Date().toISOString() }), []);
  const [{ data, error, fetching }, refetch] = useQuery({ query: WebinarsQuery, variables });
  const [registered, register] = useMutation(Register);
  const [cancelled, cancel] = useMutation(CancelRegistration);
  if (!data) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page title={t('webinars.title')}>
      <p className="kern-body">{t('webinars.intro')}</p>
      <ErrorAlert error={registered.error ?? cancelled.error} />
      {data.upcomingWebinars.length === 0 && <p className="kern-body">{t('webinars.none')}</p>}
      <ul className="ik-list">
        {data.upcomingWebinars.map((w) => {
          const mine = w.myRegistration && w.myRegistration.status !== 'CANCELLED' ? w.myRegistration : null;
          const full = w.capacity !== null && w.confirmedCount >= w.capacity;
          return (
            <li key={w.id} className="ik-list__item ik-list__item--stack" data-testid="webinar">
              <div>
                {w.series && <p className="kern-preline">{w.series.title}</p>}
                <h2 className="kern-heading-small">{w.title}</h2>
                <p className="kern-body">
                  <time dateTime={w.startsAt}>{formatRange(w.startsAt, w.endsAt, w.timeZone)}</time>
                  {w.status === 'CANCELLED' && (
                    <>
                      {' '}
                      <Badge kind="danger">{t('meeting.status.CANCELLED')}</Badge>
                    </>
                  )}
                </p>
                {w.speakers.length > 0 && (
                  <p className="kern-body kern-body--small">
                    {t('webinars.speakers')}: {w.speakers.map((s) => [s.name, s.role, s.organization?.name].filter(Boolean).join(', ')).join('; ')}
                  </p>
                )}
                {w.description && <p className="kern-body">{w.description}</p>}
                <p className="kern-body kern-body--small">
                  {w.capacity === null ? t('webinars.unlimited') : t('webinars.seats', { confirmed: w.confirmedCount, capacity: w.capacity })}
                  {w.waitlistCount > 0 && ` · ${t('webinars.waitlist', { count: w.waitlistCount })}`}
                </p>
              </div>
              <div className="ik-actions">
                {mine?.status === 'CONFIRMED' && <Badge kind="success">{t('webinars.confirmed')}</Badge>}
                {mine?.status === 'WAITLISTED' && <Badge kind="warning">{t('webinars.onWaitlist', { position: mine.waitlistPosition })}</Badge>}
                {w.joinUrl && w.status !== 'CANCELLED' && (
                  <a className="kern-btn kern-btn--primary" href={w.joinUrl} target="_blank" rel="noopener noreferrer">
                    <span className="kern-label">{t('webinars.join')}</span>
                  </a>
                )}
                {w.status !== 'CANCELLED' &&
                  (mine ? (
                    <Button
                      variant="tertiary"
                      onClick={() => void cancel({ webinarId: w.id }).then(reload)}
                      aria-label={t('webinars.cancelLabel', { title: w.title })}
                    >
                      {t('webinars.cancel')}
                    </Button>
                  ) : (
                    <Button
                      onClick={() => void register({ input: { webinarId: w.id } }).then(reload)}
                      aria-label={t(full ? 'webinars.waitlistLabel' : 'webinars.registerLabel', { title: w.title })}
                    >
                      {full ? t('webinars.joinWaitlist') : t('webinars.register')}
                    </Button>
                  ))}
              </div>
            </li>
          );
        })}
      </ul>
      <OrganizerSection onChange={reload} />
    </Page>
  );
}
