import type { EntityManager } from 'typeorm';

/**
 * Illustrative project profiles ("Steckbriefe") for the demo networks: made up to show the search
 * and the visibility levels, not reports of real projects (titles end in "(Demo)").
 */
export interface DemoProfile {
  title: string;
  summary: string;
  body: string;
  network: string;
  organization: string;
  createdBy: string;
  fields: string[];
  tags: string[];
  status: 'IDEA' | 'PLANNED' | 'RUNNING' | 'COMPLETED' | 'STOPPED';
  visibility: 'NETWORK' | 'HUB' | 'PUBLIC';
}

const NOTE = '_Illustratives Beispiel aus den Demodaten, kein Bericht über ein reales Projekt._';

export const DEMO_PROFILES: DemoProfile[] = [
  {
    title: 'LoRaWAN-Pegelmessung an Bächen (Demo)', network: 'readi', organization: 'Rheinstetten', createdBy: 'ben', status: 'RUNNING', visibility: 'NETWORK',
    summary: 'Funksensoren melden den Wasserstand kleiner Bäche, der Bauhof wird bei Starkregen früh gewarnt.',
    body: `${NOTE}\n\n## Ausgangslage\nBei Starkregen liefen Bäche über, bevor jemand vor Ort war.\n\n## Vorgehen\nEigene LoRaWAN-Gateways, Ultraschallsensoren, Schwellwerte mit Alarm per App.\n\n## Was wir gelernt haben\nDie Montage an Brücken braucht die Zustimmung der Unteren Wasserbehörde.`,
    fields: ['digitale-infrastruktur'], tags: ['LoRaWAN', 'Sensorik', 'Hochwasser'],
  },
  {
    title: 'Online-Terminbuchung im Bürgerbüro (Demo)', network: 'readi', organization: 'Ettlingen', createdBy: 'alice', status: 'COMPLETED', visibility: 'PUBLIC',
    summary: 'Termine für Ausweis und Meldewesen online buchen: kürzere Wartezeiten, planbare Schichten.',
    body: `${NOTE}\n\n## Vorgehen\nTerminsoftware aus dem Rahmenvertrag, Anbindung an die Website, Erinnerung per E-Mail.\n\n## Was schiefging\nAnfangs wurden Termine doppelt gebucht; ein Abgleich mit der Fachsoftware half.`,
    fields: ['kommunale-verwaltung'], tags: ['Bürgerbüro', 'Onlinezugang'],
  },
  {
    title: 'Digitale Bürgerbeteiligung zur Ortskernentwicklung (Demo)', network: 'readi', organization: 'Bühl', createdBy: 'alice', status: 'RUNNING', visibility: 'HUB',
    summary: 'Eine Beteiligungsplattform sammelt Ideen zur Innenstadt; Ergebnisse fließen in den Gemeinderat.',
    body: `${NOTE}\n\n## Vorgehen\nOnline-Karte mit Kommentaren, ergänzend zwei Präsenzabende.\n\n## Lessons learned\nOhne Rückmeldung an die Beteiligten sinkt die Beteiligung schnell.`,
    fields: ['dorf-und-stadtentwicklung'], tags: ['Bürgerbeteiligung', 'Innenstadt'],
  },
  {
    title: 'Videokonferenzsystem für den Gemeinderat (Demo)', network: 'ikone', organization: 'Trier', createdBy: 'ida', status: 'COMPLETED', visibility: 'NETWORK',
    summary: 'Hybride Sitzungen mit einem selbst betriebenen Videokonferenzsystem, datenschutzkonform.',
    body: `${NOTE}\n\n## Vorgehen\nJitsi Meet auf eigenen Servern, Raumtechnik im Ratssaal, Schulung der Ratsmitglieder.`,
    fields: ['kommunale-verwaltung'], tags: ['Videokonferenz', 'Gremien'],
  },
  {
    title: 'Digitale Gästekarte (Demo)', network: 'ikone', organization: 'Landau in der Pfalz', createdBy: 'ida', status: 'PLANNED', visibility: 'PUBLIC',
    summary: 'Eine Gästekarte im Smartphone statt auf Papier: Rabatte, Nahverkehr und Veranstaltungen.',
    body: `${NOTE}\n\n## Plan\nGemeinsame Ausschreibung mit Nachbarkommunen, Start zur Sommersaison.`,
    fields: ['tourismus'], tags: ['Tourismus', 'App'],
  },
];

/** Inserts the demo profiles that are not there yet (found by title). */
export async function seedDemoProfiles(
  tx: EntityManager,
  ids: { organizations: Map<string, string>; networks: Map<string, string>; people: Map<string, string> },
): Promise<number> {
  for (const p of DEMO_PROFILES) {
    const [found] = await tx.query('SELECT id FROM project_profile WHERE title = $1 LIMIT 1', [p.title]);
    if (found) continue;
    const [row] = await tx.query<{ id: string }[]>(
      `INSERT INTO project_profile (title, summary, body, tags, status, links, network_id, visibility, created_by_id)
       VALUES ($1, $2, $3, $4, $5, '{}', $6, $7, $8) RETURNING id`,
      [p.title, p.summary, p.body, p.tags, p.status, ids.networks.get(p.network)!, p.visibility, ids.people.get(p.createdBy)!],
    );
    await tx.query('INSERT INTO project_profile_organization (profile_id, organization_id, position) VALUES ($1, $2, 0)', [row.id, ids.organizations.get(p.organization)!]);
    await tx.query('INSERT INTO project_profile_field (profile_id, field_of_action_id) SELECT $1, id FROM field_of_action WHERE key = ANY($2)', [row.id, p.fields]);
  }
  return DEMO_PROFILES.length;
}
