import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DateField } from '../../components/date-field';
import { Button, Form, FormActions, TextAreaField, TextField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { localToIso } from '../../lib/format';

const Schedule = graphql(`
  mutation ScheduleWebinar($input: ScheduleWebinarInput!) {
    scheduleWebinar(input: $input) {
      id
    }
  }
`);

/** "Name, Rolle" per line → speakers; empty lines are ignored. */
export function parseSpeakers(text: string): { name: string; role: string | null }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...role] = line.split(',');
      return { name: name.trim(), role: role.join(',').trim() || null };
    });
}

/** Schedules one webinar of a series: title, day, from–to, speakers, seats, own link (else the hub's video room). */
export function ScheduleWebinar({ seriesId, seriesTitle, onDone }: { seriesId: string; seriesTitle: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [from, setFrom] = useState('11:30');
  const [to, setTo] = useState('12:15');
  const [speakers, setSpeakers] = useState('');
  const [capacity, setCapacity] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [result, schedule] = useMutation(Schedule);
  const problem = apiProblem(result.error);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={t('webinars.organize.scheduleLabel', { title: seriesTitle })}>
        {t('webinars.organize.schedule')}
      </Button>
    );
  }
  const submit = async () => {
    const res = await schedule({
      input: {
        seriesId,
        title,
        description: description.trim() || null,
        startsAt: date ? localToIso(date, from) : '',
        endsAt: date ? localToIso(date, to) : '',
        speakers: parseSpeakers(speakers),
        capacity: capacity.trim() ? Number(capacity) : null,
        onlineUrl: onlineUrl.trim() || null,
      },
    });
    if (res.data) {
      setOpen(false);
      setTitle('');
      setDescription('');
      setSpeakers('');
      onDone();
    }
  };
  const fields = ['title', 'description', 'startsAt', 'endsAt', 'speakers', 'speakers.name', 'speakers.role', 'capacity', 'onlineUrl'];
  return (
    <Form onSubmit={submit}>
      <h3 className="kern-heading-small">{t('webinars.organize.scheduleIn', { title: seriesTitle })}</h3>
      <TextField
        label={t('webinars.organize.webinarTitle')}
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
      <DateField label={t('meeting.date')} value={date} onChange={setDate} error={messageFor(problem, 'startsAt')} />
      <div className="ik-form--inline">
        <TextField label={t('meeting.from')} type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('meeting.to')} type="time" value={to} onChange={(e) => setTo(e.target.value)} error={messageFor(problem, 'endsAt')} />
      </div>
      <TextAreaField
        label={t('webinars.organize.speakers')}
        hint={t('webinars.organize.speakersHint')}
        optional
        rows={2}
        value={speakers}
        onChange={(e) => setSpeakers(e.target.value)}
        error={messageFor(problem, 'speakers') ?? messageFor(problem, 'speakers.name') ?? messageFor(problem, 'speakers.role')}
      />
      <TextField
        label={t('webinars.organize.capacity')}
        hint={t('webinars.organize.capacityHint')}
        optional
        type="number"
        min={1}
        inputMode="numeric"
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
        error={messageFor(problem, 'capacity')}
      />
      <TextField
        label={t('webinars.organize.onlineUrl')}
        hint={t('webinars.organize.onlineUrlHint')}
        optional
        type="url"
        value={onlineUrl}
        onChange={(e) => setOnlineUrl(e.target.value)}
        error={messageFor(problem, 'onlineUrl')}
      />
      {isGeneral(problem, fields) && <ErrorAlert problem={problem} />}
      <FormActions submitLabel={t('webinars.organize.scheduleSubmit')} busy={result.fetching} onCancel={() => setOpen(false)} />
    </Form>
  );
}
