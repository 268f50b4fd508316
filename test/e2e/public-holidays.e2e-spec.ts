import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { knowledgeCast, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { codeOf, TestHub } from '../support/test-hub.js';

const HOLIDAYS = 'query($from: Date!, $to: Date!) { publicHolidays(from: $from, to: $to) { date name regions } }';

/** The calendar's holidays: those of the federal states of the caller's organizations (date-holidays, as for series). */
describe('publicHolidays', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
  });
  afterAll(() => hub.stop());

  it("gives the holidays of the caller's Land: Fronleichnam for a city in Baden-Württemberg, not Reformationstag", async () => {
    const { publicHolidays } = await hub.ok(c.member.token, HOLIDAYS, { from: '2031-05-01', to: '2031-10-31' });
    const names = publicHolidays.map((h: { name: string }) => h.name);
    expect(publicHolidays[0]).toEqual({ date: '2031-05-01', name: expect.stringMatching(/Maifeiertag|Tag der Arbeit/), regions: ['DE-BW'] });
    expect(names).toContain('Fronleichnam');
    expect(names).not.toContain('Reformationstag');
  });

  it('gives the nationwide holidays to someone without an organization, and refuses a reversed or too long range', async () => {
    const { publicHolidays } = await hub.ok(c.outsider.token, HOLIDAYS, { from: '2031-10-01', to: '2031-10-31' });
    expect(publicHolidays.map((h: { date: string }) => h.date)).toEqual(['2031-10-03']);
    expect(codeOf(await hub.gql(c.member.token, HOLIDAYS, { from: '2031-05-02', to: '2031-05-01' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub.gql(c.member.token, HOLIDAYS, { from: '2031-01-01', to: '2033-01-01' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await hub.gql(null, HOLIDAYS, { from: '2031-05-01', to: '2031-05-31' }))).toBe('UNAUTHENTICATED');
  });
});
