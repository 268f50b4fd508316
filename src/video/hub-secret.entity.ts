import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets the hub makes for itself, kept in the database so that every instance shares them and
 * they survive restarts (e.g. the key of the video room names).
 */
@Entity('hub_secret')
export class HubSecretEntity {
  @PrimaryColumn('text') name: string;
  @Column('text') value: string;
}
