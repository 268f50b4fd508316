import { describe, expect, it } from '@jest/globals';
import { isConnectionLoss } from './resilience.js';

describe('isConnectionLoss', () => {
  it.each([
    ['an administrator ending the session', { code: '57P01', message: 'terminating connection due to administrator command' }],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a database that accepts no connections', { code: '55000', message: 'database "x" is not currently accepting connections' }],
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
    ['TypeORM wrapping a lost connection', { message: 'Query failed', driverError: { code: '57P01' } }],
    ['a connection exception class', { code: '08006', message: 'connection failure' }],
    ['TypeORM refusing a runner it released after the connection failed', { name: 'QueryRunnerProviderAlreadyReleasedError', message: 'Database connection provided by a query runner was already released' }],
    ['TypeORM 1.1 refusing the next statement of a transaction whose connection died', { name: 'QueryRunnerAlreadyReleasedError', message: 'Query runner already released. Cannot run queries anymore.' }],
  ])('recognizes %s', (_what, error) => {
    expect(isConnectionLoss(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505', message: 'duplicate key value' }],
    ['an encoding error', { code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }],
    ['a serialization failure', { code: '40001', message: 'could not serialize access' }],
    ['nothing', null],
  ])('does not take %s for one (retrying it could double a write)', (_what, error) => {
    expect(isConnectionLoss(error)).toBe(false);
  });
});
