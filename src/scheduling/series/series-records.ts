import type { EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/audit.js';
import type { Viewer } from '../../auth/viewer.js';
import { recordEvent } from '../../outbox/outbox.js';
import type { MeetingSeriesEntity } from '../meeting-series.entity.js';

/** What a change of a series leaves behind: its audit entry, and the event that sends its invitation again. */
export async function auditSeries(tx: EntityManager, viewer: Viewer, series: MeetingSeriesEntity, action: string, summary: string): Promise<void> {
  const [group] = await tx.query<{ network_id: string }[]>('SELECT network_id FROM work_group WHERE id = $1', [series.groupId]);
  await recordAudit(tx, { actor: viewer, action, subjectType: 'MeetingSeries', subjectId: series.id, networkId: group.network_id, summary });
}

/** The series' invitation goes out again (mail-recipients.ts: the group's members). */
export async function recordSeriesChanged(tx: EntityManager, series: MeetingSeriesEntity, payload: Record<string, unknown>): Promise<void> {
  await recordEvent(tx, {
    type: 'MeetingSeriesChanged', aggregateType: 'MeetingSeries', aggregateId: series.id, groupId: series.groupId,
    payload: { seriesId: series.id, title: series.title, rrule: series.rrule, startTime: series.startTime, until: series.until, ...payload },
  });
}

