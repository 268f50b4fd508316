// Matrix IDs and names reach only whom the person lets them reach (issue 19.4): a Matrix ID is
// visible where the e-mail is (the person, hub admins, ADMINs of the person's networks), through
// every path (profiles' createdBy and contact, webinar speakers, a network's people); a speaker who
// is a person of the hub is named without sign-in only with their consent (publicProfile).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { knowledgeCast, profile, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { TestHub } from '../support/test-hub.js';

const PERSON = 'id displayName matrixUserId';
const PROFILE = `query($id: ID!) { projectProfile(id: $id) { createdBy { ${PERSON} } contact { ${PERSON} } } }`;
const WEBINAR = `query($id: ID!) { webinar(id: $id) { speakers { name role person { ${PERSON} } } } }`;
const PEOPLE = `query { networks { id people { person { ${PERSON} } } } }`;
const LINK = 'mutation($input: LinkMatrixAccountInput!) { linkMatrixAccount(input: $input) { id } }';
const CONSENT = 'mutation($input: PrivacySettingsInput!) { setPrivacySettings(input: $input) { publicProfile } }';

describe('Matrix IDs and speakers\' names', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  let matrixId: string;
  let profileId: string;
  let webinarId: string;
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
    matrixId = `@${c.member.username}:matrix.bretten.example`;
    await hub.ok(c.member.token, LINK, { input: { matrixUserId: matrixId } });
    profileId = (await profile(hub, c.member, { title: 'Mängelmelder', organizationIds: [c.cityA], contactId: c.member.id, visibility: 'HUB' })).id;
    const series = (await hub.ok(c.agency.token, 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }', {
      input: { title: 'Digital ins Wochenende', organizerId: c.agencyOrg, networkId: c.networkId, visibility: 'PUBLIC' },
    })).createEventSeries.id;
    webinarId = (await hub.ok(c.agency.token, 'mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) { id } }', {
      input: {
        seriesId: series, title: 'Mängelmelder in der Praxis', startsAt: '2031-05-09T08:00:00Z', endsAt: '2031-05-09T09:00:00Z',
        speakers: [{ name: 'Erika Muster', role: 'Digitallotsin', personId: c.member.id }, { name: 'Prof. Gast', role: 'Hochschule' }],
      },
    })).scheduleWebinar.id;
  });
  afterAll(() => hub.stop());

  const matrixIdsSeenBy = async (token: string | null) => {
    const seen = JSON.stringify([
      await hub.ok(token, PROFILE, { id: profileId }),
      await hub.ok(token, WEBINAR, { id: webinarId }),
      token ? await hub.ok(token, PEOPLE, {}) : null,
    ]);
    return seen.includes(matrixId);
  };

  it('shows a Matrix ID to the person, hub admins and the ADMINs of their network only', async () => {
    expect(await matrixIdsSeenBy(c.member.token)).toBe(true);
    expect(await matrixIdsSeenBy(c.operator.token)).toBe(true);
    expect(await matrixIdsSeenBy(c.admin.token)).toBe(true);
    for (const other of [c.outsider, c.otherMember, c.colleague, c.agency]) expect(await matrixIdsSeenBy(other.token)).toBe(false);
    expect(await matrixIdsSeenBy(null)).toBe(false);
  });

  it('names a speaker who is a person of the hub without sign-in only with their consent; announced guests as typed', async () => {
    const anonymous = async () => (await hub.ok(null, WEBINAR, { id: webinarId })).webinar.speakers;
    expect(await anonymous()).toEqual([
      { name: 'Nicht öffentlich genannt', role: 'Digitallotsin', person: null },
      { name: 'Prof. Gast', role: 'Hochschule', person: null },
    ]);
    expect(JSON.stringify(await anonymous())).not.toContain('Erika');
    // Signed in, everyone sees the programme as announced.
    expect((await hub.ok(c.outsider.token, WEBINAR, { id: webinarId })).webinar.speakers[0]).toMatchObject({ name: 'Erika Muster', person: { id: c.member.id, matrixUserId: null } });
    await hub.ok(c.member.token, CONSENT, { input: { publicProfile: true } });
    expect((await anonymous())[0]).toEqual({ name: 'Erika Muster', role: 'Digitallotsin', person: { id: c.member.id, displayName: expect.any(String), matrixUserId: null } });
  });
});
