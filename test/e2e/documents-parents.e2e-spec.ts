import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { knowledgeCast, profile, type KnowledgeCast } from '../support/knowledge-fixtures.js';
import { TestHub } from '../support/test-hub.js';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1f5bd8c0000000049454e44ae426082', 'hex');
const SERIES = 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }';
const SCHEDULE = 'mutation($input: ScheduleWebinarInput!) { scheduleWebinar(input: $input) { id } }';
const WORKSHOP = 'mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }';
const LIST = 'query($t: DocumentParentType!, $id: ID!) { documentsOf(parentType: $t, parentId: $id) { mayUpload documents { name mayChange } } }';

/** Who sees and adds documents follows each kind of parent's own rules (profiles, webinars, workshops). */
describe('documents on profiles, webinars and workshops', () => {
  let hub: TestHub;
  let c: KnowledgeCast;
  const upload = (token: string | null, parentType: string, parentId: string, body: Buffer, name: string) => {
    const req = hub.http.post(`/documents?parentType=${parentType}&parentId=${parentId}`);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.attach('file', body, { filename: name });
  };
  beforeAll(async () => {
    hub = await TestHub.start();
    c = await knowledgeCast(hub);
  });
  afterAll(() => hub.stop());

  it('a profile: its editors upload (a flyer, a photo); a PUBLIC profile\'s files are public, a NETWORK one\'s stay in the network', async () => {
    const open = await profile(hub, c.member, { title: 'Pegelmessung', organizationIds: [c.cityA], networkId: c.networkId, visibility: 'NETWORK' });
    const flyer = await upload(c.member.token, 'PROFILE', open.id, pdf('Flyer'), 'Flyer.pdf');
    expect(flyer.status).toBe(201);
    expect((await upload(c.colleague.token, 'PROFILE', open.id, PNG, 'Foto.png')).status).toBe(201); // acts for the same city
    expect((await upload(c.member2.token, 'PROFILE', open.id, pdf('x'), 'x.pdf')).status).toBe(403);
    expect((await upload(c.otherMember.token, 'PROFILE', open.id, pdf('x'), 'x.pdf')).status).toBe(404);
    expect((await hub.http.get(`/documents/${flyer.body.id}`).set('authorization', `Bearer ${c.member2.token}`)).status).toBe(200);
    expect((await hub.http.get(`/documents/${flyer.body.id}`)).status).toBe(404);
    expect((await hub.http.get(`/documents/${flyer.body.id}`).set('authorization', `Bearer ${c.outsider.token}`)).status).toBe(404);
    const { documentsOf } = await hub.ok(c.member2.token, LIST, { t: 'PROFILE', id: open.id });
    expect(documentsOf).toEqual({ mayUpload: false, documents: [{ name: 'Flyer.pdf', mayChange: false }, { name: 'Foto.png', mayChange: false }] });

    const pub = await profile(hub, c.agency, { title: 'Öffentlich', organizationIds: [c.agencyOrg], networkId: c.networkId, visibility: 'PUBLIC' });
    const photo = await upload(c.agency.token, 'PROFILE', pub.id, PNG, 'Foto.png');
    const anonymous = await hub.http.get(`/documents/${photo.body.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers['content-type']).toBe('image/png');
    expect(anonymous.headers['cache-control']).toBe('public, no-cache');
  });

  it('a webinar: its organizers upload the slides; who sees the webinar downloads them', async () => {
    const seriesId = (await hub.ok(c.agency.token, SERIES, { input: { title: 'Digital ins Wochenende', organizerId: c.agencyOrg, networkId: c.networkId, visibility: 'NETWORK' } })).createEventSeries.id;
    const startsAt = new Date(Date.now() + 48 * 3_600_000);
    const w = (await hub.ok(c.agency.token, SCHEDULE, { input: { seriesId, title: 'Mängelmelder', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) } })).scheduleWebinar;
    const slides = await upload(c.agency.token, 'WEBINAR', w.id, pdf('Folien'), 'Folien.pdf');
    expect(slides.status).toBe(201);
    expect((await upload(c.member.token, 'WEBINAR', w.id, pdf('x'), 'x.pdf')).status).toBe(403);
    expect((await hub.http.get(`/documents/${slides.body.id}`).set('authorization', `Bearer ${c.member.token}`)).status).toBe(200);
    expect((await hub.http.get(`/documents/${slides.body.id}`).set('authorization', `Bearer ${c.otherMember.token}`)).status).toBe(404);
  });

  it('a workshop: facilitators upload; people without a part in it do not see its files', async () => {
    const w = (await hub.ok(c.agency.token, WORKSHOP, { input: { title: 'Digital-Werkstatt', date: '2027-03-05', location: 'Bürgersaal', networkId: c.networkId, municipalityIds: [c.cityA] } })).createWorkshop;
    const plan = await upload(c.agency.token, 'WORKSHOP', w.id, pdf('Ablauf'), 'Ablauf.pdf');
    expect(plan.status).toBe(201);
    expect((await hub.http.get(`/documents/${plan.body.id}`).set('authorization', `Bearer ${c.otherMember.token}`)).status).toBe(404);
    expect((await hub.http.get(`/documents/${plan.body.id}`).set('authorization', `Bearer ${c.agency.token}`)).status).toBe(200);
  });
});
