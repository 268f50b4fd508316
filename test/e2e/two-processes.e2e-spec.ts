import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HubProcess } from '../support/hub-processes.js';
import { KeycloakIssuer } from '../support/keycloak-issuer.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { workerDatabaseUrl, type TestHub } from '../support/test-hub.js';

const ADD_ITEM = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
const MOVE = 'mutation($input: MoveAgendaItemInput!) { moveAgendaItem(input: $input) { id position } }';
const START = 'mutation($input: StartProtocolInput!) { startProtocol(input: $input) { id version } }';
const ENTRY = 'mutation($input: UpdateProtocolEntryInput!) { updateProtocolEntry(input: $input) { version entries { notes } } }';
const READ = 'query($id: ID!) { meeting(id: $id) { agenda { id position } protocol { version entries { notes } revisions { version } } } }';

/**
 * Issue 13: several hub instances on one PostgreSQL keep the same guarantees as one. Two hubs run
 * as separate OS processes on this worker's database; requests alternate between them.
 */
describe('two hub processes on one database', () => {
  let issuer: KeycloakIssuer;
  let a: HubProcess;
  let b: HubProcess;
  let c: Cast;
  beforeAll(async () => {
    issuer = await new KeycloakIssuer().start();
    // One after the other: the first applies the migrations, the second finds none to run.
    a = await HubProcess.start(issuer, workerDatabaseUrl());
    b = await HubProcess.start(issuer, workerDatabaseUrl());
    c = await cast(a as unknown as TestHub);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await issuer?.stop();
  });

  const either = (i: number) => (i % 2 ? b : a);

  it('are two processes', () => {
    expect(a.child.pid).not.toBe(b.child.pid);
    expect(a.url).not.toBe(b.url);
  });

  it('let exactly one of 20 concurrent protocol edits with the same expectedVersion win across both', async () => {
    const meetingId = await meeting(a as unknown as TestHub, c.lead, c.groupId, -1);
    const item = (await b.ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: 'Gateways' } })).addAgendaItem.id;
    const protocolId = (await a.ok(c.lead.token, START, { input: { meetingId } })).startProtocol.id;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        either(i).gql(c.lead.token, ENTRY, { input: { protocolId, agendaItemId: item, notes: `Fassung ${i}`, expectedVersion: 1 } }),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    for (const hub of [a, b]) {
      const { protocol } = (await hub.ok(c.lead.token, READ, { id: meetingId })).meeting;
      expect(protocol.version).toBe(2);
      expect(protocol.entries).toEqual(winners[0].data.updateProtocolEntry.entries);
      expect(protocol.revisions.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    }
  });

  it('keep agenda positions 1..n unique under 20 concurrent moves sent to both', async () => {
    const meetingId = await meeting(a as unknown as TestHub, c.lead, c.groupId, 40);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await either(i).ok(c.lead.token, ADD_ITEM, { input: { meetingId, title: `TOP ${i}` } })).addAgendaItem.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => either(i).gql(c.lead.token, MOVE, { input: { agendaItemId: ids[i % 8], position: ((i * 5) % 8) + 1 } })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    for (const hub of [a, b]) {
      const { agenda } = (await hub.ok(c.lead.token, READ, { id: meetingId })).meeting;
      expect(agenda.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(new Set(agenda.map((i: { id: string }) => i.id))).toEqual(new Set(ids));
    }
  });

  it('see a role given through one process on the very next request to the other (no process-local cache)', async () => {
    const GROUP = 'query($id: ID!) { group(id: $id) { id } }';
    const newcomerToken = await b.token(`newcomer-${Date.now()}`);
    const { me } = await b.ok(newcomerToken, '{ me { id } }');
    expect((await b.gql(newcomerToken, GROUP, { id: c.groupId })).data?.group ?? null).toBeNull();
    await a.ok(c.root.token, 'mutation($input: SetNetworkRoleInput!) { setNetworkRole(input: $input) { role } }', {
      input: { networkId: c.networkId, personId: me.id, role: 'MEMBER' },
    });
    expect((await b.ok(newcomerToken, GROUP, { id: c.groupId })).group).toEqual({ id: c.groupId });
  });
});
