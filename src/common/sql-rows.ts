import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
/**
 * Set-based reads into plain objects, without TypeORM's entity hydration: a column map per table
 * (property → column), a SELECT list with a prefix per joined table, and the way back from a row
 * (or from a json_build_object of the same map) to the object the resolvers expect.
 *
 * The maps of person, organization, group and network leave out created_at/updated_at: no API
 * field shows them, and parsing two timestamps per row was a measurable share of a large
 * dashboard's CPU (issue 13). Code that needs them reads the entity through TypeORM.
 */
export type ColumnMap = Record<string, string>;

export const PERSON_COLUMNS: ColumnMap = {
  id: 'id', issuer: 'issuer', subject: 'subject', displayName: 'display_name', email: 'email', matrixUserId: 'matrix_user_id',
  calendarToken: 'calendar_token', publicProfile: 'public_profile', notifyByEmail: 'notify_by_email', hubAdmin: 'hub_admin', erasedAt: 'erased_at',
};

export const ORGANIZATION_COLUMNS: ColumnMap = {
  id: 'id', name: 'name', kind: 'kind', federalState: 'federal_state', municipalityKey: 'municipality_key', website: 'website',
};

export const GROUP_COLUMNS: ColumnMap = {
  id: 'id', networkId: 'network_id', level: 'level', name: 'name', description: 'description', parentId: 'parent_id',
  leadOrganizationId: 'lead_organization_id', matrixRoomId: 'matrix_room_id', joinPolicy: 'join_policy',
  protocolApprovalMode: 'protocol_approval_mode', objectionPeriodDays: 'objection_period_days',
};

export const NETWORK_COLUMNS: ColumnMap = {
  id: 'id', slug: 'slug', name: 'name', description: 'description', joinPolicy: 'join_policy',
  moderatorOrganizationId: 'moderator_organization_id', matrixSpaceId: 'matrix_space_id',
};

/** `alias.column AS "prefixProperty", …` (built once per map, alias and prefix: it runs on every request). */
export function selectList(alias: string, columns: ColumnMap, prefix = ''): string {
  return memo(columns, `s ${alias} ${prefix}`, () =>
    Object.entries(columns)
      .map(([property, column]) => `${alias}.${column} AS "${prefix}${property}"`)
      .join(', '),
  );
}

const SQL = new WeakMap<ColumnMap, Map<string, string>>();
function memo(columns: ColumnMap, key: string, build: () => string): string {
  let byKey = SQL.get(columns);
  if (!byKey) SQL.set(columns, (byKey = new Map()));
  let sql = byKey.get(key);
  if (sql === undefined) byKey.set(key, (sql = build()));
  return sql;
}

/** The object of one prefixed part of a row; null when its id is null (an outer join that found nothing; maps with an id). */
export function pick<T>(row: Record<string, unknown>, columns: ColumnMap, prefix = ''): T | null {
  const keys = rowKeys(columns, prefix);
  if ('id' in columns && row[keys[0][1]] == null) return null;
  const out: Record<string, unknown> = {};
  for (const [property, key] of keys) out[property] = row[key];
  return out as T;
}

/** [property, row key] per column, id first (when the map has one); built once per map and prefix (pick runs per row on hot paths). */
const KEYS = new WeakMap<ColumnMap, Map<string, [string, string][]>>();
function rowKeys(columns: ColumnMap, prefix: string): [string, string][] {
  let byPrefix = KEYS.get(columns);
  if (!byPrefix) KEYS.set(columns, (byPrefix = new Map()));
  let keys = byPrefix.get(prefix);
  if (!keys) {
    const properties = 'id' in columns ? ['id', ...Object.keys(columns).filter((p) => p !== 'id')] : Object.keys(columns);
    byPrefix.set(prefix, (keys = properties.map((p) => [p, `${prefix}${p}`] as [string, string])));
  }
  return keys;
}

/** json_build_object('property', alias.column, …): the same object nested in one column. */
export function jsonObject(alias: string, columns: ColumnMap): string {
  return memo(columns, `j ${alias}`, () =>
    `json_build_object(${Object.entries(columns)
      .map(([property, column]) => `'${property}', ${alias}.${column}`)
      .join(', ')})`,
  );
}

/** Back from jsonObject: timestamps arrive as strings and become Dates again. */
export function fromJson<T>(value: Record<string, unknown> | null, dates: string[] = ['createdAt', 'updatedAt', 'erasedAt']): T | null {
  if (!value) return null;
  const out: Record<string, unknown> = { ...value };
  for (const key of dates) if (typeof out[key] === 'string') out[key] = new Date(out[key] as string);
  return out as T;
}

export const MEETING_COLUMNS: ColumnMap = {
  id: 'id', groupId: 'group_id', seriesId: 'series_id', occurrenceDate: 'occurrence_date::text', detached: 'detached', title: 'title',
  startsAt: 'starts_at', endsAt: 'ends_at', timeZone: 'time_zone', cancelled: 'cancelled', cancelReason: 'cancel_reason', location: 'location',
  onlineUrl: 'online_url', hasRecord: 'has_record', sequence: 'sequence', createdAt: 'created_at', updatedAt: 'updated_at',
};

export const AGENDA_ITEM_COLUMNS: ColumnMap = {
  id: 'id', meetingId: 'meeting_id', position: 'position', title: 'title', description: 'description', durationMinutes: 'duration_minutes',
  presenterId: 'presenter_id', presenterOrganizationId: 'presenter_organization_id', public: 'public', status: 'status',
  proposedById: 'proposed_by_id', carriedOverFromId: 'carried_over_from_id', createdAt: 'created_at',
};

export const MEETING_CHANGE_COLUMNS: ColumnMap = {
  id: 'id', meetingId: 'meeting_id', kind: 'kind', startsAt: 'starts_at', endsAt: 'ends_at', previousStartsAt: 'previous_starts_at',
  previousEndsAt: 'previous_ends_at', reason: 'reason', changedById: 'changed_by_id', at: 'at',
};

const ENTITY_COLUMNS = new WeakMap<object, ColumnMap>();

/**
 * An entity's column map from TypeORM's metadata (property → column), for reading it as plain rows
 * without entity hydration. A `date` column is read as text ('YYYY-MM-DD'), as TypeORM hands it
 * over (node-postgres would make it a Date). Built once per entity: selectList caches by map.
 */
export function entityColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>): ColumnMap {
  const metadata = db.getMetadata(entity);
  let map = ENTITY_COLUMNS.get(metadata.target as object);
  if (!map) {
    map = Object.fromEntries(metadata.columns.map((c) => [c.propertyName, c.type === 'date' ? `${c.databaseName}::text` : c.databaseName]));
    ENTITY_COLUMNS.set(metadata.target as object, map);
  }
  return map;
}
