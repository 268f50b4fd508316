import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from '../../people/person.entity.js';
import { ProtocolEntity } from './protocol.entity.js';

/**
 * A Berichtigung of a published protocol: an addendum, never an edit. Rows are only ever added;
 * `hash` chains each to the one before (corrections/correction-chain.ts has the canonical form).
 */
@Entity('protocol_correction')
@Unique('uq_protocol_correction_sequence', ['protocolId', 'sequence'])
export class ProtocolCorrectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') protocolId: string;
  @ManyToOne(() => ProtocolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'protocol_id', foreignKeyConstraintName: 'fk_protocol_correction_protocol' })
  protocol?: ProtocolEntity;
  @Column('int') sequence: number;
  @Column('text') text: string;
  @Column('uuid') authorId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_protocol_correction_author' })
  author?: PersonEntity;
  /** Set from the injected Clock (milliseconds), so the hashed ISO text and the stored time agree. */
  @Column('timestamptz') at: Date;
  @Column('char', { length: 64 }) previousHash: string;
  @Column('char', { length: 64 }) hash: string;
}
