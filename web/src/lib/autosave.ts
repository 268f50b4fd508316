/**
 * The save state of one autosaved text (protocol notes): what the status line says and whether
 * the next pause in typing should save. Pure, so the rules are tested without a browser.
 *
 * - `clean`: what the hub has is what is on screen (`savedAt` when this browser saved it last).
 * - `pending`: typed but not yet sent; the debounce will save it.
 * - `saving`: a save is under way (typing meanwhile keeps `dirtyAgain` so it is saved after).
 * - `conflict`: someone else saved this entry meanwhile; nothing is saved until merged by hand.
 * - `failed`: the last save did not reach the hub or was refused; the text stays in this browser.
 */
export type SaveState =
  | { kind: 'clean'; savedAt: number | null }
  | { kind: 'pending'; savedAt: number | null }
  | { kind: 'saving'; savedAt: number | null; dirtyAgain: boolean }
  | { kind: 'conflict'; savedAt: number | null }
  | { kind: 'failed'; savedAt: number | null; retryable: boolean };

export type SaveEvent =
  | { type: 'edit' }
  | { type: 'start' }
  | { type: 'saved'; at: number }
  | { type: 'conflict' }
  | { type: 'failed'; retryable: boolean }
  /** The merge was settled (their text taken, or the merged text saved): back to normal. */
  | { type: 'resolved'; at?: number }
  /** Someone else's save was taken over while nothing local was unsaved. */
  | { type: 'adopted' };

export const initialSaveState = (dirty: boolean, conflict: boolean): SaveState =>
  conflict ? { kind: 'conflict', savedAt: null } : dirty ? { kind: 'pending', savedAt: null } : { kind: 'clean', savedAt: null };

export function saveReducer(state: SaveState, event: SaveEvent): SaveState {
  const savedAt = state.savedAt;
  switch (event.type) {
    case 'edit':
      if (state.kind === 'conflict') return state; // merging by hand: saved only on request
      if (state.kind === 'saving') return { ...state, dirtyAgain: true };
      return { kind: 'pending', savedAt };
    case 'start':
      return { kind: 'saving', savedAt, dirtyAgain: false };
    case 'saved':
      if (state.kind === 'saving' && state.dirtyAgain) return { kind: 'pending', savedAt: event.at };
      return { kind: 'clean', savedAt: event.at };
    case 'conflict':
      return { kind: 'conflict', savedAt };
    case 'failed':
      return { kind: 'failed', savedAt, retryable: event.retryable };
    case 'resolved':
      return { kind: 'clean', savedAt: event.at ?? savedAt };
    case 'adopted':
      return state.kind === 'clean' || state.kind === 'pending' ? { kind: 'clean', savedAt } : state;
  }
}

/** Whether a pause in typing should send the text now. */
export const shouldAutosave = (state: SaveState): boolean => state.kind === 'pending' || (state.kind === 'failed' && state.retryable);

/** The status line: an i18n key and its values. */
export function saveStatus(state: SaveState, formatTime: (at: number) => string): { key: string; values?: Record<string, string> } | null {
  switch (state.kind) {
    case 'saving':
      return { key: 'protocolMode.status.saving' };
    case 'conflict':
      return { key: 'protocolMode.status.conflict' };
    case 'failed':
      return { key: state.retryable ? 'protocolMode.status.offline' : 'protocolMode.status.refused' };
    case 'pending':
      return { key: 'protocolMode.status.pending' };
    case 'clean':
      return state.savedAt === null ? null : { key: 'protocolMode.status.saved', values: { time: formatTime(state.savedAt) } };
  }
}

/**
 * What to do when the hub's text for the entry being edited changes under the editor (a poll or a
 * refetch brought someone's save). Never overwrites what is typed here: a dirty local text meets a
 * different remote text as a conflict.
 */
export function onRemote(remote: string, base: string, local: string): 'none' | 'same' | 'adopt' | 'conflict' {
  if (remote === base) return 'none';
  if (remote === local) return 'same';
  if (local === base) return 'adopt';
  return 'conflict';
}
