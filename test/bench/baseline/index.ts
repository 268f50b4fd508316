// The page baselines (issue 24), one file per page: each registers POST /page/<Operation> for its
// documents (and GET routes for the HTTP reads) on the limit server.
import type { RegisterRoutes } from './common.js';
import { registerNetwork } from './network.js';
import { registerOverview } from './overview.js';

export const BASELINES: RegisterRoutes[] = [registerOverview, registerNetwork];
