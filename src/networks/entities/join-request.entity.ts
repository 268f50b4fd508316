import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { PersonEntity } from '../../people/person.entity.js';
import { JoinRequestStatus } from '../network.enums.js';
import { NetworkEntity } from './network.entity.js';

@Entity('join_request')
@Index('uq_join_request_pending', ['networkId', 'organizationId', 'requestedById'], { unique: true, where: `"status" = 'PENDING'` })
export class JoinRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') networkId: string;
  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'fk_join_request_network' })
  network?: NetworkEntity;
  @Column('uuid') organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_join_request_organization' })
  organization?: OrganizationEntity;
  @Column('uuid') requestedById: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requested_by_id', foreignKeyConstraintName: 'fk_join_request_requested_by' })
  requestedBy?: PersonEntity;
  @Column('text', { nullable: true }) message: string | null;
  @Column({ type: 'enum', enum: JoinRequestStatus, enumName: 'join_request_status' }) status: JoinRequestStatus;
  @Column('uuid', { nullable: true }) decidedById: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'fk_join_request_decided_by' })
  decidedBy?: PersonEntity;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
