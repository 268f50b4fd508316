import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The change marker of the public OParl view: every statement that writes a table the view is
 * rendered from adds a row (statement-level triggers, see the migration OparlChangeMarker), in the
 * writer's own transaction. The sync renders only while rows are there, and deletes exactly the
 * rows it saw in the transaction that updates the ledger; a change committed meanwhile stays and
 * causes the next render. So an unchanged hub is never rendered again.
 */
@Entity('oparl_change')
export class OparlChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}
