import { registerEnumType } from '@nestjs/graphql';

/** What a document belongs to; who sees it follows that parent. */
export enum DocumentParentType {
  MEETING = 'MEETING',
  AGENDA_ITEM = 'AGENDA_ITEM',
  PROFILE = 'PROFILE',
  WEBINAR = 'WEBINAR',
  WORKSHOP = 'WORKSHOP',
}

registerEnumType(DocumentParentType, {
  name: 'DocumentParentType',
  description: 'a meeting, an agenda item, a project profile (Steckbrief), a webinar or a workshop (Digital-Werkstatt)',
});
