import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { GroupEntity } from '../../groups/group.entity.js';
import { FieldOfActionEntity } from '../../knowledge/field-of-action.entity.js';
import { ProjectProfileEntity } from '../../knowledge/project-profile.entity.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { WorkshopEntity } from './workshop.entity.js';

@Entity('workshop_idea')
@Index('ix_workshop_idea_workshop', ['workshopId'])
export class WorkshopIdeaEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') workshopId: string;
  @ManyToOne(() => WorkshopEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'fk_workshop_idea_workshop' })
  workshop?: WorkshopEntity;
  @Column('uuid') organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_workshop_idea_org' })
  organization?: OrganizationEntity;
  @Column('uuid') fieldOfActionId: string;
  @ManyToOne(() => FieldOfActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'field_of_action_id', foreignKeyConstraintName: 'fk_workshop_idea_field' })
  fieldOfAction?: FieldOfActionEntity;
  @Column('text') title: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('uuid') createdById: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_workshop_idea_created_by' })
  createdBy?: PersonEntity;
  /** Set once, by promoteWorkshopIdea. */
  @Column('uuid', { nullable: true }) projectGroupId: string | null;
  @ManyToOne(() => GroupEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_group_id', foreignKeyConstraintName: 'fk_workshop_idea_group' })
  projectGroup?: GroupEntity;
  @Column('uuid', { nullable: true }) projectProfileId: string | null;
  @ManyToOne(() => ProjectProfileEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_profile_id', foreignKeyConstraintName: 'fk_workshop_idea_profile' })
  projectProfile?: ProjectProfileEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A participant's dot on an idea; `workshopId` is kept here so the 3-per-workshop rule is one count. */
@Entity('idea_vote')
@Index('ix_idea_vote_workshop_person', ['workshopId', 'personId'])
export class IdeaVoteEntity {
  @PrimaryColumn('uuid') ideaId: string;
  @ManyToOne(() => WorkshopIdeaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_idea_vote_idea' })
  idea?: WorkshopIdeaEntity;
  @PrimaryColumn('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_idea_vote_person' })
  person?: PersonEntity;
  @Column('uuid') workshopId: string;
  @ManyToOne(() => WorkshopEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'fk_idea_vote_workshop' })
  workshop?: WorkshopEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('idea_step')
@Index('ix_idea_step_idea', ['ideaId', 'position'])
export class IdeaStepEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') ideaId: string;
  @ManyToOne(() => WorkshopIdeaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_idea_step_idea' })
  idea?: WorkshopIdeaEntity;
  @Column('int') position: number;
  @Column('text') title: string;
  @Column('text', { nullable: true }) responsible: string | null;
  @Column('date', { nullable: true }) dueOn: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
