export * from './recurrence.js';
export * from './holidays.js';
