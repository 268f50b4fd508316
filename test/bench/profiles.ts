// Generated project profiles for `npm run bench`: German vocabulary with compounds, so that the
// search cases (a compound part, two words, a filter, a common word) hit realistic shares.
import type { DataSource } from 'typeorm';

const WORDS = [
  'Stadt', 'Gemeinde', 'Verwaltung', 'Rathaus', 'Bürgerbeteiligung', 'Digitalisierung', 'Plattform', 'Sensor', 'Glasfaser', 'Schule',
  'Jugendzentrum', 'Tourismus', 'Gästekarte', 'Wirtschaftsförderung', 'Ehrenamt', 'Verein', 'Nachbarschaftshilfe', 'Mobilität', 'Carsharing',
  'Parkraum', 'Straßenbeleuchtung', 'Abfallwirtschaft', 'Feuerwehr', 'Bauhof', 'Friedhofsverwaltung', 'Bibliothek', 'Museum', 'Senioren',
  'Pflegestützpunkt', 'Telemedizin', 'Haushalt', 'E-Rechnung', 'Onlinezugang', 'Formular', 'Terminbuchung', 'Bürgerbüro', 'Mängelmelder',
  'Ratsinformationssystem', 'Sitzung', 'Gemeinderat', 'Open Data', 'Geodaten', 'Klimaschutz', 'Energie', 'Photovoltaik', 'Wärmeplanung',
  'Breitband', 'WLAN', 'LoRaWAN', 'Pegelmessung', 'Hochwasser', 'Schulträger', 'Kita', 'Anmeldung', 'Fachkräfte', 'Innenstadt', 'Leerstand',
];
/** Compounds with "konferenz", in about 1 % of the profiles. */
const RARE = ['Videokonferenzsystem', 'Telefonkonferenz', 'Konferenzraum'];
/** Everyday words that make up most of a text. */
const FILLER = (
  'und die der das mit für von im am zum zur auf aus bei nach über unter wir sie es ein eine einen dem den des nicht auch noch schon ' +
  'Projekt Umsetzung Beispiel Jahr Team Erfahrung Ziel Ergebnis Aufwand Kosten Zeit Partner Idee Lösung Problem Anfang Ende Woche Monat ' +
  'gut schnell einfach wichtig neu gemeinsam regelmäßig zunächst später danach außerdem allerdings deshalb trotzdem besonders ' +
  'haben hatten wurde wurden konnte konnten sollte gibt geht läuft zeigt hilft braucht fehlt startet entwickelt geplant umgesetzt ' +
  'Menschen Leute Kollegen Leitung Amt Abteilung Fachbereich Rückmeldung Schulung Test Pilot Start Betrieb Wartung Vertrag Anbieter'
).split(' ');
const STATUSES = ['IDEA', 'PLANNED', 'RUNNING', 'COMPLETED', 'STOPPED'];

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Inserts `count` profiles (visibility HUB, one or two organizations and fields each); returns the time taken. */
export async function seedProfiles(db: DataSource, count: number): Promise<number> {
  const started = performance.now();
  const random = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  // About one word in twelve is a domain word; one profile in a hundred mentions a "konferenz" compound.
  const text = (n: number, rare: boolean) => {
    const words = Array.from({ length: n }, () => (random() < 0.08 ? pick(WORDS) : pick(FILLER)));
    if (rare) words[Math.floor(random() * n)] = pick(RARE);
    return words.join(' ');
  };
  const [creator] = await db.query<{ id: string }[]>('SELECT id FROM person ORDER BY created_at LIMIT 1');
  const orgs = (await db.query<{ id: string }[]>('SELECT id FROM organization')).map((o) => o.id);
  const fields = (await db.query<{ id: string }[]>('SELECT id FROM field_of_action')).map((f) => f.id);
  for (let done = 0; done < count; done += 250) {
    const batch = Math.min(250, count - done);
    const params: unknown[] = [];
    const rows: string[] = [];
    for (let i = 0; i < batch; i++) {
      const rare = random() < 0.01;
      params.push(text(5, false), text(25, false), text(300, rare), pick(STATUSES));
      const b = params.length;
      rows.push(`($${b - 3}, $${b - 2}, $${b - 1}, '{}', $${b}::project_status, '{}', 'HUB', '${creator.id}')`);
    }
    const inserted = await db.query<{ id: string }[]>(
      `INSERT INTO project_profile (title, summary, body, tags, status, links, visibility, created_by_id) VALUES ${rows.join(', ')} RETURNING id`,
      params,
    );
    const links = inserted.flatMap((p) => [...new Set([pick(orgs), pick(orgs)])].map((o, position) => [p.id, o, position]));
    await db.query(
      `INSERT INTO project_profile_organization (profile_id, organization_id, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[])`,
      [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
    );
    const pf = inserted.flatMap((p) => [...new Set([pick(fields), pick(fields)])].map((f) => [p.id, f]));
    await db.query(`INSERT INTO project_profile_field (profile_id, field_of_action_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [pf.map((l) => l[0]), pf.map((l) => l[1])]);
  }
  // As autovacuum would after a bulk load: flushes the GIN pending list and updates the statistics.
  for (const table of ['project_profile', 'project_profile_organization', 'project_profile_field', 'search_lexeme', 'organization']) await db.query(`VACUUM ANALYZE ${table}`);
  return performance.now() - started;
}

export const SEARCH_QUERIES: Record<string, string> = {
  'search: compound': '{ searchProjectProfiles(query: "konferenz") { total hits { rank snippet profile { id title } } } }',
  'search: 2 words': '{ searchProjectProfiles(query: "digitale Bürgerbeteiligung") { total hits { rank snippet profile { id title } } } }',
  'search: common': '{ searchProjectProfiles(query: "Stadt") { total hits { rank snippet profile { id title } } } }',
  'search: filters': '{ searchProjectProfiles(fieldOfActionKeys: ["tourismus"], federalState: "DE-BW", status: RUNNING) { total hits { profile { id title organizations { name } } } } }',
};
