import type { DataSource } from 'typeorm';
import { entityColumns, selectList } from '../common/sql-rows.js';
import { DecisionEntity } from './entities/decision.entity.js';
import { ProtocolEntryEntity } from './entities/protocol-entry.entity.js';
import { ProtocolRevisionEntity } from './entities/protocol-revision.entity.js';
import { ProtocolEntity } from './entities/protocol.entity.js';

/**
 * The protocols module's reads for the meeting page (issue 24): plain rows in the entities' shape,
 * without TypeORM's entity hydration, which cost the meeting detail with its protocol more CPU than
 * the statements themselves. Column lists come from the entities' metadata.
 */

/** The protocols of the meetings `meetingIds` (at most one each). */
export function protocolsOfMeetings(db: DataSource, meetingIds: readonly string[]): Promise<ProtocolEntity[]> {
  return db.query(`SELECT ${selectList('p', entityColumns(db, ProtocolEntity))} FROM protocol p WHERE p.meeting_id = ANY($1)`, [meetingIds]);
}

/** The entries (notes per agenda item) of the protocols `protocolIds`. */
export function entriesOf(db: DataSource, protocolIds: readonly string[]): Promise<ProtocolEntryEntity[]> {
  return db.query(`SELECT ${selectList('e', entityColumns(db, ProtocolEntryEntity))} FROM protocol_entry e WHERE e.protocol_id = ANY($1)`, [protocolIds]);
}

/** The decisions of the protocols `protocolIds`, oldest first. */
export function decisionsOf(db: DataSource, protocolIds: readonly string[]): Promise<DecisionEntity[]> {
  return db.query(`SELECT ${selectList('d', entityColumns(db, DecisionEntity))} FROM decision d WHERE d.protocol_id = ANY($1) ORDER BY d.created_at`, [protocolIds]);
}

/** The revisions of the protocols `protocolIds`, by version. */
export function revisionsOf(db: DataSource, protocolIds: readonly string[]): Promise<ProtocolRevisionEntity[]> {
  return db.query(`SELECT ${selectList('r', entityColumns(db, ProtocolRevisionEntity))} FROM protocol_revision r WHERE r.protocol_id = ANY($1) ORDER BY r.version`, [protocolIds]);
}
