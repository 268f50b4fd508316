/**
 * The hub's rate limits (issue 19): what each one counts, by which key, and how much it allows.
 * Vocabulary and parsing only (pure, tested beside); `src/rate-limits/` enforces them.
 */
export type RateLimitName = 'client' | 'person' | 'sign-in' | 'search' | 'export' | 'feed' | 'oparl';

export interface RateLimit {
  /** Requests (or events) allowed per window. */
  readonly max: number;
  readonly windowMs: number;
}

export type RateLimits = Readonly<Record<RateLimitName, RateLimit>> | null;

const MINUTE = 60_000;

/**
 * The defaults, chosen for networks of municipalities: a whole city administration (or a state's
 * network) may reach the hub through one proxy address, so per-address limits are wide and the
 * narrow ones count per person.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitName, RateLimit>> = {
  /** Every request to the API paths (/graphql, /auth, /privacy, /calendar, /oparl, /api), per client address. */
  client: { max: 6000, windowMs: MINUTE },
  /** GraphQL requests of one signed-in person (10 a second on average). */
  person: { max: 600, windowMs: MINUTE },
  /** Access tokens not seen before, per client address (each costs a signature check), and development sign-ins. */
  'sign-in': { max: 120, windowMs: MINUTE },
  /** Full-text searches, per person (without sign-in: per client address). */
  search: { max: 60, windowMs: MINUTE },
  /** GDPR exports, per person. */
  export: { max: 10, windowMs: 60 * MINUTE },
  /** Calendar feed downloads, per feed URL (calendar programs poll every few minutes). */
  feed: { max: 30, windowMs: MINUTE },
  /** OParl requests, per client address (a crawler walks a network page by page). */
  oparl: { max: 600, windowMs: MINUTE },
};

const UNITS: Record<string, number> = { s: 1000, m: MINUTE, h: 60 * MINUTE };

/**
 * RATE_LIMITS: unset = the defaults; `off` = none; otherwise comma-separated changes to the
 * defaults: `name=max/window` (window `30s`, `1m`, `10m`, `1h`) and `scale=N` (every max × N, for
 * test set-ups whose traffic all comes from one address). Problems are added to `problems`.
 */
export function parseRateLimits(value: string | undefined, problems: string[]): RateLimits {
  const text = value?.trim();
  if (!text) return DEFAULT_RATE_LIMITS;
  if (text === 'off') return null;
  const limits: Record<RateLimitName, RateLimit> = { ...DEFAULT_RATE_LIMITS };
  let scale = 1;
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [name, setting = ''] = entry.split('=').map((p) => p.trim());
    if (name === 'scale') {
      scale = Number(setting);
      if (!Number.isInteger(scale) || scale < 1) problems.push(`RATE_LIMITS: scale must be a whole number ≥ 1, got "${setting}"`);
      continue;
    }
    if (!(name in DEFAULT_RATE_LIMITS)) {
      problems.push(`RATE_LIMITS: unknown limit "${name}" (known: ${Object.keys(DEFAULT_RATE_LIMITS).join(', ')}, scale)`);
      continue;
    }
    const m = /^(\d{1,9})\/(\d{1,6})([smh])$/.exec(setting);
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
      problems.push(`RATE_LIMITS: "${entry}" must read ${name}=<max>/<window>, e.g. ${name}=60/1m (window in s, m or h)`);
      continue;
    }
    limits[name as RateLimitName] = { max: Number(m[1]), windowMs: Number(m[2]) * UNITS[m[3]] };
  }
  if (scale === 1) return limits;
  return Object.fromEntries(Object.entries(limits).map(([k, l]) => [k, { ...l, max: l.max * scale }])) as Record<RateLimitName, RateLimit>;
}

/**
 * TRUST_PROXY: which proxies' `X-Forwarded-For` names the client (Fastify's `trustProxy`).
 * Unset or `false`: none (the connection's address is the client); `true`: any; a number: that
 * many hops; otherwise a comma-separated list of addresses or CIDR ranges.
 */
export function parseTrustProxy(value: string | undefined, problems: string[]): boolean | number | string[] {
  const text = value?.trim();
  if (!text || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(e));
  if (bad.length || !entries.length) problems.push(`TRUST_PROXY must be false, true, a hop count or addresses/CIDR ranges, got "${text}"`);
  return entries;
}
