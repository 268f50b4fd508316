import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { DateField } from '../../components/date-field';
import { Button, Form, TextField } from '../../components/form';
import { Badge, ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { PollAnswer, PollItemFragment } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { formatRange, localToIso } from '../../lib/format';

export const PollItem = graphql(`
  fragment PollItem on DatePoll {
    id
    title
    closed
    meeting {
      id
    }
    options {
      id
      startsAt
      endsAt
      yes
      maybe
      no
      myAnswer
    }
  }
`);

const Vote = graphql(`
  mutation VoteDatePoll($input: VoteDatePollInput!) {
    voteDatePoll(input: $input) {
      ...PollItem
    }
  }
`);

const Close = graphql(`
  mutation CloseDatePoll($input: CloseDatePollInput!) {
    closeDatePoll(input: $input) {
      ...PollItem
    }
  }
`);

const CreatePoll = graphql(`
  mutation CreateDatePoll($input: CreateDatePollInput!) {
    createDatePoll(input: $input) {
      id
    }
  }
`);

const ANSWERS: PollAnswer[] = ['YES', 'MAYBE', 'NO'];

export function PollsTab({
  polls,
  groupId,
  canManage,
  canVote,
  onChanged,
}: {
  polls: PollItemFragment[];
  groupId: string;
  canManage: boolean;
  canVote: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {polls.length === 0 && <p className="kern-body">{t('polls.none')}</p>}
      {polls.map((p) => (
        <Poll key={p.id} poll={p} canManage={canManage} canVote={canVote} onChanged={onChanged} />
      ))}
      {canManage && <NewPoll groupId={groupId} onCreated={onChanged} />}
    </>
  );
}

function Poll({ poll, canManage, canVote, onChanged }: { poll: PollItemFragment; canManage: boolean; canVote: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [voted, vote] = useMutation(Vote);
  const [closed, close] = useMutation(Close);
  // The answer shows at once; the hub's tallies follow with the refetch.
  const [answers, setAnswers] = useState<Record<string, PollAnswer>>({});
  const answer = (optionId: string, a: PollAnswer) => {
    setAnswers((cur) => ({ ...cur, [optionId]: a }));
    void vote({ input: { pollId: poll.id, votes: [{ optionId, answer: a }] } }).then((r) => {
      if (r.error) setAnswers((cur) => Object.fromEntries(Object.entries(cur).filter(([k]) => k !== optionId)));
      else onChanged();
    });
  };
  const best = Math.max(...poll.options.map((o) => o.yes * 2 + o.maybe));
  return (
    <section className="ik-section" aria-labelledby={`umfrage-${poll.id}`}>
      <h3 className="kern-heading-small" id={`umfrage-${poll.id}`}>
        {poll.title} {poll.closed && <Badge kind="success">{t('polls.closed')}</Badge>}
      </h3>
      {poll.meeting && (
        <p className="kern-body">
          <Link href={`/sitzungen/${poll.meeting.id}`} className="kern-link">
            {t('polls.toMeeting')}
          </Link>
        </p>
      )}
      <div className="ik-table-wrap">
        <table className="kern-table">
          <caption className="kern-sr-only">{poll.title}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('polls.slot')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('polls.tally')}
              </th>
              {canVote && !poll.closed && (
                <th scope="col" className="kern-table__header">
                  {t('polls.yourAnswer')}
                </th>
              )}
              {canManage && !poll.closed && (
                <th scope="col" className="kern-table__header">
                  <span className="kern-sr-only">{t('polls.choose')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {poll.options.map((o) => {
              const slot = formatRange(o.startsAt, o.endsAt);
              return (
                <tr key={o.id} className="kern-table__row">
                  <td className="kern-table__cell">
                    {slot} {o.yes * 2 + o.maybe === best && best > 0 && <Badge kind="info">{t('polls.best')}</Badge>}
                  </td>
                  <td className="kern-table__cell">{t('polls.counts', { yes: o.yes, maybe: o.maybe, no: o.no })}</td>
                  {canVote && !poll.closed && (
                    <td className="kern-table__cell">
                      <fieldset className="ik-answers">
                        <legend className="kern-sr-only">{t('polls.answerFor', { slot })}</legend>
                        {ANSWERS.map((a) => (
                          <label key={a} className="ik-answer">
                            <input type="radio" name={`antwort-${o.id}`} checked={(answers[o.id] ?? o.myAnswer) === a} onChange={() => answer(o.id, a)} />{' '}
                            {t(`polls.answer.${a}`)}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                  )}
                  {canManage && !poll.closed && (
                    <td className="kern-table__cell">
                      <Button
                        variant="secondary"
                        onClick={() => void close({ input: { pollId: poll.id, optionId: o.id } }).then((r) => !r.error && onChanged())}
                        aria-label={t('polls.chooseLabel', { slot })}
                      >
                        {t('polls.choose')}
                      </Button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorAlert error={voted.error ?? closed.error} />
    </section>
  );
}

function NewPoll({ groupId, onCreated }: { groupId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [slots, setSlots] = useState([{ date: '', from: '10:00', to: '11:30' }]);
  const [result, create] = useMutation(CreatePoll);
  const problem = apiProblem(result.error);
  const submit = async () => {
    const res = await create({
      input: {
        groupId,
        title,
        options: slots.filter((s) => s.date).map((s) => ({ startsAt: localToIso(s.date, s.from), endsAt: localToIso(s.date, s.to) })),
      },
    });
    if (!res.error) {
      setTitle('');
      setSlots([{ date: '', from: '10:00', to: '11:30' }]);
      onCreated();
    }
  };
  return (
    <Form onSubmit={submit}>
      <h3 className="kern-heading-small">{t('polls.new')}</h3>
      <TextField label={t('polls.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={messageFor(problem, 'title')} />
      {slots.map((s, i) => (
        <fieldset key={i} className="kern-fieldset ik-form--inline">
          <legend className="kern-label">{t('polls.slotN', { n: i + 1 })}</legend>
          <DateField label={t('meeting.date')} value={s.date} onChange={(date) => setSlots(slots.map((x, j) => (j === i ? { ...x, date } : x)))} />
          <TextField
            label={t('meeting.from')}
            type="time"
            value={s.from}
            onChange={(e) => setSlots(slots.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)))}
          />
          <TextField
            label={t('meeting.to')}
            type="time"
            value={s.to}
            onChange={(e) => setSlots(slots.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))}
          />
        </fieldset>
      ))}
      {isGeneral(problem, ['title']) && <ErrorAlert problem={problem} />}
      <div className="ik-actions">
        <Button variant="tertiary" onClick={() => setSlots([...slots, { date: '', from: '10:00', to: '11:30' }])}>
          {t('polls.addSlot')}
        </Button>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={result.fetching}>
          <span className="kern-label">{t('polls.create')}</span>
        </button>
      </div>
    </Form>
  );
}
