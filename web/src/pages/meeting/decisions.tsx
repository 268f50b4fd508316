import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Form, FormActions, SelectField, TextAreaField, TextField } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';

const AddDecision = graphql(`
  mutation AddDecision($input: AddDecisionInput!) {
    addDecision(input: $input) {
      id
      version
    }
  }
`);

interface Props {
  protocolId: string;
  decisions: {
    id: string;
    text: string;
    votesFor: number | null;
    votesAgainst: number | null;
    abstentions: number | null;
    agendaItem: { id: string; title: string } | null;
  }[];
  agendaItems: { id: string; title: string; position: number }[];
  /** Set in the protocol mode: decisions are taken on this item, no item to choose. */
  agendaItemId?: string;
  version: number;
  onSaved: (p: { version: number }) => void;
}

const count = (v: string) => (v === '' ? null : Number(v));

/** Decisions with their votes. Adding one never overwrites anything, so a stale version is simply retried. */
export function Decisions({ protocolId, decisions, agendaItems, agendaItemId: fixedItem, version, onSaved }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [agendaItemId, setAgendaItemId] = useState(fixedItem ?? '');
  const [votes, setVotes] = useState({ for: '', against: '', abstain: '' });
  const [result, add] = useMutation(AddDecision);
  const problem = apiProblem(result.error);
  const submit = async (expected = version, retried = false): Promise<void> => {
    const res = await add({
      input: {
        protocolId,
        text,
        agendaItemId: agendaItemId || null,
        expectedVersion: expected,
        votesFor: count(votes.for),
        votesAgainst: count(votes.against),
        abstentions: count(votes.abstain),
      },
    });
    const p = apiProblem(res.error);
    if (p?.code === 'CONFLICT' && p.currentVersion && !retried) return submit(p.currentVersion, true);
    if (res.data) {
      setText('');
      setVotes({ for: '', against: '', abstain: '' });
      onSaved(res.data.addDecision);
    }
  };
  return (
    <>
      <h3 className="kern-heading-small">{t('decisions.title')}</h3>
      {decisions.length === 0 && <p className="kern-body">{t('decisions.none')}</p>}
      <ul className="ik-list">
        {decisions.map((d) => (
          <li key={d.id} className="ik-list__item ik-list__item--stack">
            <span>
              {d.agendaItem && !fixedItem && <span className="kern-body--small">{d.agendaItem.title}: </span>}
              <strong>{d.text}</strong>
            </span>
            {(d.votesFor ?? d.votesAgainst ?? d.abstentions) !== null && (
              <span className="kern-body kern-body--small">
                {t('decisions.votes', { for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, count: d.abstentions ?? 0 })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <Form className="ik-form ik-no-print" onSubmit={submit}>
        <h4 className="kern-heading-small">{t('decisions.add')}</h4>
        {!fixedItem && (
          <SelectField
            label={t('decisions.agendaItem')}
            optional
            value={agendaItemId}
            onChange={(e) => setAgendaItemId(e.target.value)}
            options={[{ value: '', label: t('actionItems.noAgendaItem') }, ...agendaItems.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` }))]}
            error={messageFor(problem, 'agendaItemId')}
          />
        )}
        <TextAreaField
          label={t('decisions.text')}
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={messageFor(problem, 'text')}
          required
        />
        <div className="ik-form--inline">
          <TextField
            label={t('decisions.for')}
            optional
            type="number"
            min={0}
            value={votes.for}
            onChange={(e) => setVotes({ ...votes, for: e.target.value })}
            error={messageFor(problem, 'votesFor')}
          />
          <TextField
            label={t('decisions.against')}
            optional
            type="number"
            min={0}
            value={votes.against}
            onChange={(e) => setVotes({ ...votes, against: e.target.value })}
            error={messageFor(problem, 'votesAgainst')}
          />
          <TextField
            label={t('decisions.abstain')}
            optional
            type="number"
            min={0}
            value={votes.abstain}
            onChange={(e) => setVotes({ ...votes, abstain: e.target.value })}
            error={messageFor(problem, 'abstentions')}
          />
        </div>
        {isGeneral(problem, ['text', 'agendaItemId', 'votesFor', 'votesAgainst', 'abstentions']) && <ErrorAlert problem={problem} />}
        <FormActions submitLabel={t('decisions.addSubmit')} busy={result.fetching} variant="secondary" />
      </Form>
    </>
  );
}
