export * from './recurrence.js';
export * from './holidays.js';
export { ExpansionLimitError, EXPANSION_LIMITS } from './expansion.js';
export { RULE_LIMITS } from './rrule-syntax.js';
export { describeRule } from './rule-text.js';
