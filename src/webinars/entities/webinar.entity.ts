import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProjectProfileEntity } from '../../knowledge/project-profile.entity.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { EventSeriesEntity } from './event-series.entity.js';

@Entity('webinar')
@Index('ix_webinar_series_starts', ['seriesId', 'startsAt'])
@Index('ix_webinar_starts', ['startsAt'])
export class WebinarEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') seriesId: string;
  @ManyToOne(() => EventSeriesEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'series_id', foreignKeyConstraintName: 'fk_webinar_series' })
  series?: EventSeriesEntity;
  @Column('text') title: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('text') timeZone: string;
  /** Null = unlimited. */
  @Column('int', { nullable: true }) capacity: number | null;
  /** A link set by hand; wins over a generated video room. */
  @Column('text', { nullable: true }) onlineUrl: string | null;
  @Column('text', { nullable: true }) recordingUrl: string | null;
  @Column('boolean', { default: false }) cancelled: boolean;
  @Column('text', { nullable: true }) cancelReason: string | null;
  /** Raised on every change (calendar SEQUENCE). */
  @Column('int', { default: 0 }) sequence: number;
  @Column('uuid') createdById: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_webinar_created_by' })
  createdBy?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A speaker: a name as announced, optionally linked to an organization and a person of the hub. */
@Entity('webinar_speaker')
@Index('ix_webinar_speaker_webinar', ['webinarId', 'position'])
@Index('ix_webinar_speaker_person', ['personId'])
export class WebinarSpeakerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') webinarId: string;
  @ManyToOne(() => WebinarEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webinar_id', foreignKeyConstraintName: 'fk_webinar_speaker_webinar' })
  webinar?: WebinarEntity;
  @Column('int') position: number;
  @Column('text') name: string;
  @Column('text', { nullable: true }) role: string | null;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_webinar_speaker_organization' })
  organization?: OrganizationEntity;
  @Column('uuid', { nullable: true }) personId: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_webinar_speaker_person' })
  person?: PersonEntity;
}

/** The profiles presented in a webinar. */
@Entity('webinar_profile')
export class WebinarProfileEntity {
  @PrimaryColumn('uuid') webinarId: string;
  @ManyToOne(() => WebinarEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webinar_id', foreignKeyConstraintName: 'fk_webinar_profile_webinar' })
  webinar?: WebinarEntity;
  @PrimaryColumn('uuid') profileId: string;
  @ManyToOne(() => ProjectProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fk_webinar_profile_profile' })
  profile?: ProjectProfileEntity;
  @Column('int') position: number;
}
