import { describe, expect, it } from 'vitest';
import { clearDraft, readDraft, restore, writeDraft } from './drafts';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

describe('protocol drafts', () => {
  it('keeps unsaved text per protocol entry and forgets it once saved', () => {
    const s = new MemoryStorage();
    writeDraft('p1', 'a1', { text: 'Neu', base: 'Alt' }, s);
    expect(readDraft('p1', 'a1', s)).toMatchObject({ text: 'Neu', base: 'Alt' });
    expect(readDraft('p1', 'a2', s)).toBeNull();
    clearDraft('p1', 'a1', s);
    expect(readDraft('p1', 'a1', s)).toBeNull();
  });

  it('stores nothing while the text equals what the hub has', () => {
    const s = new MemoryStorage();
    writeDraft('p1', 'a1', { text: 'Gleich', base: 'Gleich' }, s);
    expect(s.length).toBe(0);
  });

  it('restores a draft on unchanged text, and turns one on changed text into a conflict', () => {
    expect(restore('Alt', null)).toEqual({ kind: 'none', text: 'Alt' });
    expect(restore('Alt', { text: 'Meins', base: 'Alt', at: 1 })).toEqual({ kind: 'restored', text: 'Meins' });
    expect(restore('Deins', { text: 'Meins', base: 'Alt', at: 1 })).toEqual({ kind: 'conflict', text: 'Meins', theirs: 'Deins' });
    expect(restore('Meins', { text: 'Meins', base: 'Alt', at: 1 })).toEqual({ kind: 'none', text: 'Meins' });
  });

  it('keeps an open conflict open across a reload', () => {
    expect(restore('Deins', { text: 'Meins', base: 'Deins', theirs: 'Deins', at: 1 })).toEqual({ kind: 'conflict', text: 'Meins', theirs: 'Deins' });
    // Once the other text changed again, it is a new conflict with the newest text.
    expect(restore('Neuer', { text: 'Meins', base: 'Deins', theirs: 'Deins', at: 1 })).toEqual({ kind: 'conflict', text: 'Meins', theirs: 'Neuer' });
  });

  it('survives garbage in storage', () => {
    const s = new MemoryStorage();
    s.setItem('interkom.draft.p1.a1', '{not json');
    expect(readDraft('p1', 'a1', s)).toBeNull();
  });
});
