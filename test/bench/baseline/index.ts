// The page baselines (issue 24), one file per page: each registers POST /page/<Operation> for its
// documents (and GET routes for the HTTP reads) on the limit server.
import type { RegisterRoutes } from './common.js';
import { registerMeeting } from './meeting.js';
import { registerRsvp } from './rsvp.js';

export const BASELINES: RegisterRoutes[] = [registerMeeting, registerRsvp];
