import type { RegisterRoutes } from './common.js';

export const registerOparlList: RegisterRoutes = () => {};
