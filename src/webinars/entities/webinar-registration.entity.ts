import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { RegistrationStatus } from '../webinar.enums.js';
import { WebinarEntity } from './webinar.entity.js';

/**
 * One person's registration for a webinar (one row per person: registering again returns it).
 * Waitlist positions are 1..n without gaps; the deferred unique constraint makes a duplicate
 * impossible even while a cancellation renumbers them (positions are NULL unless WAITLISTED).
 */
@Entity('webinar_registration')
@Index('uq_webinar_registration_person', ['webinarId', 'personId'], { unique: true })
@Index('ix_webinar_registration_person', ['personId'])
@Unique('uq_webinar_registration_waitlist', ['webinarId', 'waitlistPosition'], { deferrable: 'INITIALLY DEFERRED' })
export class WebinarRegistrationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') webinarId: string;
  @ManyToOne(() => WebinarEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webinar_id', foreignKeyConstraintName: 'fk_webinar_registration_webinar' })
  webinar?: WebinarEntity;
  @Column('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_webinar_registration_person' })
  person?: PersonEntity;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_webinar_registration_organization' })
  organization?: OrganizationEntity;
  @Column({ type: 'enum', enum: RegistrationStatus, enumName: 'registration_status' }) status: RegistrationStatus;
  @Column('int', { nullable: true }) waitlistPosition: number | null;
  /** Set by an organizer after the webinar (for the certificate of attendance); only for CONFIRMED registrations. */
  @Column('timestamptz', { nullable: true }) attendedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
