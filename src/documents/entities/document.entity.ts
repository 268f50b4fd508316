import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type ValueTransformer } from 'typeorm';
import { ProjectProfileEntity } from '../../knowledge/project-profile.entity.js';
import { AgendaItemEntity } from '../../meetings/entities/agenda-item.entity.js';
import { MeetingEntity } from '../../meetings/entities/meeting.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { WebinarEntity } from '../../webinars/entities/webinar.entity.js';
import { WorkshopEntity } from '../../workshops/entities/workshop.entity.js';
import { DocumentParentType } from '../document.enums.js';

/** bigint as a number (files stay far below 2^53 bytes). */
export const bigintNumber: ValueTransformer = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * An uploaded file on one parent. The parent is one of five foreign keys (exactly one set), so that
 * removing the parent removes its documents in the same statement; their objects are then removed
 * from the object store after the commit (document_object_removal, filled by a trigger).
 * The row repeats its current version's metadata for lists.
 */
@Entity('document')
@Check('ck_document_one_parent', 'num_nonnulls("meeting_id", "agenda_item_id", "profile_id", "webinar_id", "workshop_id") = 1')
@Index('ix_document_meeting', ['meetingId'])
@Index('ix_document_agenda_item', ['agendaItemId'])
@Index('ix_document_profile', ['profileId'])
@Index('ix_document_webinar', ['webinarId'])
@Index('ix_document_workshop', ['workshopId'])
@Index('ix_document_uploaded_by', ['uploadedById'])
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'enum', enum: DocumentParentType, enumName: 'document_parent_type' }) parentType: DocumentParentType;
  @Column('uuid', { nullable: true }) meetingId: string | null;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_document_meeting' })
  meeting?: MeetingEntity;
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  @ManyToOne(() => AgendaItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_document_agenda_item' })
  agendaItem?: AgendaItemEntity;
  @Column('uuid', { nullable: true }) profileId: string | null;
  @ManyToOne(() => ProjectProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fk_document_profile' })
  profile?: ProjectProfileEntity;
  @Column('uuid', { nullable: true }) webinarId: string | null;
  @ManyToOne(() => WebinarEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webinar_id', foreignKeyConstraintName: 'fk_document_webinar' })
  webinar?: WebinarEntity;
  @Column('uuid', { nullable: true }) workshopId: string | null;
  @ManyToOne(() => WorkshopEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id', foreignKeyConstraintName: 'fk_document_workshop' })
  workshop?: WorkshopEntity;
  /** The sanitised file name of the current version. */
  @Column('text') name: string;
  /** Sniffed from the bytes, one of the allow-list. */
  @Column('text') mediaType: string;
  @Column('bigint', { transformer: bigintNumber }) size: number;
  @Column('text') sha256: string;
  @Column('text') sha512: string;
  @Column('int') currentVersion: number;
  @Column('text') objectKey: string;
  /** Who uploaded the current version; after erasure the person row reads "Gelöschte Person". */
  @Column('uuid', { nullable: true }) uploadedById: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by_id', foreignKeyConstraintName: 'fk_document_uploaded_by' })
  uploadedBy?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One upload of a document: the first, and each replacement (the old ones stay as versions). */
@Entity('document_version')
@Unique('uq_document_version', ['documentId', 'version'])
@Unique('uq_document_version_object', ['objectKey'])
@Index('ix_document_version_uploaded_by', ['uploadedById'])
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') documentId: string;
  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_document_version_document' })
  document?: DocumentEntity;
  @Column('int') version: number;
  @Column('text') name: string;
  @Column('text') mediaType: string;
  @Column('bigint', { transformer: bigintNumber }) size: number;
  @Column('text') sha256: string;
  @Column('text') sha512: string;
  @Column('text') objectKey: string;
  @Column('uuid', { nullable: true }) uploadedById: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by_id', foreignKeyConstraintName: 'fk_document_version_uploaded_by' })
  uploadedBy?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/**
 * Objects to remove from the object store, after the commit, by DocumentObjectSweeper: those whose
 * version row is gone (a document removed, or its parent), filled by the trigger
 * trg_document_version_removed; and every upload while it streams, with `notBefore` a day ahead,
 * deleted in the transaction that records it, so an upload the process never finished (killed
 * mid-way) is removed the next day.
 */
@Entity('document_object_removal')
export class DocumentObjectRemovalEntity {
  @Column('text', { primary: true }) objectKey: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { default: () => 'now()' }) notBefore: Date;
}
