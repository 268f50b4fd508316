import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { GroupRole } from './group.enums.js';
import { GroupEntity } from './group.entity.js';

/** A person's membership in a group; a GUEST's access ends after `until`. */
@Entity('group_member')
@Index('uq_group_member_person', ['groupId', 'personId'], { unique: true })
@Index('ix_group_member_person', ['personId'])
export class GroupMemberEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') groupId: string;
  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_group_member_group' })
  group?: GroupEntity;
  @Column('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_group_member_person' })
  person?: PersonEntity;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_group_member_organization' })
  organization?: OrganizationEntity;
  @Column({ type: 'enum', enum: GroupRole, enumName: 'group_role' }) role: GroupRole;
  @Column('date') since: string;
  @Column('date', { nullable: true }) until: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
