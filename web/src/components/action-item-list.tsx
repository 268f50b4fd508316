import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { graphql } from '../gql';
import type { ActionItemRowFragment, ActionItemStatus } from '../gql/graphql';
import { formatDate, localDate } from '../lib/format';
import { Button, CheckboxField } from './form';
import { Badge, ErrorAlert } from './status';

export const ActionItemRow = graphql(`
  fragment ActionItemRow on ActionItem {
    id
    title
    dueOn
    status
    closedAt
    closedBy {
      id
      displayName
    }
    assignee {
      id
      displayName
    }
    assigneeOrganization {
      id
      name
    }
    group {
      id
      name
    }
  }
`);

const SetStatus = graphql(`
  mutation SetActionItemStatus($input: SetActionItemStatusInput!) {
    setActionItemStatus(input: $input) {
      ...ActionItemRow
    }
  }
`);

interface Props {
  items: ActionItemRowFragment[];
  /** Moderators may drop open items. */
  canDrop?: boolean;
  showGroup?: boolean;
  /** Shown when no open item is left. */
  emptyText: string;
  onChanged: () => void;
}

/**
 * Action items: the open ones, and behind "Erledigte anzeigen" the done and dropped ones with who
 * closed them when. Closing and reopening keep the keyboard where it was: on the item when it is
 * still listed (always after reopening), else on the list, with an announcement.
 */
export function ActionItemList({ items, canDrop = false, showGroup = false, emptyText, onChanged }: Props) {
  const { t } = useTranslation();
  const [showClosed, setShowClosed] = useState(false);
  const [result, setStatus] = useMutation(SetStatus);
  const [announcement, setAnnouncement] = useState('');
  const [focusOn, setFocusOn] = useState<{ id: string; status: ActionItemStatus } | null>(null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const list = useRef<HTMLDivElement>(null);
  const open = items.filter((i) => i.status === 'OPEN');
  const closed = items.filter((i) => i.status !== 'OPEN');
  const shown = showClosed ? [...open, ...closed] : open;

  useEffect(() => {
    if (!focusOn) return;
    const item = items.find((i) => i.id === focusOn.id);
    if (item?.status !== focusOn.status) return;
    (refs.current.get(item.id) ?? list.current)?.focus();
    setFocusOn(null);
  }, [items, focusOn]);

  const set = async (item: ActionItemRowFragment, status: ActionItemStatus) => {
    const res = await setStatus({ input: { actionItemId: item.id, status } });
    if (res.error) return;
    setAnnouncement(t(`actionItems.changed.${status}`, { title: item.title }));
    if (status === 'OPEN' || showClosed) setFocusOn({ id: item.id, status });
    else list.current?.focus();
    onChanged();
  };

  return (
    <div ref={list} tabIndex={-1} className="ik-action-items">
      <div className="kern-sr-only" aria-live="polite">
        {announcement}
      </div>
      <ErrorAlert error={result.error} />
      <CheckboxField label={t('actionItems.showClosed', { count: closed.length })} checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />
      {open.length === 0 && <p className="kern-body">{emptyText}</p>}
      <ul className="ik-list">
        {shown.map((item) => (
          <li
            key={item.id}
            tabIndex={-1}
            ref={(el) => {
              if (el) refs.current.set(item.id, el);
              else refs.current.delete(item.id);
            }}
            className="ik-list__item ik-action-item"
          >
            <div className="ik-action-item__text">
              <strong>{item.title}</strong> {item.status !== 'OPEN' && <Badge>{t(`actionItems.status.${item.status}`)}</Badge>}
              <div className="kern-body kern-body--small">
                {showGroup && (
                  <>
                    <Link href={`/gruppen/${item.group.id}`} className="kern-link">
                      {item.group.name}
                    </Link>
                    {' · '}
                  </>
                )}
                {[item.assignee?.displayName, item.assigneeOrganization?.name].filter(Boolean).join(', ') || t('actionItems.unassigned')}
                {item.dueOn && ` · ${t('overview.due', { date: formatDate(item.dueOn) })}`}
              </div>
              {item.status !== 'OPEN' && item.closedAt && (
                <div className="kern-body kern-body--small">
                  {t(`actionItems.closedBy.${item.status}`, {
                    name: item.closedBy?.displayName ?? t('actionItems.someone'),
                    date: formatDate(localDate(item.closedAt)),
                  })}
                </div>
              )}
            </div>
            <div className="ik-actions">
              {item.status === 'OPEN' ? (
                <>
                  <Button variant="secondary" onClick={() => void set(item, 'DONE')} aria-label={t('overview.markDoneLabel', { title: item.title })}>
                    {t('overview.markDone')}
                  </Button>
                  {canDrop && (
                    <Button variant="tertiary" onClick={() => void set(item, 'DROPPED')} aria-label={t('actionItems.dropLabel', { title: item.title })}>
                      {t('actionItems.drop')}
                    </Button>
                  )}
                </>
              ) : (
                <Button variant="secondary" onClick={() => void set(item, 'OPEN')} aria-label={t('actionItems.reopenLabel', { title: item.title })}>
                  {t('actionItems.reopen')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
