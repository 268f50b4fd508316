import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import { formatRange } from '../../lib/format';
import { AnswerMeeting, QUICK_ANSWERS } from './rsvp';

const NextAnswers = graphql(`
  query NextAnswers($from: DateTime!, $to: DateTime!) {
    upcomingMeetings(from: $from, to: $to) {
      id
      title
      startsAt
      endsAt
      timeZone
      mayAnswer
      group {
        id
        name
      }
      myAnswer {
        answer
        current
      }
    }
  }
`);

/** The overview's next meetings to answer: the person's answer and Zusage / Absage / Vielleicht in one click. */
export function RsvpQuickAnswers() {
  const { t } = useTranslation();
  const range = useMemo(() => ({ from: new Date().toISOString(), to: new Date(Date.now() + 90 * 86_400_000).toISOString() }), []);
  const [{ data }, refetch] = useQuery({ query: NextAnswers, variables: range });
  const [result, answer] = useMutation(AnswerMeeting);
  const open = (data?.upcomingMeetings ?? []).filter((m) => m.mayAnswer).slice(0, 5);
  if (!open.length) return null;
  return (
    <div data-testid="rsvp-quick">
      <h3 className="kern-heading-small">{t('rsvp.quickTitle')}</h3>
      <ul className="ik-list">
        {open.map((m) => {
          const mine = m.myAnswer;
          const name = `${m.group.name}: ${m.title}`;
          return (
            <li key={m.id} className="ik-list__item">
              <div>
                {/* The meeting's link is in the list above; here only its name (no second link of the same name). */}
                <strong className="kern-body">{name}</strong>
                <p className="kern-body kern-body--small">
                  <time dateTime={m.startsAt}>{formatRange(m.startsAt, m.endsAt, m.timeZone)}</time> ·{' '}
                  {!mine
                    ? t('rsvp.noAnswer')
                    : mine.current
                      ? t(`rsvp.answers.${mine.answer}`)
                      : `${t(`rsvp.answers.${mine.answer}`)} – ${t('rsvp.beforeChange')}`}
                </p>
                <div className="ik-actions" role="group" aria-label={t('rsvp.answerFor', { name })}>
                  {QUICK_ANSWERS.map((a) => (
                    <Button
                      key={a}
                      variant={mine?.current && mine.answer === a ? 'primary' : 'tertiary'}
                      aria-pressed={!!mine?.current && mine.answer === a}
                      disabled={result.fetching}
                      onClick={() => void answer({ input: { meetingId: m.id, answer: a } }).then((r) => !r.error && refetch({ requestPolicy: 'network-only' }))}
                    >
                      {t(`rsvp.answers.${a}`)}
                    </Button>
                  ))}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorAlert error={result.error} />
    </div>
  );
}
