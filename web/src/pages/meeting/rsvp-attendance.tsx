import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';

const Suggestions = graphql(`
  query AttendanceSuggestions($id: ID!) {
    meeting(id: $id) {
      id
      attendanceSuggestions {
        person {
          id
          displayName
        }
        name
        email
        organization {
          id
          name
        }
        status
        role
        answer
      }
    }
  }
`);

const Take = graphql(`
  mutation TakeSuggestedAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      status
    }
  }
`);

const TakeExternal = graphql(`
  mutation TakeSuggestedExternal($input: AddExternalAttendeeInput!) {
    addExternalAttendee(input: $input) {
      id
    }
  }
`);

/**
 * The attendance list's starting point from the answers (Zusage → anwesend, Absage or Vertretung →
 * entschuldigt, the deputy → anwesend in Vertretung): the moderation takes each line over (or all at
 * once); nothing is recorded before. A deputy without an account becomes an external person by name.
 */
export function AttendanceFromAnswers({ meetingId, externalNames, onChanged }: { meetingId: string; externalNames: string[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [{ data }, refetch] = useQuery({ query: Suggestions, variables: { id: meetingId } });
  const [takeResult, take] = useMutation(Take);
  const [externalResult, takeExternal] = useMutation(TakeExternal);
  const lines = (data?.meeting?.attendanceSuggestions ?? []).filter((s) => s.person || !externalNames.includes(s.name ?? ''));
  if (!lines.length) return null;
  type Line = (typeof lines)[number];
  const nameOf = (s: Line) => s.person?.displayName ?? s.name ?? '–';
  const takeOne = async (s: Line) => {
    const r = s.person
      ? await take({ input: { meetingId, personId: s.person.id, status: s.status, role: s.role, organizationId: s.organization?.id ?? null } })
      : await takeExternal({ input: { meetingId, name: s.name ?? s.email ?? '–', organizationName: s.organization?.name ?? null, status: s.status } });
    return !r.error;
  };
  const done = () => {
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };
  const takeAll = async () => {
    for (const s of lines) if (!(await takeOne(s))) break;
    done();
  };
  return (
    <div className="ik-form ik-no-print" data-testid="attendance-from-answers">
      <h3 className="kern-heading-small">{t('rsvp.fromAnswers')}</h3>
      <p className="kern-body kern-body--small">{t('rsvp.fromAnswersHint')}</p>
      <ul className="ik-list">
        {lines.map((s) => (
          <li key={`${s.person?.id ?? s.name}-${s.status}`} className="ik-list__item">
            <span className="kern-body">
              {nameOf(s)}: {t(`attendance.${s.status}`)}
              {s.role === 'DEPUTY' && s.organization ? ` (${t('attendance.deputyFor', { organization: s.organization.name })})` : ''} ·{' '}
              <span className="kern-body--small">{t('rsvp.because', { answer: t(`rsvp.answers.${s.answer}`) })}</span>
            </span>
            <Button variant="tertiary" aria-label={t('rsvp.takeOne', { name: nameOf(s) })} onClick={() => void takeOne(s).then((ok) => ok && done())}>
              {t('rsvp.take')}
            </Button>
          </li>
        ))}
      </ul>
      <div className="ik-actions">
        <Button variant="secondary" disabled={takeResult.fetching || externalResult.fetching} onClick={() => void takeAll()}>
          {t('rsvp.takeAll')}
        </Button>
      </div>
      <ErrorAlert error={takeResult.error ?? externalResult.error} />
    </div>
  );
}
