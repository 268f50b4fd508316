import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/status';
import { Cell, Row, Table } from '../../components/table';
import { graphql } from '../../gql';

const Select = graphql(`
  mutation SelectFieldOfAction($input: SelectFieldOfActionInput!) {
    selectFieldOfAction(input: $input) {
      priority
    }
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

/** The fields of action presented at the info stations, with each municipality's priority (1 = most important). */
export function FieldsTab({ workshopId, fields, selections, municipalities, actingFor, onChanged }: Props) {
  const { t } = useTranslation();
  const [result, select] = useMutation(Select);
  const priorityOf = (organizationId: string, key: string) =>
    selections.find((s) => s.organization.id === organizationId && s.fieldOfAction.key === key)?.priority;
  const mayChoose = new Set(actingFor.map((o) => o.id));
  return (
    <>
      <p className="kern-body">{t('workshops.fieldsHint')}</p>
      <ErrorAlert error={result.error} />
      <Table caption={t('workshops.tabs.fields')} headers={[t('workshops.field'), ...municipalities.map((m) => m.name)]}>
        {fields.map((f) => (
          <Row key={f.id}>
            <Cell>
              <strong>{f.name}</strong>
              {f.description && <div className="kern-body kern-body--small">{f.description}</div>}
            </Cell>
            {municipalities.map((m) => {
              const priority = priorityOf(m.id, f.key);
              return (
                <Cell key={m.id}>
                  {mayChoose.has(m.id) ? (
                    <>
                      <label className="kern-sr-only" htmlFor={`prio-${m.id}-${f.key}`}>
                        {t('workshops.priorityOf', { field: f.name, municipality: m.name })}
                      </label>
                      <div className="kern-form-input__select-wrapper">
                        <select
                          id={`prio-${m.id}-${f.key}`}
                          className="kern-form-input__select"
                          value={priority ?? ''}
                          onChange={(e) =>
                            void select({ input: { workshopId, organizationId: m.id, fieldOfActionKey: f.key, priority: Number(e.target.value) } }).then(
                              (r) => !r.error && onChanged(),
                            )
                          }
                        >
                          <option value="" disabled>
                            {t('workshops.noPriority')}
                          </option>
                          {[1, 2, 3, 4, 5].map((p) => (
                            <option key={p} value={p}>
                              {t('workshops.priority', { priority: p })}
                            </option>
                          ))}
                        </select>
                      </div>
                    </>
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
