// The page baselines (issue 24), one file per page: each registers POST /page/<Operation> for its
// documents (and GET routes for the HTTP reads) on the limit server.
import { registerCalendar } from './calendar.js';
import type { RegisterRoutes } from './common.js';
import { registerFeeds } from './feeds.js';
import { registerGroup } from './group.js';
import { registerMeeting } from './meeting.js';
import { registerNetwork } from './network.js';
import { registerOverview } from './overview.js';
import { registerRsvp } from './rsvp.js';
import { registerSearch } from './search.js';
import { registerSmallPages } from './small-pages.js';

export const BASELINES: RegisterRoutes[] = [
  registerSmallPages, registerOverview, registerNetwork, registerGroup, registerMeeting, registerRsvp, registerCalendar, registerSearch, registerFeeds,
];
