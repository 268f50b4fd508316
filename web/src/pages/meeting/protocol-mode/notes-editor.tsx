import { lazy, Suspense, useCallback, useEffect, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { Button } from '../../../components/form';
import { ErrorAlert, Loading, Notice } from '../../../components/status';
import { graphql } from '../../../gql';
import { apiProblem, type ApiProblem } from '../../../graphql/errors';
import { initialSaveState, onRemote, saveReducer, saveStatus, shouldAutosave } from '../../../lib/autosave';
import { clearDraft, readDraft, restore, writeDraft } from '../../../lib/drafts';
import { formatTime } from '../../../lib/format';
import { ConflictView } from './conflict-view';

const Markdown = lazy(() => import('../markdown'));

/** A pause in typing this long saves the notes. */
const DEBOUNCE_MS = 1000;
/** A save that did not reach the hub is tried again after this long. */
const RETRY_MS = 5000;

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
  /** The hub's notes for this item and the protocol version they came with. */
  serverNotes: string;
  serverVersion: number;
  /** Who saved the protocol last, for a conflict that arrives by polling. */
  lastAuthor: string | null;
  /** The newest protocol version this page knows (saves are sent on it). */
  version: () => number;
  onVersion: (v: number) => void;
}

interface Conflict {
  theirs: string;
  by: string | null;
}

/**
 * Notes for one agenda item, saved by themselves a second after typing stops. A save carries the
 * protocol version it was written on; if someone else saved meanwhile, a change to another item is
 * merged silently (saved again on the new version), and a change to this item opens the conflict
 * view. A co-moderator's save that arrives while nothing is typed here is simply shown; one that
 * arrives while something is typed here is a conflict too: nothing typed is ever overwritten.
 * What is typed is kept in this browser until the hub has it (lib/drafts).
 */
export function NotesEditor({ protocolId, meetingId, item, serverNotes, serverVersion, lastAuthor, version, onVersion }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [, update] = useMutation(Update);
  const initial = useRef(restore(serverNotes, readDraft(protocolId, item.id)));
  const start = initial.current;
  const [text, setText] = useState(start.text);
  const [base, setBase] = useState(start.kind === 'conflict' ? (readDraft(protocolId, item.id)?.base ?? serverNotes) : serverNotes);
  const [conflict, setConflict] = useState<Conflict | null>(start.kind === 'conflict' ? { theirs: start.theirs, by: null } : null);
  const [restored, setRestored] = useState(start.kind === 'restored');
  const [state, dispatch] = useReducer(saveReducer, initialSaveState(start.kind === 'restored', start.kind === 'conflict'));
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [preview, setPreview] = useState(false);
  // The protocol version the base text belongs to: older server data (a refetch still under way) is not news.
  const baseVersion = useRef(serverVersion);
  const saving = useRef(false);
  // When the conflict view closes, its buttons go with it: the keyboard returns to the notes.
  const field = useRef<HTMLTextAreaElement>(null);
  const latest = useRef({ text, base, conflict });
  latest.current = { text, base, conflict };

  const fetchCurrent = async () => {
    const res = await client.query(Current, { meetingId }, { requestPolicy: 'network-only' }).toPromise();
    const p = res.data?.meeting?.protocol;
    if (!p) return null;
    onVersion(p.version);
    const last = [...p.revisions].sort((a, b) => b.version - a.version)[0];
    return { version: p.version, notes: p.entries.find((e) => e.agendaItem.id === item.id)?.notes ?? '', by: last?.author.displayName ?? null };
  };

  const save = useCallback(
    async (expected?: number, attempt = 0): Promise<void> => {
      if (saving.current && attempt === 0) return;
      saving.current = true;
      const sent = latest.current.text;
      const startedOn = latest.current.conflict ? latest.current.conflict.theirs : latest.current.base;
      if (attempt === 0) dispatch({ type: 'start' });
      setProblem(null);
      const res = await update({ input: { protocolId, agendaItemId: item.id, notes: sent, expectedVersion: expected ?? version() } });
      if (res.data) {
        saving.current = false;
        const wasConflict = latest.current.conflict !== null;
        baseVersion.current = res.data.updateProtocolEntry.version;
        onVersion(res.data.updateProtocolEntry.version);
        setBase(sent);
        setConflict(null);
        setRestored(false);
        writeDraft(protocolId, item.id, { text: latest.current.text, base: sent });
        dispatch(wasConflict ? { type: 'resolved', at: Date.now() } : { type: 'saved', at: Date.now() });
        if (wasConflict) field.current?.focus();
        return;
      }
      const p = apiProblem(res.error);
      if (p?.code === 'CONFLICT' && !p.protocolStatus) {
        const current = await fetchCurrent();
        // Only other items changed: this text still applies on the new version.
        if (current && current.notes === startedOn && attempt < 3) return save(current.version, attempt + 1);
        saving.current = false;
        if (current) {
          baseVersion.current = current.version;
          setConflict({ theirs: current.notes, by: current.by });
          writeDraft(protocolId, item.id, { text: latest.current.text, base: current.notes, theirs: current.notes });
          dispatch({ type: 'conflict' });
          return;
        }
      }
      saving.current = false;
      const retryable = !p || p.code === 'NETWORK';
      setProblem(retryable ? null : p);
      dispatch({ type: 'failed', retryable });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [protocolId, item.id, meetingId],
  );

  // Autosave: a second after the last keystroke (or a while after a save that did not get through).
  useEffect(() => {
    if (!shouldAutosave(state)) return;
    const timer = setTimeout(() => void save(), state.kind === 'failed' ? RETRY_MS : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [state, text, save]);

  // Leaving the item (next/previous) sends what is still waiting instead of waiting for the timer.
  const pendingOnLeave = useRef(false);
  pendingOnLeave.current = state.kind === 'pending';
  useEffect(() => () => void (pendingOnLeave.current && save()), [save]);

  // Someone's save reached this page (poll or refetch).
  useEffect(() => {
    if (saving.current || serverVersion <= baseVersion.current) return;
    baseVersion.current = serverVersion;
    if (conflict) {
      if (serverNotes !== conflict.theirs) {
        setConflict({ theirs: serverNotes, by: lastAuthor });
        writeDraft(protocolId, item.id, { text, base: serverNotes, theirs: serverNotes });
      }
      return;
    }
    const action = onRemote(serverNotes, base, text);
    if (action === 'none') return;
    if (action === 'conflict') {
      setConflict({ theirs: serverNotes, by: lastAuthor });
      writeDraft(protocolId, item.id, { text, base: serverNotes, theirs: serverNotes });
      dispatch({ type: 'conflict' });
      return;
    }
    if (action === 'adopt') setText(serverNotes);
    setBase(serverNotes);
    clearDraft(protocolId, item.id);
    dispatch({ type: 'adopted' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverNotes, serverVersion, state.kind]);

  const edit = (value: string) => {
    setText(value);
    dispatch({ type: 'edit' });
    writeDraft(protocolId, item.id, conflict ? { text: value, base: conflict.theirs, theirs: conflict.theirs } : { text: value, base });
  };

  const takeTheirs = (theirs: string) => {
    setText(theirs);
    setBase(theirs);
    setConflict(null);
    clearDraft(protocolId, item.id);
    dispatch({ type: 'resolved' });
    field.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') {
      e.preventDefault();
      void save();
    }
  };

  const id = `notizen-${item.id}`;
  const status = saveStatus(state, (at) => formatTime(new Date(at).toISOString()));
  return (
    <div className="ik-entry">
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={id}>
          {t('protocol.notesFor', { position: item.position, title: item.title })}
        </label>
        <div className="kern-hint" id={`${id}-hint`}>
          {t('protocolMode.notesHint')}
        </div>
        <textarea
          id={id}
          ref={field}
          className="kern-form-input__input ik-textarea"
          rows={10}
          value={text}
          onChange={(e) => edit(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-hint ${id}-status`}
        />
      </div>
      {/* A polite live region: the status is announced without moving the keyboard. */}
      <p id={`${id}-status`} role="status" className="kern-body kern-body--small ik-save-status" data-testid="save-status">
        {status ? t(status.key, status.values ?? {}) : ''}
      </p>
      {restored && <Notice kind="info" title={t('protocol.restored')} />}
      {conflict && (
        <ConflictView
          yours={text}
          theirs={conflict.theirs}
          by={conflict.by}
          busy={state.kind === 'saving'}
          onAppendTheirs={() => edit(`${text}\n\n${conflict.theirs}`)}
          onTakeTheirs={() => takeTheirs(conflict.theirs)}
          onSave={() => void save()}
        />
      )}
      <ErrorAlert problem={problem} />
      <div className="ik-actions">
        <Button variant="tertiary" onClick={() => setPreview(!preview)} aria-expanded={preview}>
          {preview ? t('protocol.hidePreview') : t('protocol.preview')}
        </Button>
      </div>
      {preview && (
        <Suspense fallback={<Loading />}>
          <Markdown text={text} />
        </Suspense>
      )}
    </div>
  );
}
