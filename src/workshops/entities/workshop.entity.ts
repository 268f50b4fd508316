import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { FieldOfActionEntity } from '../../knowledge/field-of-action.entity.js';
import { NetworkEntity } from '../../networks/entities/network.entity.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';

/** A Digital-Werkstatt: one day, one to three municipalities, at most 30 participants. */
@Entity('workshop')
@Index('ix_workshop_network', ['networkId'])
export class WorkshopEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('date') date: string;
  @Column('text', { nullable: true }) location: string | null;
  @Column('uuid', { nullable: true }) networkId: string | null;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'fk_workshop_network' })
  network?: NetworkEntity;
  /** The organization that runs it (the creator's). */
  @Column('uuid', { nullable: true }) facilitatorId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'facilitator_id', foreignKeyConstraintName: 'fk_workshop_facilitator' })
  facilitator?: OrganizationEntity;
  @Column('uuid') createdById: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_workshop_created_by' })
  createdBy?: PersonEntity;
  /** Dots each participant spreads over the ideas (at most one per idea). */
  @Column('int', { default: 3 }) dotsPerParticipant: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('workshop_municipality')
@Index('ix_workshop_municipality_org', ['organizationId'])
export class WorkshopMunicipalityEntity {
  @PrimaryColumn('uuid') workshopId: string;
  @ManyToOne(() => WorkshopEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'fk_workshop_municipality_workshop' })
  workshop?: WorkshopEntity;
  @PrimaryColumn('uuid') organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_workshop_municipality_org' })
  organization?: OrganizationEntity;
  @Column('int') position: number;
}

/** The fields presented at the info stations. */
@Entity('workshop_field')
export class WorkshopFieldEntity {
  @PrimaryColumn('uuid') workshopId: string;
  @ManyToOne(() => WorkshopEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'fk_workshop_field_workshop' })
  workshop?: WorkshopEntity;
  @PrimaryColumn('uuid') fieldOfActionId: string;
  @ManyToOne(() => FieldOfActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'field_of_action_id', foreignKeyConstraintName: 'fk_workshop_field_field' })
  fieldOfAction?: FieldOfActionEntity;
}

@Entity('workshop_participant')
@Index('ix_workshop_participant_person', ['personId'])
export class WorkshopParticipantEntity {
  @PrimaryColumn('uuid') workshopId: string;
  @ManyToOne(() => WorkshopEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'fk_workshop_participant_workshop' })
  workshop?: WorkshopEntity;
  @PrimaryColumn('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_workshop_participant_person' })
  person?: PersonEntity;
  /** One of the workshop's municipalities. */
  @Column('uuid') organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_workshop_participant_org' })
  organization?: OrganizationEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A municipality's choice of a field, with its priority (1 = first). */
@Entity('field_selection')
export class FieldSelectionEntity {
  @PrimaryColumn('uuid') workshopId: string;
  @ManyToOne(() => WorkshopEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'fk_field_selection_workshop' })
  workshop?: WorkshopEntity;
  @PrimaryColumn('uuid') organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_field_selection_org' })
  organization?: OrganizationEntity;
  @PrimaryColumn('uuid') fieldOfActionId: string;
  @ManyToOne(() => FieldOfActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'field_of_action_id', foreignKeyConstraintName: 'fk_field_selection_field' })
  fieldOfAction?: FieldOfActionEntity;
  @Column('int') priority: number;
}
