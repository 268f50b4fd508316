import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button, Form, FormActions, SelectField, TextAreaField, TextField } from '../../components/form';
import { Badge, ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { WebinarOrganizerQuery } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { formatRange } from '../../lib/format';
import { ParticipantList } from './participant-list';
import { ScheduleWebinar } from './schedule-webinar';

const OrganizerQuery = graphql(`
  query WebinarOrganizer {
    myEventSeries {
      id
      title
      visibility
      network {
        id
        name
      }
      organizer {
        id
        name
      }
      webinars {
        id
        title
        startsAt
        endsAt
        timeZone
        status
        capacity
        confirmedCount
        waitlistCount
      }
    }
    networks {
      id
      slug
      name
      myRole
    }
  }
`);

const NetworkMembers = graphql(`
  query SeriesOrganizers($slug: String!) {
    network(slug: $slug) {
      id
      members {
        status
        organization {
          id
          name
        }
      }
    }
  }
`);

const CreateSeries = graphql(`
  mutation CreateEventSeries($input: CreateEventSeriesInput!) {
    createEventSeries(input: $input) {
      id
    }
  }
`);

const CancelWebinar = graphql(`
  mutation CancelWebinar($webinarId: ID!, $reason: String) {
    cancelWebinar(webinarId: $webinarId, reason: $reason) {
      id
      status
    }
  }
`);

/** How long a past webinar stays in its organizers' list (attendance, CSV). */
const RECENT_MS = 30 * 86_400_000;

type Network = { id: string; slug: string; name: string };
type Series = WebinarOrganizerQuery['myEventSeries'][number];

/**
 * For organizers (network ADMINs/MODERATORs, a series' creator, hub admins): their series, each with
 * its webinars, seats taken and waitlist, scheduling and cancelling; and a new series for a network.
 * Shows nothing to people who organize nothing.
 */
export function OrganizerSection({ onChange }: { onChange: () => void }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: OrganizerQuery });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const networks = data.networks.filter((n) => n.myRole === 'ADMIN' || n.myRole === 'MODERATOR');
  if (data.myEventSeries.length === 0 && networks.length === 0) return null;
  const changed = () => {
    refetch({ requestPolicy: 'network-only' });
    onChange();
  };
  return (
    <section className="ik-section" aria-labelledby="organize-heading">
      <h2 id="organize-heading" className="kern-heading-medium">
        {t('webinars.organize.title')}
      </h2>
      {data.myEventSeries.map((series) => (
        <SeriesCard key={series.id} series={series} onChange={changed} />
      ))}
      {networks.length > 0 && <CreateSeriesForm networks={networks} onDone={changed} />}
    </section>
  );
}

/** One series for its organizers: its coming webinars with seats and waitlist, cancelling one, scheduling the next. */
function SeriesCard({ series, onChange }: { series: Series; onChange: () => void }) {
  const { t } = useTranslation();
  const [cancelled, cancel] = useMutation(CancelWebinar);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [listed, setListed] = useState<string | null>(null);
  const now = Date.now();
  // Also those of the last 30 days: their participant lists serve the certificates of attendance.
  const upcoming = series.webinars.filter((w) => Date.parse(w.endsAt) > now - RECENT_MS);
  const submitCancel = async (webinarId: string) => {
    const r = await cancel({ webinarId, reason: reason.trim() || null });
    if (r.error) return;
    setCancelling(null);
    setReason('');
    onChange();
  };
  return (
    <article className="ik-section" aria-labelledby={`series-${series.id}`} data-testid="organized-series">
      <h3 id={`series-${series.id}`} className="kern-heading-small">
        {series.title}
      </h3>
      <p className="kern-body kern-body--small">
        {[series.organizer.name, series.network?.name, t(`webinars.organize.visibility.${series.visibility}`)].filter(Boolean).join(' · ')}
      </p>
      <ErrorAlert error={cancelled.error} />
      {upcoming.length === 0 && <p className="kern-body">{t('webinars.organize.noneScheduled')}</p>}
      <ul className="ik-list">
        {upcoming.map((w) => (
          <li key={w.id} className="ik-list__item ik-list__item--stack">
            <div>
              <p className="kern-body">
                <strong>{w.title}</strong> – <time dateTime={w.startsAt}>{formatRange(w.startsAt, w.endsAt, w.timeZone)}</time>{' '}
                {w.status === 'CANCELLED' && <Badge kind="danger">{t('meeting.status.CANCELLED')}</Badge>}
              </p>
              <p className="kern-body kern-body--small">
                {w.capacity === null
                  ? t('webinars.organize.registered', { count: w.confirmedCount })
                  : t('webinars.seats', { confirmed: w.confirmedCount, capacity: w.capacity })}
                {w.waitlistCount > 0 && ` · ${t('webinars.waitlist', { count: w.waitlistCount })}`}
              </p>
            </div>
            {w.confirmedCount + w.waitlistCount > 0 && (
              <div className="ik-actions">
                <Button
                  variant="secondary"
                  aria-expanded={listed === w.id}
                  aria-label={t(listed === w.id ? 'webinars.organize.hideParticipants' : 'webinars.organize.showParticipants', { title: w.title })}
                  onClick={() => setListed(listed === w.id ? null : w.id)}
                >
                  {t('webinars.organize.participants')}
                </Button>
              </div>
            )}
            {listed === w.id && <ParticipantList webinar={w} />}
            {w.status === 'SCHEDULED' &&
              (cancelling === w.id ? (
                <Form onSubmit={() => submitCancel(w.id)}>
                  <TextField label={t('webinars.organize.reason')} optional value={reason} onChange={(e) => setReason(e.target.value)} />
                  <FormActions submitLabel={t('webinars.organize.cancelSubmit')} busy={cancelled.fetching} onCancel={() => setCancelling(null)} />
                </Form>
              ) : (
                <div className="ik-actions">
                  <Button variant="tertiary" onClick={() => setCancelling(w.id)} aria-label={t('webinars.organize.cancelLabel', { title: w.title })}>
                    {t('webinars.organize.cancel')}
                  </Button>
                </div>
              ))}
          </li>
        ))}
      </ul>
      <ScheduleWebinar seriesId={series.id} seriesTitle={series.title} onDone={onChange} />
    </article>
  );
}

function CreateSeriesForm({ networks, onDone }: { networks: Network[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [networkId, setNetworkId] = useState(networks[0].id);
  const network = networks.find((n) => n.id === networkId) ?? networks[0];
  // The member organizations (who may organize) only once the form is open.
  const [members] = useQuery({ query: NetworkMembers, variables: { slug: network.slug }, pause: !open });
  const organizations = (members.data?.network?.members ?? []).filter((m) => m.status === 'ACTIVE').map((m) => m.organization);
  const [organizerId, setOrganizerId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState('NETWORK');
  const [result, create] = useMutation(CreateSeries);
  const problem = apiProblem(result.error);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('webinars.organize.newSeries')}
      </Button>
    );
  }
  const submit = async () => {
    const res = await create({
      input: {
        title,
        description: description.trim() || null,
        networkId: network.id,
        organizerId: organizerId || organizations[0]?.id || '',
        visibility: visibility as never,
      },
    });
    if (res.data) {
      setOpen(false);
      setTitle('');
      setDescription('');
      onDone();
    }
  };
  return (
    <Form onSubmit={submit}>
      <h3 className="kern-heading-small">{t('webinars.organize.newSeries')}</h3>
      <TextField
        label={t('webinars.organize.seriesTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={messageFor(problem, 'title')}
        required
      />
      <TextAreaField
        label={t('webinars.organize.description')}
        optional
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={messageFor(problem, 'description')}
      />
      <SelectField
        label={t('webinars.organize.network')}
        value={network.id}
        onChange={(e) => {
          setNetworkId(e.target.value);
          setOrganizerId('');
        }}
        options={networks.map((n) => ({ value: n.id, label: n.name }))}
        error={messageFor(problem, 'networkId')}
      />
      <SelectField
        label={t('webinars.organize.organizer')}
        value={organizerId || organizations[0]?.id || ''}
        onChange={(e) => setOrganizerId(e.target.value)}
        options={organizations.map((o) => ({ value: o.id, label: o.name }))}
        error={messageFor(problem, 'organizerId')}
      />
      <SelectField
        label={t('webinars.organize.visibilityLabel')}
        value={visibility}
        onChange={(e) => setVisibility(e.target.value)}
        options={['NETWORK', 'HUB', 'PUBLIC'].map((v) => ({ value: v, label: t(`webinars.organize.visibility.${v}`) }))}
        error={messageFor(problem, 'visibility')}
      />
      {isGeneral(problem, ['title', 'description', 'networkId', 'organizerId', 'visibility']) && <ErrorAlert problem={problem} />}
      <FormActions submitLabel={t('webinars.organize.createSeries')} busy={result.fetching} onCancel={() => setOpen(false)} />
    </Form>
  );
}
