import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DateField } from '../../components/date-field';
import { Form, FormActions, SelectField, TextField } from '../../components/form';
import { ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { AssigneeChoicesFragment } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { assigneeChoices } from './assignee-choices';

const Add = graphql(`
  mutation AddActionItem($input: AddActionItemInput!) {
    addActionItem(input: $input) {
      id
      title
    }
  }
`);

interface Props {
  groupId: string;
  protocolId?: string;
  agendaItems?: { id: string; title: string; position: number }[];
  /** Set in the protocol mode: the task comes from this item, no item to choose. */
  agendaItemId?: string;
  choices: AssigneeChoicesFragment;
  onAdded: () => void;
}

/** An action item with its owner city (and person) and due date; from a protocol or straight for the group. Any member organization of the network and anyone acting for one may be given it. */
export function AddActionItem({ groupId, protocolId, agendaItems, agendaItemId: fixedItem, choices, onAdded }: Props) {
  const { t } = useTranslation();
  const { organizations, people } = assigneeChoices(choices, { group: t('actionItems.fromGroup'), network: t('actionItems.fromNetwork') });
  const [title, setTitle] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [agendaItemId, setAgendaItemId] = useState(fixedItem ?? '');
  const [dueOn, setDueOn] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [result, add] = useMutation(Add);
  const problem = apiProblem(result.error);
  const submit = async () => {
    setAdded(null);
    const res = await add({
      input: {
        groupId,
        title,
        protocolId: protocolId ?? null,
        agendaItemId: agendaItemId || null,
        assigneeOrganizationId: organizationId || null,
        assigneeId: assigneeId || null,
        dueOn: dueOn || null,
      },
    });
    if (res.data) {
      setAdded(res.data.addActionItem.title);
      setTitle('');
      setDueOn('');
      onAdded();
    }
  };
  const fields = ['title', 'assigneeOrganizationId', 'assigneeId', 'dueOn', 'agendaItemId'];
  return (
    <Form className="ik-form ik-no-print" onSubmit={submit}>
      <h3 className="kern-heading-small">{t('actionItems.add')}</h3>
      <TextField label={t('actionItems.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={messageFor(problem, 'title')} required />
      {agendaItems && (
        <SelectField
          label={t('actionItems.agendaItem')}
          optional
          value={agendaItemId}
          onChange={(e) => setAgendaItemId(e.target.value)}
          options={[{ value: '', label: t('actionItems.noAgendaItem') }, ...agendaItems.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` }))]}
          error={messageFor(problem, 'agendaItemId')}
        />
      )}
      <SelectField
        label={t('actionItems.organization')}
        optional
        value={organizationId}
        onChange={(e) => setOrganizationId(e.target.value)}
        options={[{ value: '', label: t('actionItems.none_') }]}
        groups={organizations}
        error={messageFor(problem, 'assigneeOrganizationId')}
      />
      <SelectField
        label={t('actionItems.person')}
        optional
        value={assigneeId}
        onChange={(e) => setAssigneeId(e.target.value)}
        options={[{ value: '', label: t('actionItems.none_') }]}
        groups={people}
        error={messageFor(problem, 'assigneeId')}
      />
      <DateField label={t('actionItems.dueOn')} optional value={dueOn} onChange={setDueOn} error={messageFor(problem, 'dueOn')} />
      {isGeneral(problem, fields) && <ErrorAlert problem={problem} />}
      <div aria-live="polite">{added && <Notice kind="success" title={t('actionItems.added', { title: added })} />}</div>
      <FormActions submitLabel={t('actionItems.addSubmit')} busy={result.fetching} variant="secondary" />
    </Form>
  );
}
