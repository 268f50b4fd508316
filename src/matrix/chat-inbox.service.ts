import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isIsoDate } from '../common/scalars.js';
import { isCleanLine } from '../common/text-rules.js';
import { insertActionItem } from '../action-items/action-item-store.js';
import { appendAgendaItem } from '../meetings/carry-over.js';
import { AgendaItemStatus } from '../meetings/meeting.enums.js';
import { recordEvent } from '../outbox/outbox.js';
import { HELP, parseCommand, type ChatCommand } from './chat-commands.js';

interface RoomEvent {
  type?: string;
  room_id?: string;
  sender?: string;
  event_id?: string;
  content?: { msgtype?: string; body?: unknown };
}

interface Speaker {
  personId: string;
  role: string;
  groupId: string;
  networkId: string;
}

/**
 * Room messages pushed by the homeserver. A transaction is handled once (its id is stored in the
 * same database transaction as its effects), commands act as the linked person, and every reply
 * goes out through the outbox like any other message.
 */
@Injectable()
export class ChatInboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** False when the transaction was handled before. */
  async handleTransaction(txnId: string, events: RoomEvent[], botUserId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // A concurrent duplicate waits on the key until the first commits, then inserts nothing.
      const inserted = await tx.query<{ txn_id: string }[]>(
        'INSERT INTO matrix_transaction (txn_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING txn_id',
        [txnId],
      );
      if (!inserted.length) return false;
      for (const event of events) {
        if (event.type !== 'm.room.message' || event.sender === botUserId || typeof event.content?.body !== 'string' || !event.room_id) continue;
        // Ids reach SQL: anything a homeserver would never send (NUL, say) is skipped, not retried forever.
        if (!isCleanLine(event.room_id) || !isCleanLine(event.sender ?? '')) continue;
        const command = parseCommand(event.content.body);
        if (command) await this.run(tx, event.room_id, event.sender ?? '', command);
      }
      return true;
    });
  }

  private async run(tx: EntityManager, roomId: string, sender: string, command: ChatCommand): Promise<void> {
    const [group] = await tx.query<{ id: string; network_id: string }[]>('SELECT id, network_id FROM work_group WHERE matrix_room_id = $1', [roomId]);
    if (!group) return; // not one of our group rooms
    const reply = (text: string) =>
      recordEvent(tx, { type: 'ChatReply', aggregateType: 'Chat', aggregateId: group.id, groupId: group.id, payload: { text } });
    if (command.kind === 'help') return reply(HELP);
    if (command.kind === 'unknown') return reply(`Unbekannter Befehl !${command.name}. ${HELP.split('\n')[0]} !help`);
    if (command.kind === 'invalid') return reply(`So geht es: ${command.usage}`);
    const speaker = await this.speaker(tx, group.id, sender);
    if (!speaker || speaker.role === 'GUEST') {
      return reply('Dafür musst du Mitglied dieser Gruppe sein und dein Matrix-Konto in Interkom verknüpft haben.');
    }
    const next = await this.nextMeeting(tx, group.id);
    switch (command.kind) {
      case 'next': {
        if (!next) return reply('Es ist keine Sitzung geplant.');
        const items = await tx.query<{ position: number; title: string }[]>(
          `SELECT position, title FROM agenda_item WHERE meeting_id = $1 AND status = 'ACCEPTED' AND public ORDER BY position`,
          [next.id],
        );
        const when = new Intl.DateTimeFormat('de-DE', { timeZone: next.time_zone, dateStyle: 'full', timeStyle: 'short' }).format(next.starts_at);
        return reply([`Nächste Sitzung: ${next.title}, ${when} Uhr`, ...(items.length ? items.map((i) => `${i.position}. ${i.title}`) : ['Noch keine Tagesordnung.'])].join('\n'));
      }
      case 'agenda': {
        if (!next) return reply('Es ist keine Sitzung geplant, für die ich den Punkt vormerken könnte.');
        await appendAgendaItem(tx, next.id, {
          title: command.title, description: null, durationMinutes: null, presenterId: null, presenterOrganizationId: null,
          public: true, status: AgendaItemStatus.PROPOSED, proposedById: speaker.personId,
        });
        return reply(`Vorschlag für „${next.title}“ vorgemerkt: ${command.title}`);
      }
      case 'todo': {
        if (command.dueOn && !isIsoDate(command.dueOn)) return reply(`${command.dueOn} ist kein gültiges Datum (JJJJ-MM-TT).`);
        const assignee = command.assignee ? await this.resolveAssignee(tx, speaker, command.assignee) : { personId: null, organizationId: null };
        if (!assignee) return reply(`Ich kenne niemanden namens @${command.assignee} in diesem Netzwerk.`);
        await insertActionItem(tx, {
          groupId: group.id, title: command.title, assigneeId: assignee.personId, assigneeOrganizationId: assignee.organizationId,
          dueOn: command.dueOn, originMeetingId: null, protocolId: null, agendaItemId: null, public: true, createdById: speaker.personId,
        });
        return reply(`Aufgabe angelegt: ${command.title}`);
      }
    }
  }

  private async speaker(tx: EntityManager, groupId: string, matrixUserId: string): Promise<Speaker | null> {
    const [row] = await tx.query<{ person_id: string; role: string; network_id: string }[]>(
      `SELECT p.id AS person_id, gm.role, g.network_id FROM person p
         JOIN group_member gm ON gm.person_id = p.id AND gm.group_id = $1
         JOIN work_group g ON g.id = gm.group_id
        WHERE p.matrix_user_id = $2 AND (gm.until IS NULL OR gm.until >= (now() AT TIME ZONE 'Europe/Berlin')::date)`,
      [groupId, matrixUserId],
    );
    return row ? { personId: row.person_id, role: row.role, groupId, networkId: row.network_id } : null;
  }

  private async nextMeeting(tx: EntityManager, groupId: string) {
    const [m] = await tx.query<{ id: string; title: string; starts_at: Date; time_zone: string }[]>(
      `SELECT id, title, starts_at, time_zone FROM meeting WHERE group_id = $1 AND NOT cancelled AND starts_at > now() ORDER BY starts_at LIMIT 1`,
      [groupId],
    );
    return m ?? null;
  }

  /** @name: a Matrix ID, a person's display name, or an organization's name, within the network. */
  private async resolveAssignee(tx: EntityManager, speaker: Speaker, name: string): Promise<{ personId: string | null; organizationId: string | null } | null> {
    const spaced = name.replace(/_/g, ' ');
    const [person] = await tx.query<{ id: string }[]>(
      `SELECT p.id FROM person p JOIN network_role r ON r.person_id = p.id AND r.network_id = $1
        WHERE p.matrix_user_id = $2 OR p.matrix_user_id = '@' || $2 OR lower(p.display_name) = lower($3) LIMIT 1`,
      [speaker.networkId, name, spaced],
    );
    if (person) return { personId: person.id, organizationId: null };
    const [org] = await tx.query<{ id: string }[]>(
      `SELECT o.id FROM organization o JOIN network_membership m ON m.organization_id = o.id AND m.network_id = $1 AND m.status = 'ACTIVE'
        WHERE lower(o.name) = lower($2) OR lower(o.name) = lower('Stadt ' || $2) LIMIT 1`,
      [speaker.networkId, spaced],
    );
    return org ? { personId: null, organizationId: org.id } : null;
  }
}
