import { useTranslation } from 'react-i18next';
import { ActionItemList } from '../../components/action-item-list';
import type { ActionItemRowFragment, AssigneeChoicesFragment } from '../../gql/graphql';
import { AddActionItem } from '../meeting/add-action-item';

/** The group's action items: the open ones, the done ones behind a filter, and (for moderators) a new one. */
export function ActionItemsTab({
  items,
  groupId,
  canManage,
  choices,
  onChanged,
}: {
  items: ActionItemRowFragment[];
  groupId: string;
  canManage: boolean;
  choices: AssigneeChoicesFragment;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ActionItemList items={items} canDrop={canManage} emptyText={t('actionItems.none')} onChanged={onChanged} />
      {canManage && <AddActionItem groupId={groupId} choices={choices} onAdded={onChanged} />}
    </>
  );
}
