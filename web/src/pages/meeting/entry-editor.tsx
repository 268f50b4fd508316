import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { Button } from '../../components/form';
import { ErrorAlert, Loading, Notice } from '../../components/status';
import { graphql } from '../../gql';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { clearDraft, readDraft, restore, writeDraft } from '../../lib/drafts';

const Markdown = lazy(() => import('./markdown'));

const Update = graphql(`
  mutation UpdateProtocolEntry($input: UpdateProtocolEntryInput!) {
    updateProtocolEntry(input: $input) {
      id
      version
      entries {
        notes
        agendaItem {
          id
        }
      }
    }
  }
`);

const Current = graphql(`
  query CurrentProtocol($meetingId: ID!) {
    meeting(id: $meetingId) {
      id
      protocol {
        id
        version
        entries {
          notes
          agendaItem {
            id
          }
        }
        revisions {
          version
          author {
            id
            displayName
          }
        }
      }
    }
  }
`);

interface Props {
  protocolId: string;
  meetingId: string;
  item: { id: string; title: string; position: number };
  serverNotes: string;
  version: number;
  onVersion: (v: number) => void;
  onSaved: (p: { version: number }) => void;
}

interface Conflict {
  theirs: string;
  by: string | null;
}

/**
 * Notes for one agenda item, in Markdown. What is typed is kept in this browser until the hub
 * has it. Saving sends the protocol version the text was written on; if someone else saved
 * meanwhile, a change to another item is merged silently (saved again on the new version), and a
 * change to this item shows both texts side by side to merge by hand: nothing typed is lost.
 */
export function EntryEditor({ protocolId, meetingId, item, serverNotes, version, onVersion, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [, update] = useMutation(Update);
  const initial = useRef(restore(serverNotes, readDraft(protocolId, item.id)));
  const [text, setText] = useState(initial.current.text);
  const [base, setBase] = useState(initial.current.kind === 'conflict' ? (readDraft(protocolId, item.id)?.base ?? serverNotes) : serverNotes);
  const [conflict, setConflict] = useState<Conflict | null>(initial.current.kind === 'conflict' ? { theirs: initial.current.theirs, by: null } : null);
  const [restored, setRestored] = useState(initial.current.kind === 'restored');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [preview, setPreview] = useState(false);
  const dirty = text !== (conflict ? conflict.theirs : base);

  // Someone else's save reached us (refetch) while we have no edits of our own: show it.
  useEffect(() => {
    if (!conflict && text === base && serverNotes !== base) {
      setText(serverNotes);
      setBase(serverNotes);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverNotes]);

  const edit = (value: string) => {
    setText(value);
    setStatus('idle');
    writeDraft(protocolId, item.id, conflict ? { text: value, base: conflict.theirs, theirs: conflict.theirs } : { text: value, base });
  };

  const fetchCurrent = async () => {
    const res = await client.query(Current, { meetingId }, { requestPolicy: 'network-only' }).toPromise();
    const p = res.data?.meeting?.protocol;
    if (!p) return null;
    onVersion(p.version);
    const last = [...p.revisions].sort((a, b) => b.version - a.version)[0];
    return { version: p.version, notes: p.entries.find((e) => e.agendaItem.id === item.id)?.notes ?? '', by: last?.author.displayName ?? null };
  };

  const save = async (expected = version, attempt = 0): Promise<void> => {
    setStatus('saving');
    setProblem(null);
    const res = await update({ input: { protocolId, agendaItemId: item.id, notes: text, expectedVersion: expected } });
    if (res.data) {
      clearDraft(protocolId, item.id);
      setBase(text);
      setConflict(null);
      setRestored(false);
      setStatus('saved');
      onSaved(res.data.updateProtocolEntry);
      return;
    }
    const p = apiProblem(res.error);
    if (p?.code === 'CONFLICT') {
      const current = await fetchCurrent();
      if (current && current.notes === (conflict ? conflict.theirs : base) && attempt < 3) {
        // Only other items changed: our text still applies on the new version.
        return save(current.version, attempt + 1);
      }
      if (current) {
        setConflict({ theirs: current.notes, by: current.by });
        writeDraft(protocolId, item.id, { text, base: current.notes, theirs: current.notes });
      }
      setStatus('idle');
      return;
    }
    setProblem(p);
    setStatus('idle');
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') {
      e.preventDefault();
      void save();
    }
  };

  const id = `notizen-${item.id}`;
  return (
    <div className="ik-entry">
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={id}>
          {t('protocol.notesFor', { position: item.position, title: item.title })}
        </label>
        <div className="kern-hint" id={`${id}-hint`}>
          {t('protocol.notesHint')}
        </div>
        <textarea
          id={id}
          className="kern-form-input__input ik-textarea"
          rows={6}
          value={text}
          onChange={(e) => edit(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-hint`}
        />
      </div>
      {restored && <Notice kind="info" title={t('protocol.restored')} />}
      {conflict && (
        <div className="ik-conflict" role="alert">
          <h4 className="kern-heading-small">{t('protocol.conflictTitle')}</h4>
          <p className="kern-body">{conflict.by ? t('protocol.conflictBy', { name: conflict.by }) : t('protocol.conflictBody')}</p>
          <div className="ik-two-cols">
            <div>
              <h5 className="kern-label">{t('protocol.yours')}</h5>
              <pre className="ik-markdown ik-pre" data-testid="conflict-yours">
                {text}
              </pre>
            </div>
            <div>
              <h5 className="kern-label">{t('protocol.theirs')}</h5>
              <pre className="ik-markdown ik-pre" data-testid="conflict-theirs">
                {conflict.theirs}
              </pre>
            </div>
          </div>
          <p className="kern-body kern-body--small">{t('protocol.conflictHint')}</p>
          <div className="ik-actions">
            <Button variant="secondary" onClick={() => edit(`${text}\n\n${conflict.theirs}`)}>
              {t('protocol.appendTheirs')}
            </Button>
            <Button
              variant="tertiary"
              onClick={() => {
                setText(conflict.theirs);
                setBase(conflict.theirs);
                setConflict(null);
                clearDraft(protocolId, item.id);
              }}
            >
              {t('protocol.takeTheirs')}
            </Button>
          </div>
        </div>
      )}
      <ErrorAlert problem={problem} />
      <div className="ik-actions">
        <Button onClick={() => void save()} disabled={status === 'saving' || (!dirty && !conflict)}>
          {conflict ? t('protocol.saveMerged') : t('common.save')}
        </Button>
        <Button variant="tertiary" onClick={() => setPreview(!preview)} aria-expanded={preview}>
          {preview ? t('protocol.hidePreview') : t('protocol.preview')}
        </Button>
        <span aria-live="polite" className="kern-body kern-body--small">
          {status === 'saving' ? t('common.saving') : status === 'saved' ? t('common.saved') : dirty ? t('protocol.unsaved') : ''}
        </span>
      </div>
      {preview && (
        <Suspense fallback={<Loading />}>
          <Markdown text={text} />
        </Suspense>
      )}
    </div>
  );
}
