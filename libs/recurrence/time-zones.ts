/**
 * IANA time-zone names. Luxon's `setZone(...).isValid` also accepts `local`, `system` and
 * `UTC+5`, which an ICS feed cannot describe (TZID=local with no VTIMEZONE), so the check is
 * against the zones the runtime lists (`Intl.supportedValuesOf('timeZone')`).
 */
const RUNTIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

/** Accepted besides the runtime's list, which leaves the UTC zone out. */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC']);

/**
 * The shape of an IANA Area/Location name with its capitals, e.g. America/Argentina/Buenos_Aires.
 * ICU lists some zones under an older name (Europe/Kiev, Asia/Calcutta); their current IANA names
 * (Europe/Kyiv, Asia/Kolkata) are accepted when the runtime resolves them to a listed zone.
 */
const IANA_NAME = /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)(\/[A-Z][A-Za-z]*(?:[_-][A-Za-z]+)*){1,2}$/;

/** True for an IANA zone name the runtime knows (Europe/Berlin, UTC, …); false for local, system, UTC+5. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  if (RUNTIME_ZONES.has(zone) || UTC_NAMES.has(zone)) return true;
  if (!IANA_NAME.test(zone)) return false;
  try {
    return RUNTIME_ZONES.has(new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}
