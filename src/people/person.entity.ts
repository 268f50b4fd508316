import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person as known from their Keycloak token; created on first sign-in. */
@Entity('person')
@Index('uq_person_issuer_subject', ['issuer', 'subject'], { unique: true })
@Index('uq_person_calendar_token', ['calendarToken'], { unique: true, where: '"calendar_token" IS NOT NULL' })
@Index('uq_person_matrix_user_id', ['matrixUserId'], { unique: true, where: '"matrix_user_id" IS NOT NULL' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') issuer: string;
  @Column('text') subject: string;
  @Column('text') displayName: string;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) matrixUserId: string | null;
  /** Secret of the personal ICS feed URL; rotating it revokes the old URL. */
  @Column('text', { nullable: true }) calendarToken: string | null;
  /** Consent to be named in public outputs (OParl, public pages, other people's exports): opt-in. */
  @Column('boolean', { default: false }) publicProfile: boolean;
  @Column('boolean', { default: true }) notifyByEmail: boolean;
  /**
   * The realm role `hub-admin` as the person's last sign-in showed it: for what is reached without
   * a sign-in (their calendar token on a group's feed). Everything else reads the role from the token.
   */
  @Column('boolean', { default: false }) hubAdmin: boolean;
  /** Set by erasePerson: the row stays as "Gelöschte Person" so records keep their references. */
  @Column('timestamptz', { nullable: true }) erasedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
