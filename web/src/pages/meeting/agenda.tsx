import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button, CheckboxField, Form, FormActions, TextAreaField, TextField } from '../../components/form';
import { Badge, ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { AgendaEntryFragment } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { announce } from '../../lib/focus-keeper';
import { Documents } from '../../components/documents';

export const AgendaEntry = graphql(`
  fragment AgendaEntry on AgendaItem {
    id
    position
    title
    description
    durationMinutes
    public
    status
    proposedBy {
      id
      displayName
    }
    presenter {
      id
      displayName
    }
    carriedOverFrom {
      id
    }
  }
`);

const Add = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      ...AgendaEntry
    }
  }
`);

const Accept = graphql(`
  mutation AcceptAgendaItem($id: ID!) {
    acceptAgendaItem(input: { agendaItemId: $id }) {
      ...AgendaEntry
    }
  }
`);

const Remove = graphql(`
  mutation RemoveAgendaItem($id: ID!) {
    removeAgendaItem(input: { agendaItemId: $id }) {
      ...AgendaEntry
    }
  }
`);

const Move = graphql(`
  mutation MoveAgendaItem($id: ID!, $position: Int!) {
    moveAgendaItem(input: { agendaItemId: $id, position: $position }) {
      ...AgendaEntry
    }
  }
`);

interface Props {
  meetingId: string;
  items: AgendaEntryFragment[];
  canManage: boolean;
  canPropose: boolean;
  meId: string;
  onChanged: () => void;
}

/**
 * The agenda by position. Moderators reorder it with the buttons, with Alt+↑/↓ on a focused item,
 * or by dragging; every move is one call that renumbers 1..n on the hub, and is announced.
 */
export function Agenda({ meetingId, items, canManage, canPropose, meId, onChanged }: Props) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<AgendaEntryFragment[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const [moved, move] = useMutation(Move);
  const [accepted, accept] = useMutation(Accept);
  const [removed, remove] = useMutation(Remove);
  const agenda = order ?? items;
  const accepted_ = agenda.filter((i) => i.status === 'ACCEPTED');
  const proposals = agenda.filter((i) => i.status === 'PROPOSED');

  const moveTo = async (item: AgendaEntryFragment, position: number) => {
    if (position < 1 || position > accepted_.length || position === item.position) return;
    const res = await move({ id: item.id, position });
    if (res.data) {
      setOrder(res.data.moveAgendaItem);
      setAnnouncement(t('agenda.movedTo', { title: item.title, position }));
      requestAnimationFrame(() => refs.current.get(item.id)?.focus());
      onChanged();
    }
  };
  const onKey = (item: AgendaEntryFragment) => (e: KeyboardEvent) => {
    if (!canManage || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    void moveTo(item, item.position + (e.key === 'ArrowUp' ? -1 : 1));
  };
  const onDrop = (target: AgendaEntryFragment) => (e: DragEvent) => {
    e.preventDefault();
    const item = accepted_.find((i) => i.id === dragging);
    setDragging(null);
    setDropTarget(null);
    if (item) void moveTo(item, target.position);
  };

  return (
    <>
      <div className="kern-sr-only" aria-live="assertive">
        {announcement}
      </div>
      {canManage && accepted_.length > 1 && <p className="kern-body kern-body--small ik-no-print">{t('agenda.reorderHint')}</p>}
      {accepted_.length === 0 && <p className="kern-body">{t('agenda.empty')}</p>}
      <ol className="ik-list ik-agenda" aria-label={t('agenda.title')}>
        {accepted_.map((item) => (
          <li
            key={item.id}
            ref={(el) => {
              if (el) refs.current.set(item.id, el);
            }}
            className={`ik-agenda__item${dragging === item.id ? ' ik-agenda__item--dragging' : ''}${dropTarget === item.id ? ' ik-agenda__item--drop' : ''}`}
            tabIndex={canManage ? 0 : undefined}
            aria-label={canManage ? t('agenda.itemLabel', { position: item.position, title: item.title }) : undefined}
            draggable={canManage}
            onKeyDown={onKey(item)}
            onDragStart={(e) => {
              setDragging(item.id);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', item.id);
            }}
            onDragEnd={() => {
              setDragging(null);
              setDropTarget(null);
            }}
            onDragOver={(e) => {
              if (!dragging) return;
              e.preventDefault();
              setDropTarget(item.id);
            }}
            onDrop={onDrop(item)}
            data-testid="agenda-item"
          >
            <span className="ik-agenda__pos">{item.position}.</span>
            <div className="ik-agenda__body">
              <strong>{item.title}</strong>
              {!item.public && (
                <>
                  {' '}
                  <Badge kind="warning">{t('agenda.internal')}</Badge>
                </>
              )}
              {item.carriedOverFrom && (
                <>
                  {' '}
                  <Badge kind="info">{t('agenda.carriedOver')}</Badge>
                </>
              )}
              {item.description && <p className="kern-body kern-body--small">{item.description}</p>}
              <p className="kern-body kern-body--small">
                {[
                  item.durationMinutes ? t('agenda.minutes', { count: item.durationMinutes }) : null,
                  item.presenter ? t('agenda.presenter', { name: item.presenter.displayName }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
            {canManage && (
              <div className="ik-actions ik-no-print">
                <Button
                  variant="tertiary"
                  disabled={item.position === 1}
                  onClick={() => void moveTo(item, item.position - 1)}
                  aria-label={t('agenda.up', { title: item.title })}
                >
                  ↑
                </Button>
                <Button
                  variant="tertiary"
                  disabled={item.position === accepted_.length}
                  onClick={() => void moveTo(item, item.position + 1)}
                  aria-label={t('agenda.down', { title: item.title })}
                >
                  ↓
                </Button>
                <Button
                  variant="tertiary"
                  onClick={() =>
                    void remove({ id: item.id }).then((r) => {
                      if (!r.data) return;
                      setOrder(r.data.removeAgendaItem);
                      // The row (and its button) is gone; focus moves to a neighbour, the removal is said.
                      announce(t('agenda.removedDone', { title: item.title }));
                      onChanged();
                    })
                  }
                  aria-label={t('agenda.removeLabel', { title: item.title })}
                >
                  {t('common.remove')}
                </Button>
              </div>
            )}
            {/* Below the item on the whole width: a file field beside the buttons would be too narrow at 390 px. */}
            <div className="ik-agenda__documents">
              <Documents parentType="AGENDA_ITEM" parentId={item.id} headingLevel={3} title={t('documents.titleOf', { title: item.title })} compact />
            </div>
          </li>
        ))}
      </ol>
      {proposals.length > 0 && (
        <>
          <h3 className="kern-heading-small">{t('agenda.proposals')}</h3>
          <ul className="ik-list">
            {proposals.map((item) => (
              <li key={item.id} className="ik-list__item">
                <div>
                  <strong>{item.title}</strong> <Badge kind="info">{t('agenda.proposed')}</Badge>
                  <div className="kern-body kern-body--small">
                    {item.proposedBy &&
                      (item.proposedBy.id === meId ? t('agenda.proposedByYou') : t('agenda.proposedBy', { name: item.proposedBy.displayName }))}
                  </div>
                </div>
                {canManage && (
                  <div className="ik-actions">
                    <Button
                      onClick={() => void accept({ id: item.id }).then((r) => !r.error && (setOrder(null), onChanged()))}
                      aria-label={t('agenda.acceptLabel', { title: item.title })}
                    >
                      {t('agenda.accept')}
                    </Button>
                    <Button
                      variant="tertiary"
                      onClick={() => void remove({ id: item.id }).then((r) => r.data && (setOrder(r.data.removeAgendaItem), onChanged()))}
                      aria-label={t('agenda.declineLabel', { title: item.title })}
                    >
                      {t('agenda.decline')}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorAlert error={moved.error ?? accepted.error ?? removed.error} />
      {canPropose && (
        <AddAgendaItem
          meetingId={meetingId}
          canManage={canManage}
          onAdded={() => {
            setOrder(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function AddAgendaItem({ meetingId, canManage, onAdded }: { meetingId: string; canManage: boolean; onAdded: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [duration, setDuration] = useState('');
  const [isPublic, setPublic] = useState(true);
  const [done, setDone] = useState<string | null>(null);
  const [result, add] = useMutation(Add);
  const problem = apiProblem(result.error);
  const submit = async () => {
    setDone(null);
    const res = await add({
      input: { meetingId, title, description: description.trim() || null, durationMinutes: duration ? Number(duration) : null, public: isPublic },
    });
    if (res.data) {
      setDone(res.data.addAgendaItem.status === 'PROPOSED' ? t('agenda.proposedDone', { title }) : t('agenda.addedDone', { title }));
      setTitle('');
      setDescription('');
      setDuration('');
      onAdded();
    }
  };
  return (
    <Form className="ik-form ik-no-print" onSubmit={submit}>
      <h3 className="kern-heading-small">{canManage ? t('agenda.add') : t('agenda.propose')}</h3>
      {!canManage && <p className="kern-body kern-body--small">{t('agenda.proposeHint')}</p>}
      <TextField label={t('agenda.itemTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={messageFor(problem, 'title')} required />
      <TextAreaField
        label={t('agenda.description')}
        optional
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={messageFor(problem, 'description')}
      />
      <TextField
        label={t('agenda.duration')}
        optional
        type="number"
        min={1}
        inputMode="numeric"
        value={duration}
        onChange={(e) => setDuration(e.target.value)}
        error={messageFor(problem, 'durationMinutes')}
      />
      <CheckboxField label={t('agenda.public')} checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
      {isGeneral(problem, ['title', 'description', 'durationMinutes']) && <ErrorAlert problem={problem} />}
      <div aria-live="polite">{done && <p className="kern-body">{done}</p>}</div>
      <FormActions submitLabel={canManage ? t('agenda.addSubmit') : t('agenda.proposeSubmit')} busy={result.fetching} />
    </Form>
  );
}
