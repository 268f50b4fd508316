import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button, CheckboxField, SelectField, TextField } from '../../components/form';
import { Section } from '../../components/page';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { RsvpAnswer } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';

const RsvpQuery = graphql(`
  query MeetingRsvp($id: ID!) {
    meeting(id: $id) {
      id
      viewerCanManage
      mayAnswer
      series {
        id
        title
      }
      myAnswer {
        answer
        current
        forSeries
        comment
        deputyName
        deputyEmail
        deputy {
          id
          displayName
        }
      }
      deputyCandidates {
        id
        displayName
      }
      expectedAttendance {
        organization {
          id
          name
        }
        invited
        accepted
        tentative
        declined
        deputies
        noAnswer
        outdated
        people {
          person {
            id
            displayName
          }
          answer {
            answer
            current
            source
            comment
            deputyName
            deputyEmail
            deputy {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

export const AnswerMeeting = graphql(`
  mutation AnswerMeeting($input: AnswerMeetingInput!) {
    answerMeeting(input: $input) {
      id
      mayAnswer
      myAnswer {
        answer
        current
      }
    }
  }
`);

const AnswerSeries = graphql(`
  mutation AnswerSeries($input: AnswerSeriesInput!) {
    answerSeries(input: $input) {
      seriesId
      answer
      appliesTo
    }
  }
`);

export const QUICK_ANSWERS: RsvpAnswer[] = ['ACCEPTED', 'DECLINED', 'TENTATIVE'];

/**
 * "Ihre Teilnahme" (Zusage, Absage, Vielleicht, Vertretung benennen) for invited people, and
 * "Erwartete Teilnahme" per city: counts for the meeting's groups, names for the moderation.
 * Answers given before the meeting changed are shown as such and ask again.
 */
export function Rsvp({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const [{ data }, refetch] = useQuery({ query: RsvpQuery, variables: { id: meetingId } });
  const [answerResult, answer] = useMutation(AnswerMeeting);
  const [seriesResult, answerSeries] = useMutation(AnswerSeries);
  const [deputyOpen, setDeputyOpen] = useState(false);
  const [deputyId, setDeputyId] = useState('');
  const [wholeSeries, setWholeSeries] = useState(false);
  const [seriesNote, setSeriesNote] = useState<string | null>(null);
  // The note goes with the next answer; until then it is the one last sent.
  const [comment, setComment] = useState<string | null>(null);
  const deputyField = useId();
  const meeting = data?.meeting;
  if (!meeting) return null;
  const mine = meeting.myAnswer;
  const note = comment ?? mine?.comment ?? '';
  const problem = apiProblem(answerResult.error ?? seriesResult.error);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const send = async (value: RsvpAnswer, deputyPersonId: string | null = null) => {
    setSeriesNote(null);
    if (wholeSeries && meeting.series) {
      const r = await answerSeries({ input: { seriesId: meeting.series.id, answer: value, deputyPersonId, comment: note || null } });
      if (!r.data) return;
      setSeriesNote(t('rsvp.seriesDone', { count: r.data.answerSeries.appliesTo }));
    } else {
      const r = await answer({ input: { meetingId, answer: value, deputyPersonId, comment: note || null } });
      if (!r.data) return;
    }
    if (value === 'DEPUTY') setDeputyOpen(false);
    reload();
  };
  const busy = answerResult.fetching || seriesResult.fetching;
  const showOwn = meeting.mayAnswer || !!mine;
  const expected = meeting.expectedAttendance;

  return (
    <>
      {showOwn && (
        <Section title={t('rsvp.title')} id="teilnahme">
          <div aria-live="polite" data-testid="rsvp-status">
            <p className="kern-body">
              {!mine
                ? t('rsvp.none')
                : mine.current
                  ? t('rsvp.yours', { answer: t(`rsvp.answers.${mine.answer}`) })
                  : t('rsvp.outdated', { answer: t(`rsvp.answers.${mine.answer}`) })}
              {mine?.answer === 'DEPUTY' && mine.current && (
                <> {t('rsvp.deputyIs', { name: mine.deputy?.displayName ?? mine.deputyName ?? mine.deputyEmail ?? '–' })}</>
              )}
              {mine?.forSeries && <> {t('rsvp.forSeries')}</>}
            </p>
            {seriesNote && <p className="kern-body">{seriesNote}</p>}
          </div>
          {meeting.mayAnswer && (
            <>
              {meeting.series && (
                <CheckboxField
                  label={t('rsvp.wholeSeries', { title: meeting.series.title })}
                  checked={wholeSeries}
                  onChange={(e) => setWholeSeries(e.target.checked)}
                />
              )}
              <TextField
                label={t('rsvp.comment')}
                hint={t('rsvp.commentHint')}
                optional
                value={note}
                maxLength={500}
                autoComplete="off"
                onChange={(e) => setComment(e.target.value)}
                error={messageFor(problem, 'comment')}
              />
              <div className="ik-actions" role="group" aria-label={t('rsvp.answerLabel')}>
                {QUICK_ANSWERS.map((a) => (
                  <Button
                    key={a}
                    variant={mine?.current && mine.answer === a ? 'primary' : 'secondary'}
                    aria-pressed={!!mine?.current && mine.answer === a}
                    disabled={busy}
                    onClick={() => void send(a)}
                  >
                    {t(`rsvp.answers.${a}`)}
                  </Button>
                ))}
                <Button
                  variant={mine?.current && mine.answer === 'DEPUTY' ? 'primary' : 'secondary'}
                  aria-expanded={deputyOpen}
                  aria-controls={deputyOpen ? `${deputyField}-box` : undefined}
                  onClick={() => setDeputyOpen(!deputyOpen)}
                >
                  {t('rsvp.nameDeputy')}
                </Button>
              </div>
              {deputyOpen && (
                <div id={`${deputyField}-box`} className="ik-form">
                  {meeting.deputyCandidates.length ? (
                    <>
                      <SelectField
                        id={deputyField}
                        label={t('rsvp.deputy')}
                        hint={t('rsvp.deputyHint')}
                        value={deputyId}
                        onChange={(e) => setDeputyId(e.target.value)}
                        options={[
                          { value: '', label: t('attendance.choosePerson') },
                          ...meeting.deputyCandidates.map((p) => ({ value: p.id, label: p.displayName })),
                        ]}
                        error={messageFor(problem, 'deputyPersonId')}
                      />
                      <div className="ik-actions">
                        <Button disabled={busy} onClick={() => void send('DEPUTY', deputyId || null)}>
                          {t('rsvp.saveDeputy')}
                        </Button>
                      </div>
                    </>
                  ) : (
                    <p className="kern-body">{t('rsvp.noCandidates')}</p>
                  )}
                </div>
              )}
              {!deputyOpen && messageFor(problem, 'deputyPersonId') && <ErrorAlert problem={problem} />}
              {isGeneral(problem, ['deputyPersonId', 'comment']) && <ErrorAlert problem={problem} />}
            </>
          )}
          <p className="kern-body kern-body--small">{t('rsvp.mailHint')}</p>
        </Section>
      )}
      {expected.length > 0 && (
        <Section title={t('rsvp.expected')} id="erwartet">
          <ul className="ik-list" data-testid="expected-attendance">
            {expected.map((e) => (
              <li key={e.organization?.id ?? 'none'} className="ik-list__item">
                <div>
                  <strong>{e.organization?.name ?? t('rsvp.noOrganization')}</strong>
                  <p className="kern-body">
                    {t('rsvp.counts', { accepted: e.accepted, tentative: e.tentative, declined: e.declined, deputies: e.deputies, noAnswer: e.noAnswer })}
                    {e.outdated > 0 && <> {t('rsvp.outdatedCount', { count: e.outdated })}</>}
                  </p>
                  {meeting.viewerCanManage && e.people.length > 0 && (
                    <ul className="kern-body kern-body--small">
                      {e.people.map((p) => (
                        <li key={p.person.id}>
                          {p.person.displayName}:{' '}
                          {!p.answer
                            ? t('rsvp.noAnswer')
                            : `${t(`rsvp.answers.${p.answer.answer}`)}${
                                p.answer.answer === 'DEPUTY' ? ` (${p.answer.deputy?.displayName ?? p.answer.deputyName ?? p.answer.deputyEmail ?? '–'})` : ''
                              }${p.answer.current ? '' : ` – ${t('rsvp.beforeChange')}`}${p.answer.comment ? ` – „${p.answer.comment}“` : ''}${p.answer.source === 'MAIL' ? ` · ${t('rsvp.sources.MAIL')}` : ''}`}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
