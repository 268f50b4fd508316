export * from './recurrence.js';
export * from './holidays.js';
export { expandDates, ExpansionLimitError, EXPANSION_LIMITS, firstDate } from './expansion.js';
export { RULE_LIMITS } from './rrule-syntax.js';
export { describeRule } from './rule-text.js';
