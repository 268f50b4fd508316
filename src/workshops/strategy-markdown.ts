/**
 * A municipality's first digital strategy from a Digital-Werkstatt, as German markdown. Pure: the
 * same workshop state always gives the same text.
 */
export interface StrategyDocument {
  organization: string;
  workshop: { title: string; date: string; location: string | null };
  /** The municipality's chosen fields, by priority (1 first). */
  fields: { id: string; name: string; priority: number }[];
  /** The municipality's ideas, by votes then creation. */
  ideas: { fieldOfActionId: string; fieldName: string; title: string; description: string | null; votes: number; steps: { title: string; responsible: string | null; dueOn: string | null }[] }[];
}

/** One line of user text: no line breaks, no leading markdown syntax. */
const inline = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/^([#>*+-]|\d+\.)\s/, '\\$1 ');
/** A paragraph of user text: its lines kept, none starting a heading. */
const paragraph = (text: string) => text.trim().split(/\r?\n/).map((l) => l.replace(/^(\s*)#/, '$1\\#')).join('\n');
const german = (date: string) => date.split('-').reverse().join('.');
const votes = (n: number) => `${n} ${n === 1 ? 'Stimme' : 'Stimmen'}`;

export function renderStrategy(doc: StrategyDocument): string {
  const { workshop } = doc;
  const out: string[] = [
    `# Digitalstrategie ${inline(doc.organization)}`,
    '',
    `Erster Entwurf aus der Digital-Werkstatt „${inline(workshop.title)}“ am ${german(workshop.date)}${workshop.location ? `, Ort: ${inline(workshop.location)}` : ''}.`,
    '',
    '## Handlungsfelder nach Priorität',
    '',
  ];
  const fields = [...doc.fields].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name, 'de'));
  if (!fields.length) out.push('_Noch keine Handlungsfelder ausgewählt._', '');
  fields.forEach((f, i) => out.push(`${i + 1}. ${inline(f.name)}`));
  if (fields.length) out.push('');
  const chosen = new Set(fields.map((f) => f.id));
  fields.forEach((f, i) => {
    out.push(`## ${i + 1}. ${inline(f.name)}`, '');
    renderIdeas(out, doc.ideas.filter((idea) => idea.fieldOfActionId === f.id), false);
  });
  const others = doc.ideas.filter((idea) => !chosen.has(idea.fieldOfActionId));
  if (others.length) {
    out.push('## Weitere Ideen', '', '_Aus Handlungsfeldern, die (noch) nicht ausgewählt sind._', '');
    renderIdeas(out, others, true);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderIdeas(out: string[], ideas: StrategyDocument['ideas'], withField: boolean): void {
  if (!ideas.length) out.push('_Noch keine Ideen._', '');
  for (const idea of ideas) {
    out.push(`### ${inline(idea.title)} (${votes(idea.votes)}${withField ? `, ${inline(idea.fieldName)}` : ''})`, '');
    if (idea.description?.trim()) out.push(paragraph(idea.description), '');
    if (!idea.steps.length) {
      out.push('_Noch keine Umsetzungsschritte._', '');
      continue;
    }
    out.push('Umsetzungsschritte:', '');
    idea.steps.forEach((s, i) => {
      const details = [s.responsible ? `verantwortlich: ${inline(s.responsible)}` : null, s.dueOn ? `bis ${german(s.dueOn)}` : null].filter(Boolean).join(', ');
      out.push(`${i + 1}. ${inline(s.title)}${details ? ` (${details})` : ''}`);
    });
    out.push('');
  }
}
