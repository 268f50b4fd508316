import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { RoomCreationLock } from './room-creation-lock.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** The in-process part (the embedded database's whole lock); the advisory lock is tested against PostgreSQL in matrix-room-race. */
describe('RoomCreationLock within one process', () => {
  const lock = () => new RoomCreationLock(undefined as unknown as DataSource, false);

  it('runs creations of one alias one after another, also after a failure, and other aliases beside them', async () => {
    const l = lock();
    const log: string[] = [];
    const create = (name: string, fail = false) => async () => {
      log.push(`${name} start`);
      for (let i = 0; i < 3; i++) await tick();
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([l.run('a', create('a1', true)), l.run('a', create('a2')), l.run('b', create('b1')), l.run('a', create('a3'))]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual(['failed', 'a2', 'b1', 'a3']);
    const of = (prefix: string) => log.filter((e) => e.startsWith(prefix));
    expect(of('a')).toEqual(['a1 start', 'a1 end', 'a2 start', 'a2 end', 'a3 start', 'a3 end']);
    // b did not wait for a.
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });
});
