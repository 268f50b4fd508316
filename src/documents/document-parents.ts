import { DocumentParentType } from './document.enums.js';
import type { DocumentEntity } from './entities/document.entity.js';

/** The parent's foreign-key column (document.<column>). */
export const PARENT_COLUMN: Record<DocumentParentType, 'meetingId' | 'agendaItemId' | 'profileId' | 'webinarId' | 'workshopId'> = {
  [DocumentParentType.MEETING]: 'meetingId',
  [DocumentParentType.AGENDA_ITEM]: 'agendaItemId',
  [DocumentParentType.PROFILE]: 'profileId',
  [DocumentParentType.WEBINAR]: 'webinarId',
  [DocumentParentType.WORKSHOP]: 'workshopId',
};
export const SQL_COLUMN: Record<DocumentParentType, string> = {
  [DocumentParentType.MEETING]: 'meeting_id',
  [DocumentParentType.AGENDA_ITEM]: 'agenda_item_id',
  [DocumentParentType.PROFILE]: 'profile_id',
  [DocumentParentType.WEBINAR]: 'webinar_id',
  [DocumentParentType.WORKSHOP]: 'workshop_id',
};

export const parentIdOf = (d: DocumentEntity): string => d[PARENT_COLUMN[d.parentType]]!;

/** Bytes as German text: "2 MB", "1,5 MB". */
export const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;

/** "den" Tagesordnungspunkt, "die" Sitzung: the article for refusals. */
export function articleOf(type: DocumentParentType): string {
  return type === DocumentParentType.AGENDA_ITEM || type === DocumentParentType.PROFILE || type === DocumentParentType.WEBINAR ? 'den' : 'die';
}

/** Who may upload to a parent, for FORBIDDEN. */
export function uploaderOf(type: DocumentParentType): string {
  switch (type) {
    case DocumentParentType.MEETING:
    case DocumentParentType.AGENDA_ITEM:
      return 'Mitglieder der Gruppen der Sitzung';
    case DocumentParentType.PROFILE:
      return 'die, die den Steckbrief bearbeiten dürfen,';
    case DocumentParentType.WEBINAR:
      return 'die Veranstaltenden der Reihe';
    case DocumentParentType.WORKSHOP:
      return 'Teilnehmende und Moderation der Digital-Werkstatt';
  }
}
