import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GroupEntity } from '../groups/group.entity.js';
import { MeetingEntity } from '../meetings/entities/meeting.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { PollAnswer } from './scheduling.enums.js';

@Entity('date_poll')
@Index('ix_date_poll_group', ['groupId'])
export class DatePollEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') groupId: string;
  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_date_poll_group' })
  group?: GroupEntity;
  @Column('text') title: string;
  @Column('boolean', { default: false }) closed: boolean;
  @Column('uuid', { nullable: true }) meetingId: string | null;
  @ManyToOne(() => MeetingEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_date_poll_meeting' })
  meeting?: MeetingEntity;
  @Column('uuid', { nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('date_poll_option')
@Index('ix_date_poll_option_poll', ['pollId'])
export class DatePollOptionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') pollId: string;
  @ManyToOne(() => DatePollEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_date_poll_option_poll' })
  poll?: DatePollEntity;
  @Column('int') position: number;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
}

/** One person's answer to one option; a later answer replaces the earlier one. */
@Entity('date_poll_vote')
export class DatePollVoteEntity {
  @PrimaryColumn('uuid') optionId: string;
  @ManyToOne(() => DatePollOptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'option_id', foreignKeyConstraintName: 'fk_date_poll_vote_option' })
  option?: DatePollOptionEntity;
  @PrimaryColumn('uuid') personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_date_poll_vote_person' })
  person?: PersonEntity;
  @Column({ type: 'enum', enum: PollAnswer, enumName: 'poll_answer' }) answer: PollAnswer;
  @UpdateDateColumn({ type: 'timestamptz' }) answeredAt: Date;
}
