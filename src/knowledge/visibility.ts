import type { Viewer } from '../auth/viewer.js';
import type { PersonEntity } from '../people/person.entity.js';
import type { PersonModel } from '../people/person.model.js';
import { Visibility } from './knowledge.enums.js';

/** Anything with a Visibility: profiles, event series (and through them webinars). */
export interface Visible {
  visibility: Visibility;
  networkId: string | null;
  createdById: string;
}

/**
 * PUBLIC: everyone, also without sign-in; HUB: every signed-in person; NETWORK: role holders of
 * its network. Hub admins and the creator always see it.
 */
export async function mayView(viewer: Viewer | undefined, item: Visible): Promise<boolean> {
  if (item.visibility === Visibility.PUBLIC) return true;
  if (!viewer) return false;
  if (item.visibility === Visibility.HUB || viewer.hubAdmin || item.createdById === viewer.personId) return true;
  return !!item.networkId && !!(await viewer.networkRole(item.networkId));
}

/**
 * The same rule as SQL for set-based lists and counts (so a count never includes what the caller
 * may not see). Appends its parameters to `params`; `alias` is the table alias with the columns
 * visibility, network_id and created_by_id.
 */
export async function visibleSql(viewer: Viewer | undefined, alias: string, params: unknown[]): Promise<string> {
  if (!viewer) return `${alias}.visibility = 'PUBLIC'`;
  if (viewer.hubAdmin) return 'TRUE';
  params.push(await viewer.networkIds(), viewer.personId);
  const nets = `$${params.length - 1}::uuid[]`;
  const me = `$${params.length}::uuid`;
  return `(${alias}.visibility IN ('PUBLIC', 'HUB') OR ${alias}.network_id = ANY(${nets}) OR ${alias}.created_by_id = ${me})`;
}

/** Stands in for a person who did not consent to be named in public (see `personForViewer`). */
export const UNNAMED_PERSON_ID = '00000000-0000-0000-0000-000000000000';
/** What is shown instead of the name of a person who did not consent to be named in public. */
export const UNNAMED = 'Nicht öffentlich genannt';

/**
 * A person as shown to this viewer. Signed-in callers see people as everywhere else in the hub;
 * without sign-in a person is named only with `publicProfile` (and never with e-mail or Matrix
 * ID); otherwise `required` gives a neutral stand-in, else null.
 */
export function personForViewer(viewer: Viewer | undefined, person: PersonEntity | null, required: true): PersonModel;
export function personForViewer(viewer: Viewer | undefined, person: PersonEntity | null, required?: false): PersonModel | null;
export function personForViewer(viewer: Viewer | undefined, person: PersonEntity | null, required = false): PersonModel | null {
  if (person && viewer) return person;
  if (person?.publicProfile) return { id: person.id, displayName: person.displayName, email: null, matrixUserId: null, publicProfile: true, notifyByEmail: false };
  if (!required) return null;
  return { id: UNNAMED_PERSON_ID, displayName: UNNAMED, email: null, matrixUserId: null, publicProfile: false, notifyByEmail: false };
}

/**
 * The organizations a person acts for: those of their network roles and of their active group
 * memberships (as `Person.organizations`).
 */
export async function actingFor(db: { query: <T>(sql: string, params: unknown[]) => Promise<T> }, personId: string): Promise<Set<string>> {
  const rows = await db.query<{ organization_id: string }[]>(
    `SELECT organization_id FROM network_role WHERE person_id = $1 AND organization_id IS NOT NULL
     UNION SELECT organization_id FROM group_member WHERE person_id = $1 AND organization_id IS NOT NULL
       AND (until IS NULL OR until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`,
    [personId],
  );
  return new Set(rows.map((r) => r.organization_id));
}
