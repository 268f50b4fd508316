import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The public OParl view as last observed: one row per object ever served, keyed by its path under
 * /oparl/v1/. `modified` is when its public form last changed (or it stopped being public:
 * `deleted`, and `data` is emptied), so harvesters that poll with modified_since miss nothing,
 * deletions included. Kept up to date by OparlSyncService, the only writer.
 */
@Entity('oparl_object')
@Index('ix_oparl_object_list', ['networkId', 'kind', 'path'])
export class OparlObjectEntity {
  @PrimaryColumn('text') path: string;
  /** OParl type name: System, Body, Organization, Person, Membership, Meeting, AgendaItem, File. */
  @Column('text') kind: string;
  /** null for the System, which belongs to no network. */
  @Column('uuid', { nullable: true }) networkId: string | null;
  /** For meetings: the groups (Organizations) they belong to, for Organization.meeting. */
  @Column('uuid', { array: true, default: () => "'{}'" }) groupIds: string[];
  /** The object as served; null once deleted. */
  @Column('jsonb', { nullable: true }) data: Record<string, unknown> | null;
  /** For files: the exact bytes served (the protocol's public rendering, as of this row's `modified`); null otherwise. */
  @Column('text', { nullable: true }) content: string | null;
  /** SHA-256 of the served JSON: the ETag, and how a change is noticed. */
  @Column('text') hash: string;
  @Column('timestamptz') created: Date;
  @Column('timestamptz') modified: Date;
  @Column('boolean', { default: false }) deleted: boolean;
}
