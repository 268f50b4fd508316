import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A field of action ("Handlungsfeld") of the Digital-Werkstatt. Data, not an enum: the nine are
 * seeded by a migration with stable keys, and more can be added.
 */
@Entity('field_of_action')
@Index('uq_field_of_action_key', ['key'], { unique: true })
export class FieldOfActionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') key: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  /** Display order. */
  @Column('int', { default: 0 }) position: number;
}
