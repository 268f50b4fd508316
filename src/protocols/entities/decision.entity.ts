import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItemEntity } from '../../meetings/entities/agenda-item.entity.js';
import { ProtocolEntity } from './protocol.entity.js';

@Entity('decision')
@Index('ix_decision_protocol', ['protocolId'])
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') protocolId: string;
  @ManyToOne(() => ProtocolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'protocol_id', foreignKeyConstraintName: 'fk_decision_protocol' })
  protocol?: ProtocolEntity;
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  @ManyToOne(() => AgendaItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_decision_agenda_item' })
  agendaItem?: AgendaItemEntity;
  @Column('text') text: string;
  @Column('int', { nullable: true }) votesFor: number | null;
  @Column('int', { nullable: true }) votesAgainst: number | null;
  @Column('int', { nullable: true }) abstentions: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
