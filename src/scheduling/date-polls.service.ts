import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/ids.js';
import { manyByKey, type RequestLoaders } from '../common/request-loaders.js';
import { GroupEntity } from '../groups/group.entity.js';
import { checkSchedule, DEFAULT_TIME_ZONE, germanDateTime } from '../meetings/meeting-rules.js';
import { auditMeeting, MeetingsService } from '../meetings/meetings.service.js';
import { DatePollEntity, DatePollOptionEntity } from './date-poll.entity.js';
import type { CloseDatePollInput, CreateDatePollInput, VoteDatePollInput } from './dto/scheduling.inputs.js';
import type { DatePollOptionModel } from './scheduling.model.js';

/** Finding a date: moderators offer slots, group members answer, the moderator picks one. */
@Injectable()
export class DatePollsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly meetings: MeetingsService,
  ) {}

  async create(viewer: Viewer, input: CreateDatePollInput): Promise<DatePollEntity> {
    const group = isUuid(input.groupId) ? await this.db.getRepository(GroupEntity).findOneBy({ id: input.groupId }) : null;
    if (!group) throw notFound('Gruppe');
    await this.access.requireGroupManage(viewer, group);
    if (!input.options.length) throw badInput('options', 'bitte mindestens einen Termin anbieten');
    input.options.forEach((o, i) => {
      try {
        checkSchedule(o.startsAt, o.endsAt);
      } catch (error) {
        throw badInput(`options[${i}].endsAt`, (error as Error).message.replace(/^endsAt: /, ''));
      }
    });
    return this.db.transaction(async (tx) => {
      const poll = await tx.getRepository(DatePollEntity).save({ groupId: group.id, title: input.title.trim(), closed: false, meetingId: null, createdById: viewer.personId });
      await tx.getRepository(DatePollOptionEntity).insert(input.options.map((o, i) => ({ pollId: poll.id, position: i + 1, startsAt: o.startsAt, endsAt: o.endsAt })));
      return poll;
    });
  }

  /** Only group members vote; a later answer to an option replaces the earlier one. */
  async vote(viewer: Viewer, input: VoteDatePollInput): Promise<DatePollEntity> {
    const poll = await this.requireVisible(viewer, input.pollId);
    if (!(await viewer.groupRole(poll.groupId))) throw new DomainError('FORBIDDEN', 'Nur Mitglieder der Gruppe können abstimmen.');
    if (poll.closed) throw badInput('pollId', 'die Terminumfrage ist abgeschlossen');
    if (!input.votes.length) throw badInput('votes', 'bitte mindestens einen Termin beantworten');
    const options = new Set((await this.db.getRepository(DatePollOptionEntity).findBy({ pollId: poll.id })).map((o) => o.id));
    const foreign = input.votes.find((v) => !options.has(v.optionId));
    if (foreign) throw badInput('votes.optionId', `${foreign.optionId} ist kein Termin dieser Terminumfrage`);
    await this.db.transaction(async (tx) => {
      // Serialises with closing: no vote lands on a closed poll.
      const [locked] = await tx.query<{ closed: boolean }[]>('SELECT closed FROM date_poll WHERE id = $1 FOR UPDATE', [poll.id]);
      if (locked.closed) throw badInput('pollId', 'die Terminumfrage ist abgeschlossen');
      await tx.query(
        `INSERT INTO date_poll_vote (option_id, person_id, answer) SELECT v.option_id, $1, v.answer::poll_answer
           FROM unnest($2::uuid[], $3::text[]) AS v(option_id, answer)
         ON CONFLICT (option_id, person_id) DO UPDATE SET answer = EXCLUDED.answer, answered_at = now()`,
        [viewer.personId, input.votes.map((v) => v.optionId), input.votes.map((v) => v.answer)],
      );
    });
    return poll;
  }

  /** Creates the meeting from the chosen slot and closes the poll. */
  async close(viewer: Viewer, input: CloseDatePollInput): Promise<DatePollEntity> {
    const poll = await this.requireVisible(viewer, input.pollId);
    const group = await this.db.getRepository(GroupEntity).findOneByOrFail({ id: poll.groupId });
    await this.access.requireGroupManage(viewer, group);
    const option = isUuid(input.optionId) ? await this.db.getRepository(DatePollOptionEntity).findOneBy({ id: input.optionId, pollId: poll.id }) : null;
    if (!option) throw badInput('optionId', 'ist kein Termin dieser Terminumfrage');
    return this.db.transaction(async (tx) => {
      const [locked] = await tx.query<{ closed: boolean }[]>('SELECT closed FROM date_poll WHERE id = $1 FOR UPDATE', [poll.id]);
      if (locked.closed) throw badInput('pollId', 'die Terminumfrage ist bereits abgeschlossen');
      const meeting = await this.meetings.insertMeeting(tx, viewer, {
        group, extra: [], timeZone: DEFAULT_TIME_ZONE, input: { title: poll.title, startsAt: option.startsAt, endsAt: option.endsAt },
      });
      await tx.query('UPDATE date_poll SET closed = true, meeting_id = $2 WHERE id = $1', [poll.id, meeting.id]);
      await auditMeeting(tx, viewer, 'meeting.create', meeting, group.networkId,
        `Sitzung „${meeting.title}“ aus der Terminumfrage angesetzt: ${germanDateTime(meeting.startsAt, meeting.timeZone)}.`);
      return tx.getRepository(DatePollEntity).findOneByOrFail({ id: poll.id });
    });
  }

  /** The poll if the caller may read its group (tallies are for the group). */
  async byId(viewer: Viewer, id: string): Promise<DatePollEntity | null> {
    const poll = isUuid(id) ? await this.db.getRepository(DatePollEntity).findOneBy({ id }) : null;
    if (!poll) return null;
    const group = await this.db.getRepository(GroupEntity).findOneByOrFail({ id: poll.groupId });
    return (await this.access.groupAccess(viewer, group)) ? poll : null;
  }

  options(loaders: RequestLoaders, pollId: string): Promise<DatePollOptionModel[]> {
    return loaders
      .get('poll.options', () =>
        manyByKey(async (ids) => {
          const options = await this.db.getRepository(DatePollOptionEntity).find({ where: { pollId: In(ids) }, order: { position: 'ASC' } });
          const tallies = await this.db.query<{ option_id: string; yes: number; maybe: number; no: number }[]>(
            `SELECT option_id, count(*) FILTER (WHERE answer = 'YES')::int AS yes, count(*) FILTER (WHERE answer = 'MAYBE')::int AS maybe,
                    count(*) FILTER (WHERE answer = 'NO')::int AS no
               FROM date_poll_vote WHERE option_id = ANY($1) GROUP BY option_id`,
            [options.map((o) => o.id)],
          );
          const byOption = new Map(tallies.map((t) => [t.option_id, t]));
          return options.map((o) => ({ pollId: o.pollId, id: o.id, startsAt: o.startsAt, endsAt: o.endsAt, yes: byOption.get(o.id)?.yes ?? 0, maybe: byOption.get(o.id)?.maybe ?? 0, no: byOption.get(o.id)?.no ?? 0 }));
        }, (o) => o.pollId),
      )
      .load(pollId);
  }

  private async requireVisible(viewer: Viewer, id: string): Promise<DatePollEntity> {
    const poll = await this.byId(viewer, id);
    if (!poll) throw notFound('Terminumfrage');
    return poll;
  }
}
