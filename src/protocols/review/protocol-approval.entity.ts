import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonEntity } from '../../people/person.entity.js';
import { ProtocolEntity } from '../entities/protocol.entity.js';

/** A named approver's approval of a protocol's current text (mode NAMED_APPROVERS); a revision clears them. */
@Entity('protocol_approval')
export class ProtocolApprovalEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_protocol_approval' }) protocolId: string;
  @ManyToOne(() => ProtocolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'protocol_id', foreignKeyConstraintName: 'fk_protocol_approval_protocol' })
  protocol?: ProtocolEntity;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_protocol_approval' }) personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_protocol_approval_person' })
  person?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) approvedAt: Date;
}
