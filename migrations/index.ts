import { Foundation1795288966766 } from './1795288966766-Foundation.js';
import { Meetings1795290764363 } from './1795290764363-Meetings.js';
import { Scheduling1795291257060 } from './1795291257060-Scheduling.js';
import { MatrixOutbox1795291721693 } from './1795291721693-MatrixOutbox.js';
import { ChatAndReminders1795292055957 } from './1795292055957-ChatAndReminders.js';
import { MatrixBindings1795292338019 } from './1795292338019-MatrixBindings.js';
import { GroupsAndPrivacy1795768773999 } from './1795768773999-GroupsAndPrivacy.js';
import { KnowledgeAndEvents1795771012630 } from './1795771012630-KnowledgeAndEvents.js';
import { ReachAndInterop1795773620068 } from './1795773620068-ReachAndInterop.js';
import { OparlPublicFiles1795781350339 } from './1795781350339-OparlPublicFiles.js';
import { OutboxLeaseToken1795781506469 } from './1795781506469-OutboxLeaseToken.js';
import { OparlChangeMarker1795782146569 } from './1795782146569-OparlChangeMarker.js';
import { OutboxClaimOrder1795785468680 } from './1795785468680-OutboxClaimOrder.js';
import { OparlSystemRow1796623017171 } from './1796623017171-OparlSystemRow.js';
import { PersonHubAdmin1796623266698 } from './1796623266698-PersonHubAdmin.js';
import { ProtocolPublishedBy1796648956820 } from './1796648956820-ProtocolPublishedBy.js';
import { ActionItemClosed1796649012945 } from './1796649012945-ActionItemClosed.js';
import { ProtocolCorrection1796655348014 } from './1796655348014-ProtocolCorrection.js';
import { AttendanceForAnyone1796655358183 } from './1796655358183-AttendanceForAnyone.js';
import { ProtocolReview1796655415240 } from './1796655415240-ProtocolReview.js';
import { OutboxEventAggregateIndex1796662800000 } from './1796662800000-OutboxEventAggregateIndex.js';
import { WebinarAttendance1796666800065 } from './1796666800065-WebinarAttendance.js';
import { WorkshopDots1796667247126 } from './1796667247126-WorkshopDots.js';
import { Rsvp1796679093166 } from './1796679093166-Rsvp.js';

/** Every migration, in order. Listed explicitly: globs break between jest/ESM and the build. */
export const MIGRATIONS: Function[] = [Foundation1795288966766, Meetings1795290764363, Scheduling1795291257060, MatrixOutbox1795291721693, ChatAndReminders1795292055957, MatrixBindings1795292338019, GroupsAndPrivacy1795768773999, KnowledgeAndEvents1795771012630, ReachAndInterop1795773620068, OparlPublicFiles1795781350339, OutboxLeaseToken1795781506469, OparlChangeMarker1795782146569, OutboxClaimOrder1795785468680, OparlSystemRow1796623017171, PersonHubAdmin1796623266698, ProtocolPublishedBy1796648956820, ActionItemClosed1796649012945, ProtocolCorrection1796655348014, AttendanceForAnyone1796655358183, ProtocolReview1796655415240, OutboxEventAggregateIndex1796662800000, WebinarAttendance1796666800065, WorkshopDots1796667247126, Rsvp1796679093166];
