import { paragraphs, type StrategyIdea, type StrategyPdfInput } from '../pdf/pdf-inputs.js';
import type { StrategyDocument } from './strategy-markdown.js';

/** The strategy's PDF content, ordered as the markdown (strategy-markdown.ts): fields by priority, ideas by votes. Pure. */
const german = (date: string) => date.split('-').reverse().join('.');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const votes = (n: number) => `${n} ${n === 1 ? 'Stimme' : 'Stimmen'}`;

function idea(i: StrategyDocument['ideas'][number], withField: boolean): StrategyIdea {
  return {
    title: oneLine(i.title),
    detail: `${votes(i.votes)}${withField ? `, ${oneLine(i.fieldName)}` : ''}`,
    description: paragraphs(i.description),
    steps: i.steps.map((s) => {
      const details = [s.responsible ? `verantwortlich: ${oneLine(s.responsible)}` : null, s.dueOn ? `bis ${german(s.dueOn)}` : null].filter(Boolean).join(', ');
      return `${oneLine(s.title)}${details ? ` (${details})` : ''}`;
    }),
  };
}

export function strategyPdfView(doc: StrategyDocument): StrategyPdfInput {
  const w = doc.workshop;
  const fields = [...doc.fields].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name, 'de'));
  const chosen = new Set(fields.map((f) => f.id));
  return {
    intro: `Erster Entwurf aus der Digital-Werkstatt „${oneLine(w.title)}“ am ${german(w.date)}${w.location ? `, Ort: ${oneLine(w.location)}` : ''}.`,
    fields: fields.map((f) => ({ heading: oneLine(f.name), ideas: doc.ideas.filter((i) => i.fieldOfActionId === f.id).map((i) => idea(i, false)) })),
    others: doc.ideas.filter((i) => !chosen.has(i.fieldOfActionId)).map((i) => idea(i, true)),
  };
}
