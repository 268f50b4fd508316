import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';
import { apiProblem, isGeneral, messageFor, type ApiProblem } from '../../graphql/errors';

const Select = graphql(`
  mutation SelectFieldOfAction($input: SelectFieldOfActionInput!) {
    selectFieldOfAction(input: $input) {
      priority
    }
  }
`);

const Clear = graphql(`
  mutation ClearFieldOfAction($input: ClearFieldOfActionInput!) {
    clearFieldOfAction(input: $input)
  }
`);

interface Props {
  workshopId: string;
  fields: { id: string; key: string; name: string; description: string | null }[];
  selections: { priority: number; organization: { id: string }; fieldOfAction: { id: string; key: string } }[];
  municipalities: { id: string; name: string }[];
  actingFor: { id: string; name: string }[];
  onChanged: () => void;
}

/**
 * The fields of action presented at the info stations, with each municipality's priority (1 = most
 * important). A priority goes to one field per municipality: choosing one that another field has is
 * refused by the hub, and its German message stands under that select (nothing is renumbered).
 * "– keine –" takes the field's priority back.
 */
export function FieldsTab({ workshopId, fields, selections, municipalities, actingFor, onChanged }: Props) {
  const { t } = useTranslation();
  const [, select] = useMutation(Select);
  const [, clear] = useMutation(Clear);
  const [failed, setFailed] = useState<{ cell: string; problem: ApiProblem | null } | null>(null);
  const priorityOf = (organizationId: string, key: string) =>
    selections.find((s) => s.organization.id === organizationId && s.fieldOfAction.key === key)?.priority;
  const mayChoose = new Set(actingFor.map((o) => o.id));
  const priorities = Array.from({ length: Math.max(5, fields.length) }, (_, i) => i + 1);
  const choose = async (cell: string, organizationId: string, key: string, value: string) => {
    const input = { workshopId, organizationId, fieldOfActionKey: key };
    const r = value ? await select({ input: { ...input, priority: Number(value) } }) : await clear({ input });
    setFailed(r.error ? { cell, problem: apiProblem(r.error) } : null);
    if (!r.error) onChanged();
  };
  const general = failed && isGeneral(failed.problem, ['priority']) ? failed.problem : null;
  return (
    <>
      <p className="kern-body">{t('workshops.fieldsHint')}</p>
      <ErrorAlert problem={general} />
      <Table caption={t('workshops.tabs.fields')} headers={[t('workshops.field'), ...municipalities.map((m) => m.name)]}>
        {fields.map((f) => (
          <Row key={f.id}>
            <Cell>
              <strong>{f.name}</strong>
              {f.description && <div className="kern-body kern-body--small">{f.description}</div>}
            </Cell>
            {municipalities.map((m) => {
              const priority = priorityOf(m.id, f.key);
              const cell = `prio-${m.id}-${f.key}`;
              const error = failed?.cell === cell ? messageFor(failed.problem, 'priority') : null;
              return (
                <Cell key={m.id}>
                  {mayChoose.has(m.id) ? (
                    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
                      <label className="kern-sr-only" htmlFor={cell}>
                        {t('workshops.priorityOf', { field: f.name, municipality: m.name })}
                      </label>
                      <div className="kern-form-input__select-wrapper">
                        <select
                          id={cell}
                          className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
                          value={priority ?? ''}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${cell}-error` : undefined}
                          onChange={(e) => void choose(cell, m.id, f.key, e.target.value)}
                        >
                          <option value="">{t('workshops.noPriority')}</option>
                          {priorities.map((p) => (
                            <option key={p} value={p}>
                              {t('workshops.priority', { priority: p })}
                            </option>
                          ))}
                        </select>
                      </div>
                      {error && (
                        <p className="kern-error" id={`${cell}-error`} role="alert">
                          <span className="kern-icon kern-icon--danger kern-icon--md" aria-hidden="true" />
                          <span className="kern-body">{error}</span>
                        </p>
                      )}
                    </div>
                  ) : priority ? (
                    t('workshops.priority', { priority })
                  ) : (
                    '–'
                  )}
                </Cell>
              );
            })}
          </Row>
        ))}
      </Table>
    </>
  );
}
