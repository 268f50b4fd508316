// An e-mail address is used only when the issuer verified it (issue 19.3): a token whose
// `email_verified` is false or missing leaves the person without an address, so nobody finds them
// by it and no invitation goes to it; once verified, the next sign-in takes it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { MailOutboxProcessor } from '../../src/mail/mail-outbox.processor.js';
import { addGroupMember, setRole, uniq } from '../support/factories.js';
import { cast, meeting, type Cast } from '../support/meeting-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TestHub } from '../support/test-hub.js';

const ME = '{ me { id email } }';
const BY_EMAIL = 'query($email: String!) { personByEmail(email: $email) { id } }';

describe('e-mail addresses only when verified', () => {
  let sink: SmtpSink;
  let hub: TestHub;
  let c: Cast;
  beforeAll(async () => {
    sink = await SmtpSink.start();
    hub = await TestHub.start({ SMTP_URL: sink.url, MAIL_OUTBOX_WORKER: 'false' });
    c = await cast(hub);
  });
  afterAll(async () => {
    await hub.stop();
    await sink.stop();
  });

  it('keeps no address a token does not call verified, finds nobody by it and mails nobody at it', async () => {
    const victim = `buergermeisterin-${uniq()}@bretten.example`;
    const tokens = {
      unverified: await hub.token(`claimer-${uniq()}`, { claims: { email: victim, email_verified: false } }),
      unsaid: await hub.token(`claimer-${uniq()}`, { claims: { email: victim, email_verified: undefined } }),
      asText: await hub.token(`claimer-${uniq()}`, { claims: { email: victim, email_verified: 'true' } }),
    };
    for (const [kind, token] of Object.entries(tokens)) {
      const { me } = await hub.ok(token, ME);
      expect({ kind, email: me.email }).toEqual({ kind, email: null });
      // A network ADMIN looking for the address finds nobody (the hub admin of the cast is one).
      expect(await hub.ok(c.root.token, BY_EMAIL, { email: victim })).toEqual({ personByEmail: null });
      // Made a member of a group, the claimer gets no invitation at the claimed address.
      await setRole(hub, c.root, c.networkId, me.id, 'MEMBER', c.city);
      await addGroupMember(hub, c.agency, c.groupId, me.id, 'MEMBER', { organizationId: c.city });
    }
    await meeting(hub, c.agency, c.groupId, 30);
    await hub.hub.app.get(MailOutboxProcessor).drain();
    expect(sink.to(`${c.member.username}@example.org`).length).toBeGreaterThan(0); // the verified member got theirs
    expect(sink.to(victim)).toEqual([]);
  });

  it('takes the address at the first sign-in after verification, and drops it when a token no longer vouches for it', async () => {
    const username = `later-${uniq()}`;
    const address = `${username}@gaggenau.example`;
    expect((await hub.ok(await hub.token(username, { claims: { email: address, email_verified: false } }), ME)).me.email).toBeNull();
    expect((await hub.ok(await hub.token(username, { claims: { email: address, email_verified: true } }), ME)).me.email).toBe(address);
    expect((await hub.ok(c.root.token, BY_EMAIL, { email: address })).personByEmail).not.toBeNull();
    // Changed in Keycloak to an address not verified yet: the old one is not kept either (it may be gone).
    expect((await hub.ok(await hub.token(username, { claims: { email: `neu-${address}`, email_verified: false } }), ME)).me.email).toBeNull();
  });

  it('ships a Keycloak realm that makes people verify their address, once per realm', () => {
    const realm = JSON.parse(readFileSync('deploy/keycloak/interkom-realm.json', 'utf8'));
    expect(realm).toMatchObject({ verifyEmail: true, duplicateEmailsAllowed: false });
  });
});
