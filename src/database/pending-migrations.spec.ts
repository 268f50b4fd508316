import { describe, expect, it } from '@jest/globals';
import { MIGRATIONS } from '../../migrations/index.js';
import { KNOWN_MIGRATIONS, migrationName, pendingMigrations, readPendingMigrations } from './pending-migrations.js';

describe('pending migrations', () => {
  it('are the known ones the database has not applied, in the order of the build', () => {
    expect(pendingMigrations(['A1', 'B2', 'C3'], ['A1'])).toEqual(['B2', 'C3']);
    expect(pendingMigrations(['A1', 'B2', 'C3'], ['C3', 'A1'])).toEqual(['B2']);
    expect(pendingMigrations(['A1', 'B2'], [])).toEqual(['A1', 'B2']);
  });

  it('leave out what a newer version applied (an older process stays ready while the next one rolls out)', () => {
    expect(pendingMigrations(['A1', 'B2'], ['A1', 'B2', 'Newer3'])).toEqual([]);
  });

  it('are named as TypeORM records them: the name property, else the class name', () => {
    class Plain1700000000000 {}
    class Named1700000000001 {
      name = 'Recorded1700000000001';
    }
    expect(migrationName(Plain1700000000000)).toBe('Plain1700000000000');
    expect(migrationName(Named1700000000001)).toBe('Recorded1700000000001');
    expect(KNOWN_MIGRATIONS).toHaveLength(MIGRATIONS.length);
    expect(new Set(KNOWN_MIGRATIONS).size).toBe(MIGRATIONS.length);
  });

  it('are all of them on a database without a migrations table, and other failures are thrown', async () => {
    const missing = Object.assign(new Error('relation "migrations" does not exist'), { code: '42P01' });
    await expect(readPendingMigrations(() => Promise.reject(missing), ['A1', 'B2'])).resolves.toEqual(['A1', 'B2']);
    const wrapped = Object.assign(new Error('query failed'), { driverError: { code: '42P01' } });
    await expect(readPendingMigrations(() => Promise.reject(wrapped), ['A1'])).resolves.toEqual(['A1']);
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    await expect(readPendingMigrations(() => Promise.reject(refused), ['A1'])).rejects.toThrow('ECONNREFUSED');
    await expect(readPendingMigrations(() => Promise.resolve([{ name: 'A1' }]), ['A1', 'B2'])).resolves.toEqual(['B2']);
  });
});
