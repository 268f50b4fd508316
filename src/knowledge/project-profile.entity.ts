import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NetworkEntity } from '../networks/entities/network.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { FieldOfActionEntity } from './field-of-action.entity.js';
import { ProjectStatus, Visibility } from './knowledge.enums.js';

/**
 * A best-practice profile ("Steckbrief"). `searchVector` is written by a trigger (migration
 * KnowledgeAndEvents) from the folded texts (lower case, umlauts and accents removed, ae/oe/ue as
 * a/o/u): German stems of the title (weight A), summary and tags (B) and body (C). Its GIN index
 * is made by hand in the migration, hence `synchronize: false` here.
 */
@Entity('project_profile')
@Index('ix_project_profile_search_vector', { synchronize: false })
@Index('ix_project_profile_network', ['networkId'])
@Index('ix_project_profile_updated', ['updatedAt'])
export class ProjectProfileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text') summary: string;
  @Column('text', { nullable: true }) body: string | null;
  @Column('text', { array: true }) tags: string[];
  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status' }) status: ProjectStatus;
  @Column('date', { nullable: true }) startedOn: string | null;
  @Column('text', { nullable: true }) costsNote: string | null;
  @Column('text', { nullable: true }) fundingNote: string | null;
  @Column('uuid', { nullable: true }) contactId: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_project_profile_contact' })
  contact?: PersonEntity;
  @Column('text', { array: true }) links: string[];
  @Column('uuid', { nullable: true }) networkId: string | null;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'fk_project_profile_network' })
  network?: NetworkEntity;
  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility' }) visibility: Visibility;
  /** Optimistic lock: every change is one `UPDATE … WHERE version = expected`. */
  @Column('int', { default: 1 }) version: number;
  @Column('uuid') createdById: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_project_profile_created_by' })
  createdBy?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false }) searchVector: string | null;
}

/**
 * Every stem that occurs in some profile, kept by a trigger. A query stem is expanded to the stems
 * that contain it (trigram index), so "konferenz" also finds "videokonferenzsystem" through the
 * profiles' GIN index. Stems of changed or deleted profiles stay (they match nothing).
 */
@Entity('search_lexeme')
@Index('ix_search_lexeme_trgm', { synchronize: false })
export class SearchLexemeEntity {
  @PrimaryColumn('text') lexeme: string;
}

/** The organizations behind a profile (at least one), in the order given. */
@Entity('project_profile_organization')
@Index('ix_project_profile_organization_org', ['organizationId'])
export class ProjectProfileOrganizationEntity {
  @PrimaryColumn('uuid') profileId: string;
  @ManyToOne(() => ProjectProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fk_project_profile_organization_profile' })
  profile?: ProjectProfileEntity;
  @PrimaryColumn('uuid') organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_project_profile_organization_org' })
  organization?: OrganizationEntity;
  @Column('int') position: number;
}

@Entity('project_profile_field')
@Index('ix_project_profile_field_field', ['fieldOfActionId'])
export class ProjectProfileFieldEntity {
  @PrimaryColumn('uuid') profileId: string;
  @ManyToOne(() => ProjectProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fk_project_profile_field_profile' })
  profile?: ProjectProfileEntity;
  @PrimaryColumn('uuid') fieldOfActionId: string;
  @ManyToOne(() => FieldOfActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'field_of_action_id', foreignKeyConstraintName: 'fk_project_profile_field_field' })
  fieldOfAction?: FieldOfActionEntity;
}
