// A year of meetings for every group (nine months back, three ahead, relative to today in Berlin):
// planned with the PRNG (dates on working days, a few groups on a fortnightly series), written in bulk.
import type { EntityManager } from 'typeorm';
import { addDays, localToInstant } from '../../../libs/recurrence/index.js';
import { insertRows } from './bulk.js';
import { Random, scaled, uuidOf } from './random.js';
import type { Group, Land } from './structure.js';

const ZONE = 'Europe/Berlin';
const FIRST = -273;
const LAST = 91;
const PER_YEAR = { PLENUM: [3, 5], EXPERT_GROUP: [8, 12], PROJECT_GROUP: [14, 22] } as const;
const MINUTES = { PLENUM: 180, EXPERT_GROUP: 120, PROJECT_GROUP: 90 } as const;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

interface Series { id: string; group: Group; title: string; weekday: number; hour: number; first: string; last: string }
type MeetingRow = [id: string, groupId: string, seriesId: string | null, title: string, startsAt: Date, endsAt: Date, location: string | null, onlineUrl: string | null, cancelled: boolean, cancelReason: string | null, occurrence: string | null, hasRecord: boolean];

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const instants = new Map<string, Date>();
/** A Berlin wall-clock hour on a date as an instant (memoized: 50,000 meetings share a few thousand). */
const instant = (date: string, hour: number) => {
  const key = `${date}T${hour}`;
  if (!instants.has(key)) instants.set(key, localToInstant(date, `${String(hour).padStart(2, '0')}:00`, ZONE));
  return instants.get(key)!;
};

/** Plans and writes the meetings and the few series; returns how many meetings. */
export async function writeMeetings(tx: EntityManager, land: Land, scale: number, today: string): Promise<number> {
  const rng = new Random(2024);
  const projectGroups = land.groups.filter((g) => g.level === 'PROJECT_GROUP');
  const seriesGroups = new Set(rng.sample(projectGroups, scaled(30, scale, 1)).map((g) => g.id));
  const rows: MeetingRow[] = [];
  const series: Series[] = [];
  for (const [gi, group] of land.groups.entries()) {
    const hour = rng.pick([9, 10, 14, 16]);
    const minutes = MINUTES[group.level];
    const place = placeOf(land, group);
    const online = rng.chance(0.4) ? `https://meet.land.bench.example/${group.id.slice(0, 8)}` : null;
    const add = (k: number, date: string, title: string, seriesId: string | null, cancelled: boolean) => {
      const startsAt = instant(date, hour);
      rows.push([uuidOf(`land:meeting:${gi}:${k}`), group.id, seriesId, title, startsAt, new Date(startsAt.getTime() + minutes * 60_000), place, online,
        cancelled, cancelled ? 'Terminkonflikt mehrerer Mitglieder; ein neuer Termin folgt.' : null, seriesId ? date : null, date < today && !cancelled]);
      // A held meeting has its attendance recorded (content.ts): the hub shows it as HELD.
    };
    if (seriesGroups.has(group.id)) {
      // Every other week on a Tuesday to Thursday: the series' own rule, so that the occurrences match it.
      let first = addDays(today, FIRST + rng.int(0, 13));
      while (![2, 3, 4].includes(weekday(first))) first = addDays(first, 1);
      const s: Series = { id: uuidOf(`land:series:${gi}`), group, title: `Jour fixe ${group.name}`, weekday: weekday(first), hour, first, last: first };
      for (let k = 0, date = first; date <= addDays(today, LAST); k++, date = addDays(date, 14)) {
        add(k, date, s.title, s.id, false);
        s.last = date;
      }
      series.push(s);
      continue;
    }
    const [min, max] = PER_YEAR[group.level];
    const count = rng.int(min, max);
    for (let k = 0; k < count; k++) {
      let date = addDays(today, FIRST + Math.floor(((k + rng.next() * 0.8) * (LAST - FIRST)) / count));
      if (weekday(date) === 6) date = addDays(date, -1);
      if (weekday(date) === 0) date = addDays(date, 1);
      const title = group.level === 'PLENUM' ? `${k + 1}. Sitzung des Plenums` : group.level === 'EXPERT_GROUP' ? `${group.name}: ${k + 1}. Sitzung` : `${group.name}: Arbeitstreffen ${k + 1}`;
      add(k, date, title, null, rng.chance(0.02));
    }
  }
  for (const s of series) {
    await tx.query(
      `INSERT INTO meeting_series (id, group_id, title, rrule, time_zone, start_time, duration_minutes, holiday_policy, holiday_regions, starts_on, anchor_on, generate_from, until, materialized_until, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'IGNORE', '{}', $8, $8, $8, $9, $9, $10)`,
      [s.id, s.group.id, s.title, `FREQ=WEEKLY;INTERVAL=2;BYDAY=${WEEKDAYS[s.weekday]}`, ZONE, `${String(s.hour).padStart(2, '0')}:00`, MINUTES.PROJECT_GROUP, s.first, s.last,
        land.people[s.group.members[0].person].id],
    );
  }
  await insertRows(tx, 'meeting', [['id', 'uuid'], ['group_id', 'uuid'], ['series_id', 'uuid'], ['title', 'text'], ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'],
    ['location', 'text'], ['online_url', 'text'], ['cancelled', 'boolean'], ['cancel_reason', 'text'], ['occurrence_date', 'date'], ['has_record', 'boolean'], ['time_zone', 'text']],
    rows.map((r) => [...r, ZONE]));
  return rows.length;
}

/** Where a group meets: its lead's town hall, or that of its first member's administration. */
function placeOf(land: Land, group: Group): string | null {
  const org = land.orgs[group.lead ?? land.people[group.members[0]?.person ?? 0].org];
  if (org.town) return `Rathaus ${org.town}, Sitzungssaal`;
  return org.kind === 'DISTRICT' ? `${org.name}, Landratsamt` : `${org.name}, Besprechungsraum`;
}
