import { describe, expect, it } from '@jest/globals';
import { parseCommand } from './chat-commands.js';

describe('parseCommand', () => {
  it('ignores ordinary messages', () => {
    expect(parseCommand('Guten Morgen!')).toBeNull();
  });

  it('reads !agenda, !next, !help', () => {
    expect(parseCommand('!agenda  Neue Sensoren für Bruchsal ')).toEqual({ kind: 'agenda', title: 'Neue Sensoren für Bruchsal' });
    expect(parseCommand('!next')).toEqual({ kind: 'next' });
    expect(parseCommand('!HELP')).toEqual({ kind: 'help' });
  });

  it('reads !todo with an assignee and a due date anywhere', () => {
    expect(parseCommand('!todo Angebot einholen @Stadt_Bretten due 2027-01-15')).toEqual({
      kind: 'todo', title: 'Angebot einholen', assignee: 'Stadt_Bretten', dueOn: '2027-01-15',
    });
    expect(parseCommand('!todo due 2027-01-15 Bericht schreiben')).toEqual({ kind: 'todo', title: 'Bericht schreiben', assignee: null, dueOn: '2027-01-15' });
    expect(parseCommand('!todo @anna:localhost Protokoll prüfen')).toMatchObject({ title: 'Protokoll prüfen', assignee: 'anna:localhost' });
  });

  it('explains missing arguments and unknown commands', () => {
    expect(parseCommand('!agenda')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('!todo due 2027-01-15')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('!kaffee')).toEqual({ kind: 'unknown', name: 'kaffee' });
  });

  it('refuses control characters and line breaks in titles, and never cuts a character in half', () => {
    expect(parseCommand('!agenda Sensoren\nBruchsal')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('!agenda Sensoren\u0000')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('!todo Bericht\u0007 schreiben')).toMatchObject({ kind: 'invalid' });
    const long = parseCommand(`!agenda ${'a'.repeat(199)}😀😀`);
    expect(long).toMatchObject({ kind: 'agenda' });
    expect((long as { title: string }).title.isWellFormed()).toBe(true);
  });
});
