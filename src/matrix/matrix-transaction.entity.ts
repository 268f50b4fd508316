import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Application-service transactions already handled: Synapse re-sends until it gets 200. */
@Entity('matrix_transaction')
export class MatrixTransactionEntity {
  @PrimaryColumn('text') txnId: string;
  @CreateDateColumn({ type: 'timestamptz' }) receivedAt: Date;
}
