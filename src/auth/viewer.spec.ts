import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { PersonEntity } from '../people/person.entity.js';
import { Viewer } from './viewer.js';

/** A stand-in for the database: answers each query from a script, one step per call. */
function scriptedDb(steps: (() => Promise<unknown[]>)[]) {
  const calls: string[] = [];
  const db = {
    query: (sql: string) => {
      calls.push(sql);
      const step = steps.shift();
      if (!step) throw new Error('unexpected query');
      return step();
    },
  } as unknown as DataSource;
  return { db, calls };
}

const lost = () => Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' }));
const person = { id: 'p1' } as PersonEntity;

describe('Viewer', () => {
  it('reads the roles once per request when the read succeeds', async () => {
    const { db, calls } = scriptedDb([async () => [{ network_id: 'n1', role: 'ADMIN' }]]);
    const viewer = new Viewer(person, false, db);
    expect(await viewer.networkRole('n1')).toBe('ADMIN');
    expect(await viewer.networkRole('n2')).toBeNull();
    expect(await viewer.networkIds()).toEqual(['n1']);
    expect(calls).toHaveLength(1);
  });

  it('does not keep a failed read of the network roles: the retry reads again', async () => {
    const { db, calls } = scriptedDb([lost, async () => [{ network_id: 'n1', role: 'MODERATOR' }]]);
    const viewer = new Viewer(person, false, db);
    await expect(viewer.networkRole('n1')).rejects.toThrow('Connection terminated');
    expect(await viewer.networkRole('n1')).toBe('MODERATOR');
    expect(calls).toHaveLength(2);
  });

  it('does not keep a failed read of the group roles either', async () => {
    const { db, calls } = scriptedDb([lost, async () => [{ group_id: 'g1', role: 'LEAD' }]]);
    const viewer = new Viewer(person, false, db);
    await expect(viewer.groupRole('g1')).rejects.toThrow('Connection terminated');
    expect(await viewer.groupRole('g1')).toBe('LEAD');
    expect(await viewer.groupIds()).toEqual(['g1']);
    expect(calls).toHaveLength(2);
  });

  it('shares one read between checks made while it is under way, and a failure between them', async () => {
    const { db, calls } = scriptedDb([lost, async () => [{ network_id: 'n1', role: 'MEMBER' }]]);
    const viewer = new Viewer(person, false, db);
    const both = await Promise.allSettled([viewer.networkRole('n1'), viewer.networkIds()]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await viewer.networkRole('n1')).toBe('MEMBER');
    expect(calls).toHaveLength(2);
  });

  it('answers without a promise once the roles are read (with the sign-in or later), and forgets them on invalidate', async () => {
    const signedIn = new Viewer(person, false, scriptedDb([]).db, { network: [['n1', 'ADMIN' as never]], group: [['g1', 'LEAD' as never]] });
    expect(signedIn.networkRoleNow('n1')).toBe('ADMIN');
    expect(signedIn.networkRoleNow('n2')).toBeNull();
    expect(signedIn.groupRoleNow('g1')).toBe('LEAD');
    const { db, calls } = scriptedDb([async () => [{ network_id: 'n1', role: 'MEMBER' }], async () => []]);
    const lazy = new Viewer(person, false, db);
    expect(lazy.networkRoleNow('n1')).toBeUndefined(); // not read yet: the caller must wait
    await lazy.loadRoles();
    expect(lazy.networkRoleNow('n1')).toBe('MEMBER');
    expect(lazy.groupRoleNow('g1')).toBeNull();
    lazy.invalidate();
    expect(lazy.networkRoleNow('n1')).toBeUndefined();
    expect(calls).toHaveLength(2);
  });
});

describe('AccessService: the same answer with and without a promise', () => {
  it('groupAccess and groupView agree with their *Now forms for every role combination', async () => {
    const { AccessService } = await import('./access.service.js');
    const access = new AccessService();
    const group = { id: 'g1', networkId: 'n1' };
    for (const networkRole of [null, 'MEMBER', 'MODERATOR', 'ADMIN']) {
      for (const groupRole of [null, 'GUEST', 'MEMBER', 'MODERATOR', 'LEAD']) {
        for (const hubAdmin of [false, true]) {
          const roles = { network: networkRole ? [['n1', networkRole]] : [], group: groupRole ? [['g1', groupRole]] : [] } as never;
          const viewer = new Viewer(person, hubAdmin, scriptedDb([]).db, roles);
          const lazyDb = scriptedDb([async () => (networkRole ? [{ network_id: 'n1', role: networkRole }] : []), async () => (groupRole ? [{ group_id: 'g1', role: groupRole }] : [])]);
          const lazy = new Viewer(person, hubAdmin, lazyDb.db);
          const expected = await access.groupAccess(lazy, group);
          expect([networkRole, groupRole, hubAdmin, access.groupAccessNow(viewer, group)]).toEqual([networkRole, groupRole, hubAdmin, expected]);
          expect(access.groupViewNow(viewer, group)).toBe(await access.groupView(lazy, group));
        }
      }
    }
    // Reference points of the rule: a network MEMBER outside the group sees its public face only.
    const member = new Viewer(person, false, scriptedDb([]).db, { network: [['n1', 'MEMBER' as never]], group: [] });
    expect([access.groupAccessNow(member, group), access.groupViewNow(member, group)]).toEqual([null, 'network']);
  });
});
