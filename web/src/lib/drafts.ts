/**
 * Unsaved protocol notes kept in this browser (localStorage) until the hub has them, so that no
 * typed text is lost to a reload, a crash or a conflict. A draft remembers the text it started
 * from (`base`): if the hub's text moved on meanwhile, restoring it is a conflict, not an overwrite.
 */
export interface Draft {
  text: string;
  base: string;
  /** Set while a conflict is open: the other text, shown beside this one until merged. */
  theirs?: string;
  at: number;
}

const key = (protocolId: string, agendaItemId: string) => `interkom.draft.${protocolId}.${agendaItemId}`;

export function readDraft(protocolId: string, agendaItemId: string, storage: Storage = localStorage): Draft | null {
  try {
    const draft = JSON.parse(storage.getItem(key(protocolId, agendaItemId)) ?? 'null') as Draft | null;
    return draft && typeof draft.text === 'string' && typeof draft.base === 'string' ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft(protocolId: string, agendaItemId: string, draft: Omit<Draft, 'at'>, storage: Storage = localStorage): void {
  try {
    if (draft.text === draft.base) storage.removeItem(key(protocolId, agendaItemId));
    else storage.setItem(key(protocolId, agendaItemId), JSON.stringify({ ...draft, at: Date.now() }));
  } catch {
    // Storage full or blocked: the text is still in the editor.
  }
}

export function clearDraft(protocolId: string, agendaItemId: string, storage: Storage = localStorage): void {
  storage.removeItem(key(protocolId, agendaItemId));
}

export type Restored = { kind: 'none'; text: string } | { kind: 'restored'; text: string } | { kind: 'conflict'; text: string; theirs: string };

/**
 * What the editor starts with: the hub's text, or the draft on top of it. A draft made on the
 * text the hub still has is simply restored; one made on older text meets a newer version and is
 * a conflict to merge.
 */
export function restore(server: string, draft: Draft | null): Restored {
  if (!draft || draft.text === server) return { kind: 'none', text: server };
  if (draft.theirs !== undefined && draft.theirs === server) return { kind: 'conflict', text: draft.text, theirs: server };
  if (draft.base === server) return { kind: 'restored', text: draft.text };
  return { kind: 'conflict', text: draft.text, theirs: server };
}
