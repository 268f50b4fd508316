import Holidays from 'date-holidays';

/** German federal states as ISO 3166-2 codes, the regions whose public holidays we know. */
export const HOLIDAY_REGIONS = [
  'DE-BW', 'DE-BY', 'DE-BE', 'DE-BB', 'DE-HB', 'DE-HH', 'DE-HE', 'DE-MV',
  'DE-NI', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH',
] as const;

const byRegionYear = new Map<string, Map<string, string>>();

/** Public holidays (gesetzliche Feiertage) of a state in a year: date → German name. */
function holidays(region: string, year: number): Map<string, string> {
  const key = `${region}:${year}`;
  let map = byRegionYear.get(key);
  if (!map) {
    const [country, state] = region.split('-');
    const hd = new Holidays(country, state, { types: ['public'], languages: ['de'] });
    map = new Map((hd.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]));
    byRegionYear.set(key, map);
  }
  return map;
}

export function isHolidayRegion(region: string): boolean {
  return (HOLIDAY_REGIONS as readonly string[]).includes(region);
}

/** The name of the public holiday on `date` in any of the regions, or null. */
export function holidayName(date: string, regions: string[]): string | null {
  const year = Number(date.slice(0, 4));
  for (const region of regions) {
    const name = holidays(region, year).get(date);
    if (name) return name;
  }
  return null;
}

/** The public holidays from `from` to `to` (inclusive, YYYY-MM-DD) in any of the regions, by date, each with the regions it holds in. */
export function holidaysBetween(from: string, to: string, regions: string[]): { date: string; name: string; regions: string[] }[] {
  const byDate = new Map<string, { date: string; name: string; regions: string[] }>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const region of regions) {
      for (const [date, name] of holidays(region, year)) {
        if (date < from || date > to) continue;
        const entry = byDate.get(date) ?? { date, name, regions: [] };
        entry.regions.push(region);
        byDate.set(date, entry);
      }
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
