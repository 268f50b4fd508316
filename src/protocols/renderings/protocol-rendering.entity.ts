import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { PdfMeta, PdfTemplate } from '../../pdf/pdf-inputs.js';
import { ProtocolEntity } from '../entities/protocol.entity.js';

export enum ProtocolRenderingKind { MEMBERS = 'MEMBERS', PUBLIC = 'PUBLIC' }

/**
 * One PDF of a published protocol (correctionSequence 0: MEMBERS for the meeting's groups, PUBLIC
 * for everyone else and OParl) or of one of its Berichtigungen (its number, PUBLIC: a correction
 * is as visible as the published protocol). `input` is frozen in the publishing transaction; the
 * bytes are rendered from it and stored after the commit (or on the first download) under
 * `objectKey`, and from then on served as stored, with these checksums.
 */
@Entity('protocol_rendering')
@Unique('uq_protocol_rendering', ['protocolId', 'kind', 'correctionSequence'])
export class ProtocolRenderingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') protocolId: string;
  @ManyToOne(() => ProtocolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'protocol_id', foreignKeyConstraintName: 'fk_protocol_rendering_protocol' })
  protocol?: ProtocolEntity;
  @Column({ type: 'enum', enum: ProtocolRenderingKind, enumName: 'protocol_rendering_kind' }) kind: ProtocolRenderingKind;
  @Column('int') correctionSequence: number;
  /** The renderer's whole input (template data and metadata, its date included): same input, same bytes. */
  @Column('jsonb') input: { template: PdfTemplate; meta: PdfMeta; fileName: string };
  @Column('text') objectKey: string;
  @Column('int', { nullable: true }) size: number | null;
  @Column('char', { length: 64, nullable: true }) sha256: string | null;
  @Column('char', { length: 128, nullable: true }) sha512: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) storedAt: Date | null;
}
