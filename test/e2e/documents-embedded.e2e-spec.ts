import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentObjectSweeper } from '../../src/documents/document-object-sweeper.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { TestHub } from '../support/test-hub.js';

/** The embedded default (PGlite, no DATABASE_URL): documents under DATA_DIR/files, which the backup archives with DATA_DIR. */
describe('documents on the embedded default', () => {
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    hub = await TestHub.start({ DATABASE_URL: '' });
    c = await cast(hub);
  }, 120_000);
  afterAll(() => hub.stop());

  it('uploads into DATA_DIR/files, serves the bytes and removes them after the commit', async () => {
    const meetingId = await meeting(hub, c.lead, c.groupId, 2);
    const bytes = Buffer.from('%PDF-1.7\n% eingebettet\n%%EOF\n');
    const up = await hub.http.post(`/documents?parentType=MEETING&parentId=${meetingId}`).set('authorization', `Bearer ${c.member.token}`).attach('file', bytes, { filename: 'Tagesordnung.pdf' });
    expect(up.status).toBe(201);
    const root = join(hub.hub.config.dataDir, 'files', 'documents', up.body.id);
    expect(readdirSync(root)).toHaveLength(1);
    const got = await hub.http.get(`/documents/${up.body.id}`).set('authorization', `Bearer ${c.member.token}`).buffer(true);
    expect(got.status).toBe(200);
    expect(Number(got.headers['content-length'])).toBe(bytes.length);
    await hub.ok(c.member.token, 'mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) }', { input: { documentId: up.body.id } });
    const sweeper = hub.hub.app.get(DocumentObjectSweeper);
    await sweeper.settled();
    await sweeper.sweep();
    expect(existsSync(root)).toBe(false);
  });
});
