import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Visibility } from '../../knowledge/knowledge.enums.js';
import { NetworkEntity } from '../../networks/entities/network.entity.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';

/** A series of talks, e.g. "Digital ins Wochenende". Its webinars share its visibility. */
@Entity('event_series')
@Index('ix_event_series_network', ['networkId'])
export class EventSeriesEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('uuid') organizerId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizer_id', foreignKeyConstraintName: 'fk_event_series_organizer' })
  organizer?: OrganizationEntity;
  @Column('uuid', { nullable: true }) networkId: string | null;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'fk_event_series_network' })
  network?: NetworkEntity;
  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility' }) visibility: Visibility;
  @Column('uuid') createdById: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_event_series_created_by' })
  createdBy?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
