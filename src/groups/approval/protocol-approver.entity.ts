import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonEntity } from '../../people/person.entity.js';
import { GroupEntity } from '../group.entity.js';

/** A person named to approve the group's protocols (mode NAMED_APPROVERS): each of them must. */
@Entity('group_protocol_approver')
@Index('ix_group_protocol_approver_person', ['personId'])
export class GroupProtocolApproverEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_group_protocol_approver' }) groupId: string;
  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_group_protocol_approver_group' })
  group?: GroupEntity;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_group_protocol_approver' }) personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_group_protocol_approver_person' })
  person?: PersonEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
