import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItemEntity } from '../../meetings/entities/agenda-item.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { ProtocolEntity } from '../entities/protocol.entity.js';
import { ObjectionResolution, ProtocolFeedbackKind } from './protocol-review.enums.js';

/** A comment or objection on a protocol in review, with the moderation's answer and, for objections, how it ended. */
@Entity('protocol_feedback')
@Index('ix_protocol_feedback_protocol', ['protocolId'])
@Index('ix_protocol_feedback_author', ['authorId'])
export class ProtocolFeedbackEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') protocolId: string;
  @ManyToOne(() => ProtocolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'protocol_id', foreignKeyConstraintName: 'fk_protocol_feedback_protocol' })
  protocol?: ProtocolEntity;
  /** The entry (agenda item) it is about; null = the protocol as a whole. */
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  @ManyToOne(() => AgendaItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_protocol_feedback_agenda_item' })
  agendaItem?: AgendaItemEntity;
  @Column('uuid') authorId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_protocol_feedback_author' })
  author?: PersonEntity;
  @Column({ type: 'enum', enum: ProtocolFeedbackKind, enumName: 'protocol_feedback_kind' }) kind: ProtocolFeedbackKind;
  /** The comment, or the objection's reason. */
  @Column('text') text: string;
  /** The protocol version it was written against. */
  @Column('int') protocolVersion: number;
  @Column('text', { nullable: true }) answer: string | null;
  @Column('uuid', { nullable: true }) answeredById: string | null;
  @Column('timestamptz', { nullable: true }) answeredAt: Date | null;
  /** Objections only: null while open. */
  @Column({ type: 'enum', enum: ObjectionResolution, enumName: 'objection_resolution', nullable: true }) resolution: ObjectionResolution | null;
  @Column('uuid', { nullable: true }) resolvedById: string | null;
  @Column('timestamptz', { nullable: true }) resolvedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
