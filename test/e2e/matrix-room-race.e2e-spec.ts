import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MatrixBridgeService } from '../../src/matrix/matrix-bridge.service.js';
import { actor, group, network, type Actor } from '../support/factories.js';
import { matrixApi, SYNAPSE, SYNAPSE_HUB_ENV } from '../support/synapse.js';
import { freshDatabase, TestHub } from '../support/test-hub.js';

const MATRIX_ENV = {
  ...SYNAPSE_HUB_ENV,
  MATRIX_OUTBOX_WORKER: 'false', // the test calls the bridges itself
  MATRIX_TIMEOUT_MS: '5000',
};

type State = { type: string; state_key: string; content: Record<string, any> }[];
const enc = encodeURIComponent;
const roomState = (roomId: string) => matrixApi<State>('GET', `/rooms/${enc(roomId)}/state`);
const joinedRooms = async () => new Set((await matrixApi<{ joined_rooms: string[] }>('GET', '/joined_rooms')).joined_rooms);
const resolve = async (alias: string) =>
  (await matrixApi<{ room_id: string }>('GET', `/directory/room/${enc(`#${alias}:${SYNAPSE.serverName}`)}`)).room_id;

/**
 * Issue 13 (P3): two hub processes (two apps, each with its own bridge and connection pool, on one
 * database) create the same network Space, the "Projektgruppen" sub-Space and group rooms at the
 * same time, as NetworkCreated in one process and a group's first announcement in the other do.
 * Every alias gets exactly one room, each complete (the bot's power level, the hub's marker) and
 * linked into its Space, and every caller gets that room.
 */
describe('creating the same Matrix rooms from two processes at once', () => {
  let a: TestHub;
  let b: TestHub;
  let root: Actor;

  beforeAll(async () => {
    const DATABASE_URL = await freshDatabase('roomrace');
    a = await TestHub.start({ ...MATRIX_ENV, DATABASE_URL });
    b = await TestHub.start({ ...MATRIX_ENV, DATABASE_URL });
    root = await actor(a, 'root', { admin: true });
  }, 120_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it.each([1, 2, 3])('makes one complete room per alias (round %i)', async () => {
    const net = await network(a, root, 'APPROVAL');
    const plenum = await group(a, root, net.id, 'PLENUM');
    const project = await group(a, root, net.id, 'PROJECT_GROUP', { parentGroupId: plenum });
    const [x, y] = [a.hub.app.get(MatrixBridgeService), b.hub.app.get(MatrixBridgeService)];
    const before = await joinedRooms();

    const results = await Promise.allSettled([
      x.ensureSpace(net.id),
      y.ensureRoom(project),
      x.ensureRoom(plenum),
      y.ensureSpace(net.id),
      x.ensureRoom(project),
      y.ensureProjectSpace(net.id),
      y.ensureRoom(plenum),
      x.ensureProjectSpace(net.id),
    ]);
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    const [space1, project1, plenum1, space2, project2, sub1, plenum2, sub2] = results.map((r) => (r as PromiseFulfilledResult<string>).value);

    // Every caller got the room its alias names, and the hub stored those.
    const space = await resolve(`interkom-net-${net.id}`);
    const sub = await resolve(`interkom-net-${net.id}-projekte`);
    const rooms = { [plenum]: await resolve(`interkom-grp-${plenum}`), [project]: await resolve(`interkom-grp-${project}`) };
    expect([space1, space2]).toEqual([space, space]);
    expect([sub1, sub2]).toEqual([sub, sub]);
    expect([plenum1, plenum2]).toEqual([rooms[plenum], rooms[plenum]]);
    expect([project1, project2]).toEqual([rooms[project], rooms[project]]);
    const [stored] = await a.hub.app.get(DataSource).query<{ space: string; plenum: string; project: string }[]>(
      `SELECT (SELECT matrix_space_id FROM network WHERE id = $1) AS space, (SELECT matrix_room_id FROM work_group WHERE id = $2) AS plenum,
              (SELECT matrix_room_id FROM work_group WHERE id = $3) AS project`,
      [net.id, plenum, project],
    );
    expect(stored).toEqual({ space, plenum: rooms[plenum], project: rooms[project] });

    // Exactly one room per alias: the rooms the bot got into meanwhile that carry this network's or groups' marker.
    const mine: Record<string, number> = {};
    for (const roomId of [...(await joinedRooms())].filter((id) => !before.has(id))) {
      for (const e of await roomState(roomId)) {
        const key =
          e.type === 'net.interkom.network' && e.content.networkId === net.id ? (e.content.level ? 'sub' : 'space')
          : e.type === 'net.interkom.group' && [plenum, project].includes(e.content.groupId) ? e.content.groupId
          : null;
        if (key) mine[key] = (mine[key] ?? 0) + 1;
      }
    }
    expect(mine).toEqual({ space: 1, sub: 1, [plenum]: 1, [project]: 1 });

    // Each complete: the bot's power level, the marker; and linked into its Space both ways.
    const state = Object.fromEntries(await Promise.all([space, sub, rooms[plenum], rooms[project]].map(async (id) => [id, await roomState(id)] as const)));
    for (const id of [space, sub, rooms[plenum], rooms[project]]) {
      const levels = state[id].find((e) => e.type === 'm.room.power_levels');
      expect(levels?.content.users?.[SYNAPSE.bot]).toBe(100);
      expect(state[id].some((e) => e.type.startsWith('net.interkom.'))).toBe(true);
    }
    const children = (id: string) => state[id].filter((e) => e.type === 'm.space.child' && e.content.via).map((e) => e.state_key).sort();
    const parents = (id: string) => state[id].filter((e) => e.type === 'm.space.parent' && e.content.via).map((e) => e.state_key);
    expect(children(space)).toEqual([sub, rooms[plenum]].sort());
    expect(children(sub)).toEqual([rooms[project]]);
    expect(parents(sub)).toEqual([space]);
    expect(parents(rooms[plenum])).toEqual([space]);
    expect(parents(rooms[project])).toEqual([sub]);
  }, 120_000);
});
