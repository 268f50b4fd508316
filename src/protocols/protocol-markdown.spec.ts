import { describe, expect, it } from '@jest/globals';
import { germanDate, renderProtocol, type ProtocolDocument } from './protocol-markdown.js';

const doc: ProtocolDocument = {
  title: 'Fachgruppe Digitalisierung, 3. Sitzung',
  groups: ['Fachgruppe Digitalisierung'],
  startsAt: new Date('2026-03-03T09:00:00Z'), // 10:00 CET
  endsAt: new Date('2026-03-03T10:30:00Z'),
  timeZone: 'Europe/Berlin',
  location: 'Rathaus Ettlingen, Sitzungssaal',
  onlineUrl: 'https://meet.example.org/readi-fg',
  status: 'PUBLISHED',
  version: 7,
  approvedAt: new Date('2026-03-10T08:00:00Z'),
  publishedAt: new Date('2026-03-11T08:00:00Z'),
  attendance: [
    { name: 'Anna Albrecht', organization: 'Stadt Bretten', status: 'PRESENT' },
    { name: 'Bernd Bauer', organization: null, status: 'EXCUSED' },
  ],
  items: [
    { id: 'a', position: 1, title: 'E-Rechnung: Stand', public: true, notes: 'Alle Städte empfangen XRechnung.' },
    { id: 'b', position: 2, title: 'Personalfragen', public: false, notes: 'Vertraulich: Stellenbesetzung.' },
  ],
  decisions: [
    { agendaItemId: 'a', text: 'Gemeinsame Ausschreibung', votesFor: 8, votesAgainst: 0, abstentions: 1 },
    { agendaItemId: 'b', text: 'Stelle wird besetzt', votesFor: null, votesAgainst: null, abstentions: null },
  ],
  actionItems: [
    { title: 'Angebot | einholen', assignee: 'Anna Albrecht', organization: 'Stadt Bretten', dueOn: '2026-04-15', status: 'OPEN', public: true },
    { title: 'Bewerbungen sichten', assignee: null, organization: 'Stadt Bühl', dueOn: null, status: 'OPEN', public: false },
  ],
};

describe('renderProtocol', () => {
  const full = renderProtocol(doc, { redact: false });

  it('reads like a German protocol: title, date and time in the meeting zone, place, attendance', () => {
    expect(full).toContain('# Protokoll: Fachgruppe Digitalisierung, 3. Sitzung');
    expect(full).toContain('| Datum | Dienstag, 3. März 2026 |');
    expect(full).toContain('| Zeit | 10:00–11:30 Uhr |');
    expect(full).toContain('| Ort | Rathaus Ettlingen, Sitzungssaal |');
    expect(full).toContain('**Anwesend:** Anna Albrecht (Stadt Bretten)');
    expect(full).toContain('**Entschuldigt:** Bernd Bauer');
    expect(full).toContain('| Stand | Veröffentlicht, Fassung 7 |');
  });

  it('lists notes and decisions with votes per item, and the action items as a table', () => {
    expect(full).toContain('## TOP 1: E-Rechnung: Stand\n\nAlle Städte empfangen XRechnung.');
    expect(full).toContain('**Beschluss:** Gemeinsame Ausschreibung\n\nAbstimmung: 8 Ja, 0 Nein, 1 Enthaltung');
    expect(full).toContain('| 1 | Angebot \\| einholen | Anna Albrecht (Stadt Bretten) | 15.04.2026 | offen |');
    expect(full).toContain('| 2 | Bewerbungen sichten | Stadt Bühl | – | offen |');
  });

  it('redacts non-public items, their decisions and action items, and the attendance', () => {
    const redacted = renderProtocol(doc, { redact: true });
    expect(redacted).toContain('## TOP 2: Nichtöffentlicher Tagesordnungspunkt');
    for (const secret of ['Personalfragen', 'Vertraulich', 'Stelle wird besetzt', 'Bewerbungen sichten', 'Anna Albrecht (Stadt Bretten), ', '## Anwesenheit']) {
      expect(redacted).not.toContain(secret);
    }
    expect(redacted).toContain('Alle Städte empfangen XRechnung.');
  });

  it('renders for the public: public items only, no place or online link, a person named only with publicProfile', () => {
    const forAnyone = renderProtocol(doc, { redact: true, public: true });
    for (const secret of ['Personalfragen', 'Nichtöffentlicher Tagesordnungspunkt', 'TOP 2', 'Stelle wird besetzt', 'Rathaus Ettlingen', 'meet.example.org', 'Anna Albrecht', 'Bernd Bauer']) {
      expect({ secret, found: forAnyone.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(forAnyone).toContain('| 1 | Angebot \\| einholen | Stadt Bretten | 15.04.2026 | offen |');
    const consented = { ...doc, actionItems: doc.actionItems.map((a) => ({ ...a, assigneePublic: true })) };
    expect(renderProtocol(consented, { redact: true, public: true })).toContain('| 1 | Angebot \\| einholen | Anna Albrecht (Stadt Bretten) |');
  });

  it('is deterministic and keeps user text from breaking the structure', () => {
    expect(renderProtocol(doc, { redact: false })).toBe(full);
    const hostile = renderProtocol({ ...doc, title: 'Titel\n# Eingeschleust', items: [] }, { redact: false });
    expect(hostile).toContain('# Protokoll: Titel # Eingeschleust');
    expect(hostile.split('\n').filter((l) => l.startsWith('# '))).toHaveLength(1);
  });

  describe('everyone present counts', () => {
    const everyone: ProtocolDocument = {
      ...doc,
      attendance: [
        { name: 'Anna Albrecht', organization: 'Stadt Bretten', status: 'PRESENT', role: 'MEMBER' },
        { name: 'Gerd Gast', organization: 'Stadt Bühl', status: 'PRESENT', role: 'GUEST' },
        { name: 'Vera Vertreterin', organization: 'Stadt Ettlingen', status: 'PRESENT', role: 'DEPUTY' },
        { name: 'Sina Sprecherin', organization: null, status: 'PRESENT', role: 'SPEAKER' },
        { name: 'Dr. Erika Extern', organization: 'Ingenieurbüro Nord', status: 'PRESENT', role: 'EXTERNAL', publicName: true },
        { name: 'Otto Ohnezustimmung', organization: 'Beratung GmbH', status: 'PRESENT', role: 'EXTERNAL', publicName: false },
        { name: 'Paula Abgesagt', organization: 'Verband', status: 'EXCUSED', role: 'EXTERNAL', publicName: true },
      ],
    };

    it('lists guests, speakers, deputies (in Vertretung für …) and external people among those present', () => {
      const text = renderProtocol(everyone, { redact: false });
      expect(text).toContain(
        '**Anwesend:** Anna Albrecht (Stadt Bretten), Gerd Gast (Stadt Bühl, Gast), Vera Vertreterin in Vertretung für Stadt Ettlingen, Sina Sprecherin (Vortrag), ' +
          'Dr. Erika Extern (Ingenieurbüro Nord, extern), Otto Ohnezustimmung (Beratung GmbH, extern)',
      );
      expect(text).toContain('**Entschuldigt:** Paula Abgesagt (Verband, extern)');
      expect(text).not.toContain('## Gäste und Sachverständige');
    });

    it('names in public only the external people present who consented; the members\' redacted view names nobody', () => {
      const forAnyone = renderProtocol(everyone, { redact: true, public: true });
      expect(forAnyone).toContain('## Gäste und Sachverständige\n\nDr. Erika Extern (Ingenieurbüro Nord)\n');
      for (const secret of ['Otto', 'Beratung GmbH', 'Paula', 'Gerd Gast', 'Vera', 'Sina', '## Anwesenheit']) expect(forAnyone).not.toContain(secret);
      const redacted = renderProtocol(everyone, { redact: true });
      for (const secret of ['Erika', 'Otto', 'Gerd']) expect(redacted).not.toContain(secret);
    });
  });

  it('writes due dates the German way', () => {
    expect(germanDate('2026-12-24')).toBe('24.12.2026');
  });
});
