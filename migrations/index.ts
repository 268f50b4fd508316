import { Foundation1795288966766 } from './1795288966766-Foundation.js';

/** Every migration, in order. Listed explicitly: globs break between jest/ESM and the build. */
export const MIGRATIONS: Function[] = [Foundation1795288966766];
