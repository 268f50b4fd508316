import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { navigate } from 'wouter/use-browser-location';
import { DateField } from '../../components/date-field';
import { Button, Form, FormActions, TextField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { localToIso } from '../../lib/format';

const Create = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      id
    }
  }
`);

/** A single meeting (not a series): title, day, from–to, place or online link. */
export function CreateMeeting({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [from, setFrom] = useState('10:00');
  const [to, setTo] = useState('11:30');
  const [location, setLocation] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [result, create] = useMutation(Create);
  const problem = apiProblem(result.error);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('meeting.create')}
      </Button>
    );
  }
  const submit = async () => {
    const res = await create({
      input: {
        groupId,
        title,
        startsAt: date ? localToIso(date, from) : '',
        endsAt: date ? localToIso(date, to) : '',
        location: location.trim() || null,
        onlineUrl: onlineUrl.trim() || null,
      },
    });
    if (res.data) navigate(`/sitzungen/${res.data.createMeeting.id}`);
  };
  return (
    <Form onSubmit={submit}>
      <h3 className="kern-heading-small">{t('meeting.create')}</h3>
      <TextField label={t('meeting.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={messageFor(problem, 'title')} required />
      <DateField label={t('meeting.date')} value={date} onChange={setDate} error={messageFor(problem, 'startsAt')} />
      <div className="ik-form--inline">
        <TextField label={t('meeting.from')} type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('meeting.to')} type="time" value={to} onChange={(e) => setTo(e.target.value)} error={messageFor(problem, 'endsAt')} />
      </div>
      <TextField
        label={t('meeting.location')}
        optional
        value={location}
        onChange={(e) => setLocation(e.target.value)}
        error={messageFor(problem, 'location')}
      />
      <TextField
        label={t('meeting.onlineUrl')}
        optional
        type="url"
        value={onlineUrl}
        onChange={(e) => setOnlineUrl(e.target.value)}
        error={messageFor(problem, 'onlineUrl')}
      />
      {isGeneral(problem, ['title', 'startsAt', 'endsAt', 'location', 'onlineUrl']) && <ErrorAlert problem={problem} />}
      <FormActions submitLabel={t('meeting.createSubmit')} busy={result.fetching} onCancel={() => setOpen(false)} />
    </Form>
  );
}
