import { isCleanLine } from '../common/text-rules.js';

/** Parsing of the room commands; pure, so it is tested beside the code. */
export type ChatCommand =
  | { kind: 'help' }
  | { kind: 'next' }
  | { kind: 'agenda'; title: string }
  | { kind: 'todo'; title: string; assignee: string | null; dueOn: string | null }
  | { kind: 'unknown'; name: string }
  | { kind: 'invalid'; usage: string };

export const HELP = [
  'Befehle in diesem Raum:',
  '!agenda <Titel> – Tagesordnungspunkt für die nächste Sitzung vorschlagen',
  '!todo <Text> [@Organisation-oder-Person] [due JJJJ-MM-TT] – Aufgabe anlegen',
  '!next – nächste Sitzung mit Tagesordnung',
  '!help – diese Hilfe',
].join('\n');

/** Null when the message is no command at all. */
export function parseCommand(body: string): ChatCommand | null {
  const text = body.trim();
  if (!text.startsWith('!')) return null;
  const [, name = '', rest = ''] = /^!(\S*)\s*([\s\S]*)$/.exec(text) ?? [];
  const arg = rest.trim();
  switch (name.toLowerCase()) {
    case 'help':
      return { kind: 'help' };
    case 'next':
      return { kind: 'next' };
    case 'agenda':
      if (!arg) return { kind: 'invalid', usage: '!agenda <Titel>' };
      if (!isCleanLine(arg)) return { kind: 'invalid', usage: '!agenda <Titel> (eine Zeile, ohne Steuerzeichen)' };
      return { kind: 'agenda', title: clip(arg) };
    case 'todo': {
      let words = arg.split(/\s+/).filter(Boolean);
      let dueOn: string | null = null;
      const dueAt = words.findIndex((w, i) => w.toLowerCase() === 'due' && /^\d{4}-\d{2}-\d{2}$/.test(words[i + 1] ?? ''));
      if (dueAt >= 0) {
        dueOn = words[dueAt + 1];
        words = [...words.slice(0, dueAt), ...words.slice(dueAt + 2)];
      }
      const mention = words.find((w) => w.startsWith('@') && w.length > 1) ?? null;
      const title = words.filter((w) => w !== mention).join(' ').trim();
      if (!title) return { kind: 'invalid', usage: '!todo <Text> [@Organisation-oder-Person] [due JJJJ-MM-TT]' };
      if (!isCleanLine(title) || (mention && !isCleanLine(mention))) return { kind: 'invalid', usage: '!todo <Text> (ohne Steuerzeichen)' };
      return { kind: 'todo', title: clip(title), assignee: mention ? mention.slice(1) : null, dueOn };
    }
    default:
      return { kind: 'unknown', name };
  }
}

/** At most 200 characters (code points, so no surrogate pair is cut in half), as names allow. */
const clip = (text: string) => Array.from(text).slice(0, 200).join('');
