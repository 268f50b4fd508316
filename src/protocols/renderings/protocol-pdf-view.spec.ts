import { describe, expect, it } from '@jest/globals';
import type { ProtocolDocument } from '../protocol-markdown.js';
import { protocolPdfView } from './protocol-pdf-view.js';
import { correctionRendering, objectKey, protocolRenderings } from './rendering-snapshots.js';
import { ProtocolRenderingKind } from './protocol-rendering.entity.js';

const doc: ProtocolDocument = {
  title: 'Fachgruppe  Digitalisierung,\n3. Sitzung',
  groups: ['Fachgruppe Digitalisierung'],
  startsAt: new Date('2026-03-03T09:00:00Z'),
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
    { name: 'Dr. Extern', organization: 'Hochschule', status: 'PRESENT', role: 'EXTERNAL', publicName: true },
  ],
  items: [
    { id: 'a', position: 1, title: 'E-Rechnung: Stand', public: true, notes: 'Alle Städte empfangen XRechnung.\n\nZweiter Absatz\nzweite Zeile' },
    { id: 'b', position: 2, title: 'Personalfragen', public: false, notes: 'Vertraulich: Stellenbesetzung.' },
  ],
  decisions: [
    { agendaItemId: 'a', text: 'Gemeinsame Ausschreibung', votesFor: 8, votesAgainst: 0, abstentions: 1 },
    { agendaItemId: 'b', text: 'Stelle wird besetzt', votesFor: null, votesAgainst: null, abstentions: null },
    { agendaItemId: null, text: 'Nächste Sitzung in Bühl', votesFor: 3, votesAgainst: 1, abstentions: 2 },
  ],
  actionItems: [
    { title: 'Angebot einholen', assignee: 'Anna Albrecht', assigneePublic: false, organization: 'Stadt Bretten', dueOn: '2026-04-15', status: 'OPEN', public: true },
    { title: 'Bewerbungen sichten', assignee: null, organization: 'Stadt Bühl', dueOn: null, status: 'OPEN', public: false },
  ],
};

describe('protocolPdfView', () => {
  it('gives the members everything: place, link, attendance, every item with notes as paragraphs, decisions with votes, every task', () => {
    const v = protocolPdfView(doc, 'MEMBERS');
    expect(v.facts).toEqual(expect.arrayContaining([['Datum', 'Dienstag, 3. März 2026'], ['Zeit', '10:00–11:30 Uhr'], ['Ort', 'Rathaus Ettlingen, Sitzungssaal'], ['Stand', 'Veröffentlicht, Fassung 7']]));
    expect(v.attendance).toEqual([
      { label: 'Anwesend', names: ['Anna Albrecht (Stadt Bretten)', 'Dr. Extern (Hochschule, extern)'] },
      { label: 'Entschuldigt', names: ['Bernd Bauer'] },
    ]);
    expect(v.items.map((i) => i.title)).toEqual(['E-Rechnung: Stand', 'Personalfragen']);
    expect(v.items[0].notes).toEqual([['Alle Städte empfangen XRechnung.'], ['Zweiter Absatz', 'zweite Zeile']]);
    expect(v.items[0].decisions).toEqual([{ text: 'Gemeinsame Ausschreibung', votes: 'Abstimmung: 8 Ja, 0 Nein, 1 Enthaltung' }]);
    expect(v.items[1].decisions).toEqual([{ text: 'Stelle wird besetzt', votes: null }]);
    expect(v.general).toEqual([{ text: 'Nächste Sitzung in Bühl', votes: 'Abstimmung: 3 Ja, 1 Nein, 2 Enthaltungen' }]);
    expect(v.actions).toEqual([
      { number: '1', title: 'Angebot einholen', who: 'Anna Albrecht (Stadt Bretten)', due: '15.04.2026', status: 'offen' },
      { number: '2', title: 'Bewerbungen sichten', who: 'Stadt Bühl', due: '–', status: 'offen' },
    ]);
  });

  it('gives the public neither the non-public item nor its decision, nor place, link, attendance, non-public tasks or unconsenting names', () => {
    const v = protocolPdfView(doc, 'PUBLIC');
    const all = JSON.stringify(v);
    for (const hidden of ['Personalfragen', 'Stellenbesetzung', 'Stelle wird besetzt', 'Rathaus Ettlingen', 'meet.example.org', 'Bernd Bauer', 'Bewerbungen sichten', 'Anna Albrecht']) expect(all).not.toContain(hidden);
    expect(v.attendance).toBeNull();
    expect(v.guests).toEqual(['Dr. Extern (Hochschule)']);
    expect(v.actions).toEqual([{ number: '1', title: 'Angebot einholen', who: 'Stadt Bretten', due: '15.04.2026', status: 'offen' }]);
    expect(v.general.map((d) => d.text)).toEqual(['Nächste Sitzung in Bühl']);
  });
});

describe('rendering snapshots', () => {
  it('freezes both renderings dated with the publication, the SHA-256 in the footer, German file names', () => {
    const [members, pub] = protocolRenderings(doc, 'f'.repeat(64), 'Netzwerk re@di');
    expect([members.kind, pub.kind]).toEqual([ProtocolRenderingKind.MEMBERS, ProtocolRenderingKind.PUBLIC]);
    expect(members.input.template.kind === 'protocol' && members.input.template.data.facts[0]).toEqual(['Netzwerk', 'Netzwerk re@di']);
    expect(members.input.meta).toMatchObject({ title: 'Protokoll: Fachgruppe Digitalisierung, 3. Sitzung', network: 'Netzwerk re@di', date: '2026-03-11T08:00:00.000Z', footerNote: `SHA-256 des Protokolls: ${'f'.repeat(64)}` });
    expect([members.input.fileName, pub.input.fileName]).toEqual(['Protokoll-2026-03-03.pdf', 'Protokoll-2026-03-03-öffentlich.pdf']);
    expect(objectKey('p1', ProtocolRenderingKind.PUBLIC, 0)).toBe('protocols/p1/public.pdf');
    const c = correctionRendering(
      { sequence: 2, text: 'Richtig ist: Bühl.', at: new Date('2026-03-20T10:00:00Z'), hash: 'a'.repeat(64), previousHash: 'b'.repeat(64), protocolTitle: doc.title, startsAt: doc.startsAt, timeZone: doc.timeZone, contentHash: 'f'.repeat(64) },
      'Netzwerk re@di',
    );
    expect(c).toMatchObject({ kind: 'PUBLIC', correctionSequence: 2, input: { fileName: 'Protokoll-2026-03-03-Berichtigung-2.pdf', meta: { date: '2026-03-20T10:00:00.000Z' } } });
    expect(objectKey('p1', ProtocolRenderingKind.PUBLIC, 2)).toBe('protocols/p1/berichtigung-2.pdf');
  });
});
