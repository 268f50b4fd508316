import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ActionItemEntity } from '../../action-items/action-item.entity.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { AgendaItemStatus } from '../meeting.enums.js';
import { MeetingEntity } from './meeting.entity.js';

@Entity('agenda_item')
// Deferred, so a renumbering may pass through duplicates inside its transaction.
@Unique('uq_agenda_item_position', ['meetingId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Index('uq_agenda_item_carried', ['meetingId', 'carriedOverFromId'], { unique: true, where: '"carried_over_from_id" IS NOT NULL' })
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_agenda_item_meeting' })
  meeting?: MeetingEntity;
  @Column('int') position: number;
  @Column('text') title: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('int', { nullable: true }) durationMinutes: number | null;
  @Column('uuid', { nullable: true }) presenterId: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'presenter_id', foreignKeyConstraintName: 'fk_agenda_item_presenter' })
  presenter?: PersonEntity;
  @Column('uuid', { nullable: true }) presenterOrganizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'presenter_organization_id', foreignKeyConstraintName: 'fk_agenda_item_presenter_organization' })
  presenterOrganization?: OrganizationEntity;
  @Column('boolean', { default: true }) public: boolean;
  @Column({ type: 'enum', enum: AgendaItemStatus, enumName: 'agenda_item_status' }) status: AgendaItemStatus;
  @Column('uuid', { nullable: true }) proposedById: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by_id', foreignKeyConstraintName: 'fk_agenda_item_proposed_by' })
  proposedBy?: PersonEntity;
  @Column('uuid', { nullable: true }) carriedOverFromId: string | null;
  @ManyToOne(() => ActionItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'carried_over_from_id', foreignKeyConstraintName: 'fk_agenda_item_carried_over_from' })
  carriedOverFrom?: ActionItemEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
