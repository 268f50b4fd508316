import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NetworkEntity } from '../networks/entities/network.entity.js';
import { PersonEntity } from '../people/person.entity.js';

/**
 * One privileged change: who (actor; null for the hub itself), what (a dotted action), on what
 * (subject), in which network, about which person. Written in the transaction of the change.
 * The summary never names a person: people appear only by reference, so erasing a person
 * anonymises every entry about them at once.
 */
@Entity('audit_entry')
@Index('ix_audit_entry_network_at', ['networkId', 'at'])
@Index('ix_audit_entry_actor_at', ['actorId', 'at'])
@Index('ix_audit_entry_about_person_at', ['aboutPersonId', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_audit_entry_actor' })
  actor?: PersonEntity;
  @Column('text') action: string;
  @Column('text') subjectType: string;
  @Column('uuid') subjectId: string;
  @Column('uuid', { nullable: true }) networkId: string | null;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'fk_audit_entry_network' })
  network?: NetworkEntity;
  /** The person the change concerns (a role, a membership, a request, their settings), if any. */
  @Column('uuid', { nullable: true }) aboutPersonId: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'about_person_id', foreignKeyConstraintName: 'fk_audit_entry_about_person' })
  aboutPerson?: PersonEntity;
  @Column('text') summary: string;
}
