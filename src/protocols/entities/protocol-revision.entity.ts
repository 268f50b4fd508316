import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from '../../people/person.entity.js';
import { ProtocolEntity } from './protocol.entity.js';

/** One row per protocol version: who changed what, when. */
@Entity('protocol_revision')
@Unique('uq_protocol_revision_version', ['protocolId', 'version'])
export class ProtocolRevisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') protocolId: string;
  @ManyToOne(() => ProtocolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'protocol_id', foreignKeyConstraintName: 'fk_protocol_revision_protocol' })
  protocol?: ProtocolEntity;
  @Column('int') version: number;
  @Column('uuid') authorId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_protocol_revision_author' })
  author?: PersonEntity;
  @Column('text') summary: string;
  /** What changed, for example the previous and new notes of an entry. */
  @Column('jsonb') details: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
