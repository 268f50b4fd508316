import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MeetingEntity } from '../../meetings/entities/meeting.entity.js';
import { ProtocolApprovalMode } from '../../groups/group.enums.js';
import { ProtocolStatus } from '../protocol.enums.js';

/**
 * A meeting's protocol. `version` is our own optimistic lock (TypeORM's @VersionColumn does not
 * prevent lost updates): every change is `UPDATE … WHERE version = expected`.
 */
@Entity('protocol')
@Index('uq_protocol_meeting', ['meetingId'], { unique: true })
@Index('ix_protocol_approval_due', ['approvalDueAt'], { where: "\"status\" = 'IN_REVIEW'" })
export class ProtocolEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_protocol_meeting' })
  meeting?: MeetingEntity;
  @Column({ type: 'enum', enum: ProtocolStatus, enumName: 'protocol_status' }) status: ProtocolStatus;
  @Column('int') version: number;
  /** Frozen at publication: the full text for the meeting's groups, and the redacted one for others. */
  @Column('text', { nullable: true }) publishedMarkdown: string | null;
  @Column('text', { nullable: true }) publishedMarkdownRedacted: string | null;
  @Column('char', { length: 64, nullable: true }) contentHash: string | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
  @Column('uuid', { nullable: true }) approvedById: string | null;
  @Column('timestamptz', { nullable: true }) publishedAt: Date | null;
  /** Who published it (with publishedAt, part of the record). */
  @Column('uuid', { nullable: true }) publishedById: string | null;
  /** The group's approval rule as it was when the protocol went into review (null before). */
  @Column({ type: 'enum', enum: ProtocolApprovalMode, enumName: 'protocol_approval_mode', nullable: true }) approvalMode: ProtocolApprovalMode | null;
  /** OBJECTION_PERIOD: when the hub approves it by itself, unless an objection is open; restarts with a revision. */
  @Column('timestamptz', { nullable: true }) approvalDueAt: Date | null;
  /** NEXT_MEETING: the meeting whose agenda carries "Genehmigung des Protokolls vom …". */
  @Column('uuid', { nullable: true }) approvalMeetingId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
