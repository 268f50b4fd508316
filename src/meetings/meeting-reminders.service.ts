import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { recordEvent } from '../outbox/outbox.js';

/**
 * Records a MeetingReminder in the outbox once per meeting and start time, when the meeting is
 * less than MEETING_REMINDER_HOURS away. Several instances may run it: the reminder table decides.
 */
@Injectable()
export class MeetingRemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MeetingRemindersService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.remindDue().catch((e: Error) => this.logger.error(`reminders failed: ${e.message}`)), 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many reminders were recorded. */
  async remindDue(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await tx.query<{ id: string; group_id: string; title: string; starts_at: Date; time_zone: string; location: string | null; online_url: string | null }[]>(
        `WITH due AS (
           INSERT INTO meeting_reminder (meeting_id, starts_at)
           SELECT id, starts_at FROM meeting
            WHERE NOT cancelled AND starts_at > now() AND starts_at <= now() + make_interval(secs => $1)
           ON CONFLICT DO NOTHING RETURNING meeting_id)
         SELECT m.id, m.group_id, m.title, m.starts_at, m.time_zone, m.location, m.online_url FROM due JOIN meeting m ON m.id = due.meeting_id`,
        [this.config.reminderHours * 3600],
      );
      for (const m of due) {
        await recordEvent(tx, {
          type: 'MeetingReminder', aggregateType: 'Meeting', aggregateId: m.id, groupId: m.group_id,
          payload: { meetingId: m.id, title: m.title, startsAt: m.starts_at, timeZone: m.time_zone, location: m.location, onlineUrl: m.online_url },
        });
      }
      return due.length;
    });
  }
}
