import type { EntityManager } from 'typeorm';
import { syncCarryOver } from '../meetings/carry-over.js';
import { recordEvent } from '../outbox/outbox.js';
import { ActionItemStatus } from './action-item.enums.js';
import { ActionItemEntity } from './action-item.entity.js';

export interface NewActionItem {
  groupId: string;
  title: string;
  assigneeId: string | null;
  assigneeOrganizationId: string | null;
  dueOn: string | null;
  originMeetingId: string | null;
  protocolId: string | null;
  agendaItemId: string | null;
  public: boolean;
  createdById: string;
}

/**
 * Creates an open action item inside the caller's transaction, with everything that follows from
 * it: the ActionItemAssigned event when someone is assigned, and the group's next agenda.
 * Shared by the GraphQL mutation and the `!todo` room command.
 */
export async function insertActionItem(tx: EntityManager, fields: NewActionItem): Promise<ActionItemEntity> {
  const item = await tx.getRepository(ActionItemEntity).save({ ...fields, title: fields.title.trim(), status: ActionItemStatus.OPEN });
  if (item.assigneeId || item.assigneeOrganizationId) {
    await recordEvent(tx, {
      type: 'ActionItemAssigned', aggregateType: 'ActionItem', aggregateId: item.id, groupId: item.groupId,
      payload: { actionItemId: item.id, title: item.title, assigneeId: item.assigneeId, assigneeOrganizationId: item.assigneeOrganizationId, dueOn: item.dueOn, originMeetingId: item.originMeetingId },
    });
  }
  await syncCarryOver(tx, item.groupId);
  return item;
}
