// Data the size of a Land (issue 24): a deterministic generator of Baden-Württemberg-sized data.
// scale 1 ≈ 2,000 organizations, 10,000 people, 150 networks (the state-wide `bw` with 200 cities,
// ~1,000 people and 250 groups), 3,000 groups, 50,000 meetings a year with agendas, attendance and
// ~24,000 protocols; scale 0.1 is ten times the demo. The structure is planned in memory with a
// seeded PRNG (land/structure.ts) and written in bulk; what the meetings hold is derived in SQL from
// hashes of the rows' keys (land/content.ts). The same scale gives the same rows, ids included;
// dates are relative to today in Berlin. Run on an empty, migrated database.
import type { DataSource, EntityManager } from 'typeorm';
import { todayInBerlin } from '../../src/common/scalars.js';
import { demoFixtures } from './demo-fixtures.js';
import { prepareContent, writeAgendas, writeProtocols } from './land/content.js';
import { writeAnswers, writeJoinRequests, writePolls, writeProfiles } from './land/extras.js';
import { writeMeetings } from './land/meetings.js';
import { planLand, VIEWER } from './land/structure.js';
import { writeStructure } from './land/write-structure.js';
import type { PageFixtures } from './pages.js';

export { VIEWER as LAND_VIEWER } from './land/structure.js';

/** The tables the generator fills, for the counts it reports. */
export const LAND_TABLES = [
  'organization', 'person', 'network', 'network_membership', 'network_role', 'work_group', 'group_member', 'meeting_series', 'meeting',
  'meeting_change', 'agenda_item', 'attendance', 'protocol', 'protocol_entry', 'decision', 'protocol_revision', 'action_item',
  'project_profile', 'project_profile_field', 'project_profile_organization', 'join_request', 'date_poll', 'date_poll_option',
  'date_poll_vote', 'rsvp_answer',
] as const;

export interface LandOptions {
  /** Hears each phase's name and seconds (where seeding spends its time). */
  step?: (name: string, seconds: number) => void;
  /**
   * Keep the foreign-key checks on the meetings' content (the test does). Otherwise, as a superuser,
   * the content's ~900,000 rows at full size skip them (session_replication_role = replica): the
   * checks take more than half of the time, and the rows are derived from rows just written.
   */
  checkConstraints?: boolean;
}

/** Seeds the Land at `scale` (1 = full size) and returns the pages' objects for its viewer in `bw`. */
export async function seedLand(db: DataSource, scale: number, options: LandOptions = {}): Promise<PageFixtures> {
  if (!(scale > 0)) throw new Error(`land scale must be a positive number, not ${scale}`);
  const step = options.step ?? (() => {});
  let last = performance.now();
  const done = (name: string) => {
    const now = performance.now();
    step(name, (now - last) / 1000);
    last = now;
  };
  const today = todayInBerlin();
  const land = planLand(scale);
  const networkIds = land.networks.map((n) => n.id);
  done('plan');
  // JIT compiles the generator's statements for longer than they run (their row estimates are far off).
  const noJit = (tx: EntityManager) => tx.query('SET LOCAL jit = off');
  await db.transaction(async (tx) => {
    await noJit(tx);
    await writeStructure(tx, land);
    done('structure');
    await writeMeetings(tx, land, scale, today);
    done('meetings');
  });
  await db.transaction(async (tx) => {
    await noJit(tx);
    const [{ superuser }] = await tx.query<{ superuser: boolean }[]>('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
    if (superuser && !options.checkConstraints) await tx.query('SET LOCAL session_replication_role = replica');
    await prepareContent(tx, networkIds, today);
    await writeAgendas(tx);
    done('agendas and attendance');
    await writeProtocols(tx);
    done('protocols');
  });
  await db.transaction(async (tx) => {
    await noJit(tx);
    await writeProfiles(tx, land, scale);
    await writeJoinRequests(tx, land, scale);
    await writePolls(tx, land, scale, today);
    await writeAnswers(tx, land, scale, today);
  });
  done('profiles, polls, answers');
  const fixtures = await demoFixtures(db, VIEWER, 'bw');
  done('fixtures');
  return fixtures;
}

/** Rows per table of the generator's tables. */
export async function landCounts(db: DataSource): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>[]>(`SELECT ${LAND_TABLES.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`).join(', ')}`);
  return row;
}
