// The page baselines (issue 24), one file per page: each registers POST /page/<Operation> for its
// documents (and GET routes for the HTTP reads) on the limit server.
import type { RegisterRoutes } from './common.js';
import { registerGroup } from './group.js';

export const BASELINES: RegisterRoutes[] = [registerGroup];
