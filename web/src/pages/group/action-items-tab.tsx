import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/form';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { ActionItemStatus } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { AddActionItem } from '../meeting/add-action-item';

const SetStatus = graphql(`
  mutation GroupSetActionItemStatus($input: SetActionItemStatusInput!) {
    setActionItemStatus(input: $input) {
      id
      status
    }
  }
`);

interface Item {
  id: string;
  title: string;
  dueOn: string | null;
  assignee: { id: string; displayName: string } | null;
  assigneeOrganization: { id: string; name: string } | null;
}

export function ActionItemsTab({
  items,
  groupId,
  canManage,
  organizations,
  members,
  onChanged,
}: {
  items: Item[];
  groupId: string;
  canManage: boolean;
  organizations: { id: string; name: string }[];
  members: { person: { id: string; displayName: string } }[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [result, setStatus] = useMutation(SetStatus);
  const set = (id: string, status: ActionItemStatus) => void setStatus({ input: { actionItemId: id, status } }).then((r) => !r.error && onChanged());
  return (
    <>
      <ErrorAlert error={result.error} />
      {items.length === 0 && <p className="kern-body">{t('actionItems.none')}</p>}
      <ul className="ik-list">
        {items.map((item) => (
          <li key={item.id} className="ik-list__item">
            <div>
              <strong>{item.title}</strong>
              <div className="kern-body kern-body--small">
                {[item.assignee?.displayName, item.assigneeOrganization?.name].filter(Boolean).join(', ') || t('actionItems.unassigned')}
                {item.dueOn && ` · ${t('overview.due', { date: formatDate(item.dueOn) })}`}
              </div>
            </div>
            <div className="ik-actions">
              <Button variant="secondary" onClick={() => set(item.id, 'DONE')} aria-label={t('overview.markDoneLabel', { title: item.title })}>
                {t('overview.markDone')}
              </Button>
              {canManage && (
                <Button variant="tertiary" onClick={() => set(item.id, 'DROPPED')} aria-label={t('actionItems.dropLabel', { title: item.title })}>
                  {t('actionItems.drop')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {canManage && <AddActionItem groupId={groupId} organizations={organizations} people={members.map((m) => m.person)} onAdded={onChanged} />}
    </>
  );
}
