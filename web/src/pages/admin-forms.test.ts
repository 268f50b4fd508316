import { describe, expect, it } from 'vitest';
import { slugFor } from './create-network';
import { possibleParents } from './network/create-group';
import { parseSpeakers } from './webinars/schedule-webinar';

describe('slugFor', () => {
  it('folds umlauts and ß, and joins words with hyphens', () => {
    expect(slugFor('Interkommunales Netzwerk Digitale Stadt')).toBe('interkommunales-netzwerk-digitale-stadt');
    expect(slugFor('Digitalregion Süd-Baden & Straßburg')).toBe('digitalregion-sued-baden-strassburg');
    expect(slugFor('re@di')).toBe('re-di');
  });
  it("stays within the API's 50 characters without a trailing hyphen", () => {
    const slug = slugFor('Interkommunale Zusammenarbeit der Städte und Gemeinden im Landkreis Karlsruhe');
    expect(slug.length).toBeLessThanOrEqual(50);
    expect(slug).toMatch(/^[a-z0-9-]{2,50}$/);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('possibleParents', () => {
  const groups = [
    { id: 'p', level: 'PLENUM' as const },
    { id: 'f', level: 'EXPERT_GROUP' as const },
    { id: 'g', level: 'PROJECT_GROUP' as const },
  ];
  it('offers only higher levels', () => {
    expect(possibleParents(groups, 'PROJECT_GROUP').map((g) => g.id)).toEqual(['p', 'f']);
    expect(possibleParents(groups, 'EXPERT_GROUP').map((g) => g.id)).toEqual(['p']);
    expect(possibleParents(groups, 'PLENUM')).toEqual([]);
  });
});

describe('parseSpeakers', () => {
  it('reads "Name, Rolle" per line and skips empty lines', () => {
    expect(parseSpeakers('Anna Schmidt, Digitallotsin, Stadt Bretten\n\n  Ben  \n')).toEqual([
      { name: 'Anna Schmidt', role: 'Digitallotsin, Stadt Bretten' },
      { name: 'Ben', role: null },
    ]);
    expect(parseSpeakers('')).toEqual([]);
  });
});
