import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../components/page';
import { Badge, ErrorAlert, Loading } from '../../components/status';
import { graphql } from '../../gql';
import { formatRange } from '../../lib/format';
import { MyCertificatesSection } from './my-certificates';
import { OrganizerSection } from './organizer-section';
import { RegistrationActions } from './registration-actions';
import { Documents } from '../../components/documents';

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
        attendedAt
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
                {full && !mine && !w.joinUrl && w.status !== 'CANCELLED' && <p className="kern-body kern-body--small">{t('webinars.fullHint')}</p>}
                <Documents parentType="WEBINAR" parentId={w.id} headingLevel={3} title={t('documents.titleOf', { title: w.title })} />
              </div>
              <RegistrationActions
                webinar={w}
                mine={mine}
                full={full}
                onRegister={() => void register({ input: { webinarId: w.id } }).then(reload)}
                onCancel={() => void cancel({ webinarId: w.id }).then(reload)}
              />
            </li>
          );
        })}
      </ul>
      <MyCertificatesSection />
      <OrganizerSection onChange={reload} />
    </Page>
  );
}
