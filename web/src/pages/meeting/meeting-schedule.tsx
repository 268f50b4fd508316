import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DateField } from '../../components/date-field';
import { Button, TextField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, messageFor } from '../../graphql/errors';
import { formatTime, localDate, localToIso } from '../../lib/format';

const Reschedule = graphql(`
  mutation RescheduleMeeting($input: RescheduleMeetingInput!) {
    rescheduleMeeting(input: $input) {
      id
      startsAt
      endsAt
    }
  }
`);

const Cancel = graphql(`
  mutation CancelMeeting($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      id
      status
    }
  }
`);

/** Moderators move a meeting or call it off (one occurrence of a series stays cancelled). */
export function MeetingSchedule({
  meeting,
  onChanged,
}: {
  meeting: { id: string; startsAt: string; endsAt: string; timeZone: string };
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'none' | 'move' | 'cancel'>('none');
  const [date, setDate] = useState(localDate(meeting.startsAt, meeting.timeZone));
  const [from, setFrom] = useState(formatTime(meeting.startsAt, meeting.timeZone));
  const [to, setTo] = useState(formatTime(meeting.endsAt, meeting.timeZone));
  const [reason, setReason] = useState('');
  const [moved, move] = useMutation(Reschedule);
  const [cancelled, cancel] = useMutation(Cancel);
  const problem = apiProblem(moved.error ?? cancelled.error);
  return (
    <div className="ik-no-print">
      <div className="ik-actions">
        <Button variant="secondary" onClick={() => setMode(mode === 'move' ? 'none' : 'move')} aria-expanded={mode === 'move'}>
          {t('meeting.reschedule')}
        </Button>
        <Button variant="tertiary" onClick={() => setMode(mode === 'cancel' ? 'none' : 'cancel')} aria-expanded={mode === 'cancel'}>
          {t('meeting.cancel')}
        </Button>
      </div>
      {mode === 'move' && (
        <form
          className="ik-form"
          onSubmit={(e) => {
            e.preventDefault();
            void move({
              input: { meetingId: meeting.id, startsAt: localToIso(date, from, meeting.timeZone), endsAt: localToIso(date, to, meeting.timeZone) },
            }).then((r) => {
              if (!r.error) {
                setMode('none');
                onChanged();
              }
            });
          }}
        >
          <DateField label={t('meeting.date')} value={date} onChange={setDate} error={messageFor(problem, 'startsAt')} />
          <div className="ik-form--inline">
            <TextField label={t('meeting.from')} type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
            <TextField label={t('meeting.to')} type="time" value={to} onChange={(e) => setTo(e.target.value)} error={messageFor(problem, 'endsAt')} />
          </div>
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('meeting.rescheduleSubmit')}</span>
          </button>
        </form>
      )}
      {mode === 'cancel' && (
        <form
          className="ik-form"
          onSubmit={(e) => {
            e.preventDefault();
            void cancel({ input: { meetingId: meeting.id, reason: reason.trim() || null } }).then((r) => {
              if (!r.error) {
                setMode('none');
                onChanged();
              }
            });
          }}
        >
          <TextField
            label={t('meeting.cancelReason')}
            optional
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={messageFor(problem, 'reason')}
          />
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('meeting.cancelSubmit')}</span>
          </button>
        </form>
      )}
      {problem && !messageFor(problem, 'startsAt') && !messageFor(problem, 'endsAt') && !messageFor(problem, 'reason') && <ErrorAlert problem={problem} />}
    </div>
  );
}
