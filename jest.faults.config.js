// The fault tests (npm run test:faults): the hub as a real child process, killed, signalled and
// cut off from its database. Slow (minutes) and sequential, so apart from the main suite.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  maxWorkers: 1,
  testTimeout: 600_000,
};
