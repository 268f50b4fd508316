import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgendaItemEntity } from '../../meetings/entities/agenda-item.entity.js';
import { ProtocolEntity } from './protocol.entity.js';

/** The notes on one agenda item. */
@Entity('protocol_entry')
export class ProtocolEntryEntity {
  @PrimaryColumn('uuid') protocolId: string;
  @ManyToOne(() => ProtocolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'protocol_id', foreignKeyConstraintName: 'fk_protocol_entry_protocol' })
  protocol?: ProtocolEntity;
  @PrimaryColumn('uuid') agendaItemId: string;
  @ManyToOne(() => AgendaItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_protocol_entry_agenda_item' })
  agendaItem?: AgendaItemEntity;
  @Column('text') notes: string;
}
