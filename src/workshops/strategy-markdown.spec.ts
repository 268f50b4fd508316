import { describe, expect, it } from '@jest/globals';
import { renderStrategy, type StrategyDocument } from './strategy-markdown.js';

const doc: StrategyDocument = {
  organization: 'Verbandsgemeinde Musterhausen',
  workshop: { title: 'Digital-Werkstatt Musterhausen', date: '2026-03-05', location: 'Bürgersaal' },
  fields: [
    { id: 't', name: 'Tourismus', priority: 2 },
    { id: 'v', name: 'Kommunale Verwaltung', priority: 1 },
  ],
  ideas: [
    { fieldOfActionId: 'v', fieldName: 'Kommunale Verwaltung', title: 'Online-Terminbuchung', description: 'Für das Bürgerbüro.\n# kein Titel', votes: 5, steps: [
      { title: 'Anbieter vergleichen', responsible: 'Hauptamt', dueOn: '2026-04-30' },
      { title: 'Pilot starten', responsible: null, dueOn: null },
    ] },
    { fieldOfActionId: 'v', fieldName: 'Kommunale Verwaltung', title: 'E-Akte', description: null, votes: 1, steps: [] },
    { fieldOfActionId: 'x', fieldName: 'Alltagsleben', title: '# Dorf-App', description: null, votes: 0, steps: [] },
  ],
};

describe('renderStrategy', () => {
  it('lists the chosen fields by priority, their ideas by votes with steps, then the other ideas', () => {
    expect(renderStrategy(doc)).toBe(`# Digitalstrategie Verbandsgemeinde Musterhausen

Erster Entwurf aus der Digital-Werkstatt „Digital-Werkstatt Musterhausen“ am 05.03.2026, Ort: Bürgersaal.

## Handlungsfelder nach Priorität

1. Kommunale Verwaltung
2. Tourismus

## 1. Kommunale Verwaltung

### Online-Terminbuchung (5 Stimmen)

Für das Bürgerbüro.
\\# kein Titel

Umsetzungsschritte:

1. Anbieter vergleichen (verantwortlich: Hauptamt, bis 30.04.2026)
2. Pilot starten

### E-Akte (1 Stimme)

_Noch keine Umsetzungsschritte._

## 2. Tourismus

_Noch keine Ideen._

## Weitere Ideen

_Aus Handlungsfeldern, die (noch) nicht ausgewählt sind._

### \\# Dorf-App (0 Stimmen, Alltagsleben)

_Noch keine Umsetzungsschritte._
`);
  });

  it('says so when nothing is chosen yet', () => {
    expect(renderStrategy({ ...doc, fields: [], ideas: [] })).toContain('_Noch keine Handlungsfelder ausgewählt._');
  });
});
