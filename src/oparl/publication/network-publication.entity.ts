import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { NetworkEntity } from '../../networks/entities/network.entity.js';
import { Publication } from './publication.enum.js';

/** Whether a network has a public face (OParl); no row = PRIVATE. */
@Entity('network_publication')
export class NetworkPublicationEntity {
  @PrimaryColumn('uuid') networkId: string;
  @OneToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'fk_network_publication_network' })
  network?: NetworkEntity;
  @Column({ type: 'enum', enum: Publication, enumName: 'publication' }) publication: Publication;
  @Column('timestamptz', { default: () => 'now()' }) changedAt: Date;
}
