import { describe, expect, it } from 'vitest';
import { initialSaveState, onRemote, saveReducer, saveStatus, shouldAutosave, type SaveEvent, type SaveState } from './autosave';

const run = (state: SaveState, ...events: SaveEvent[]) => events.reduce(saveReducer, state);
const time = (at: number) => `T${at}`;

describe('the autosave state', () => {
  it('saves after typing, and says when', () => {
    const typed = run(initialSaveState(false, false), { type: 'edit' });
    expect(typed.kind).toBe('pending');
    expect(shouldAutosave(typed)).toBe(true);
    const saving = saveReducer(typed, { type: 'start' });
    expect(shouldAutosave(saving)).toBe(false);
    expect(saveStatus(saving, time)).toEqual({ key: 'protocolMode.status.saving' });
    const saved = saveReducer(saving, { type: 'saved', at: 1403 });
    expect(saved).toEqual({ kind: 'clean', savedAt: 1403 });
    expect(saveStatus(saved, time)).toEqual({ key: 'protocolMode.status.saved', values: { time: 'T1403' } });
    expect(shouldAutosave(saved)).toBe(false);
  });

  it('says nothing before the first save of this visit', () => {
    expect(saveStatus(initialSaveState(false, false), time)).toBeNull();
  });

  it('typing during a save is saved after it, and the earlier save time is kept', () => {
    const s = run(initialSaveState(false, false), { type: 'edit' }, { type: 'start' }, { type: 'edit' }, { type: 'saved', at: 5 });
    expect(s).toEqual({ kind: 'pending', savedAt: 5 });
    expect(shouldAutosave(s)).toBe(true);
  });

  it('a conflict stops autosaving until it is resolved, whatever is typed', () => {
    const s = run(initialSaveState(false, false), { type: 'edit' }, { type: 'start' }, { type: 'conflict' }, { type: 'edit' }, { type: 'edit' });
    expect(s.kind).toBe('conflict');
    expect(shouldAutosave(s)).toBe(false);
    expect(saveStatus(s, time)).toEqual({ key: 'protocolMode.status.conflict' });
    expect(run(s, { type: 'resolved', at: 9 })).toEqual({ kind: 'clean', savedAt: 9 });
    expect(initialSaveState(true, true).kind).toBe('conflict');
  });

  it('a save that did not reach the hub is retried; a refused one waits for the next edit', () => {
    const offline = run(initialSaveState(true, false), { type: 'start' }, { type: 'failed', retryable: true });
    expect(shouldAutosave(offline)).toBe(true);
    expect(saveStatus(offline, time)).toEqual({ key: 'protocolMode.status.offline' });
    const refused = run(initialSaveState(true, false), { type: 'start' }, { type: 'failed', retryable: false });
    expect(shouldAutosave(refused)).toBe(false);
    expect(saveStatus(refused, time)).toEqual({ key: 'protocolMode.status.refused' });
    expect(shouldAutosave(saveReducer(refused, { type: 'edit' }))).toBe(true);
  });

  it("taking over someone's save changes nothing while a save or a conflict is open", () => {
    expect(run(initialSaveState(false, false), { type: 'adopted' }).kind).toBe('clean');
    expect(run(initialSaveState(true, true), { type: 'adopted' }).kind).toBe('conflict');
    expect(run(initialSaveState(true, false), { type: 'start' }, { type: 'adopted' }).kind).toBe('saving');
  });
});

describe("someone else's save arriving", () => {
  it('is ignored when it is what we already had', () => expect(onRemote('a', 'a', 'a b')).toBe('none'));
  it('is taken over when nothing is typed here', () => expect(onRemote('theirs', 'a', 'a')).toBe('adopt'));
  it('agrees when it is what is typed here', () => expect(onRemote('a b', 'a', 'a b')).toBe('same'));
  it('is a conflict when something else is typed here', () => expect(onRemote('theirs', 'a', 'mine')).toBe('conflict'));
});
