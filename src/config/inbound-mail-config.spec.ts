import { describe, expect, it } from '@jest/globals';
import { parseInboundMail } from './inbound-mail-config.js';

const parse = (env: Record<string, string>) => {
  const problems: string[] = [];
  return { config: parseInboundMail(env, problems), problems };
};

describe('inbound mail configuration', () => {
  it('is off by default (the embedded default needs neither IMAP nor SMTP)', () => {
    expect(parse({})).toEqual({ config: { imap: null, smtp: null, maxBytes: 2_000_000 }, problems: [] });
  });

  it('reads IMAP_URL: implicit TLS with imaps://, the mailbox from the path, user and password decoded', () => {
    const { config, problems } = parse({ IMAP_URL: 'imaps://antworten%40stadt.example:p%C3%A4ss%2Fwort@mail.stadt.example/Einladungen%2FAntworten', IMAP_POLL_SECONDS: '30' });
    expect(problems).toEqual([]);
    expect(config.imap).toEqual({
      host: 'mail.stadt.example', port: 993, secure: true, user: 'antworten@stadt.example', password: 'päss/wort',
      mailbox: 'Einladungen/Antworten', processedMailbox: 'Interkom', pollSeconds: 30, tlsInsecure: false,
    });
    expect(parse({ IMAP_URL: 'imap://u:p@[::1]:1143' }).config.imap).toMatchObject({ host: '::1', port: 1143, secure: false, mailbox: 'INBOX' });
    expect(parse({ IMAP_URL: 'imap://u:p@h/INBOX', IMAP_PROCESSED_MAILBOX: '' }).config.imap?.processedMailbox).toBeNull();
  });

  it('names every problem', () => {
    expect(parse({ IMAP_URL: 'https://h/INBOX' }).problems).toEqual(['IMAP_URL must be an imap:// or imaps:// URL, got "https://…"']);
    expect(parse({ IMAP_URL: 'imap://h/INBOX', IMAP_POLL_SECONDS: '0', IMAP_TLS_INSECURE: 'ja' }).problems).toEqual([
      'IMAP_URL names no user (imaps://user:password@host/INBOX)',
      'IMAP_POLL_SECONDS must be a positive number',
      'IMAP_TLS_INSECURE must be "true" or "false", got "ja"',
    ]);
    expect(parse({ IMAP_URL: 'imap://u:p@h/INBOX', IMAP_PROCESSED_MAILBOX: 'INBOX' }).problems).toEqual(['IMAP_PROCESSED_MAILBOX must differ from the mailbox replies arrive in']);
    expect(parse({ IMAP_POLL_SECONDS: '5' }).problems).toEqual(['IMAP_POLL_SECONDS needs IMAP_URL']);
    expect(parse({ INBOUND_SMTP_PORT: '70000' }).problems).toEqual(['INBOUND_SMTP_PORT must be an integer between 0 and 65535, got "70000"']);
    expect(parse({ INBOUND_SMTP_PORT: '2525', INBOUND_SMTP_TLS_CERT: '/x.pem' }).problems).toEqual(['INBOUND_SMTP_TLS_CERT and INBOUND_SMTP_TLS_KEY must be set together (or neither: no STARTTLS)']);
    expect(parse({ INBOUND_SMTP_HOST: '0.0.0.0' }).problems).toEqual(['INBOUND_SMTP_HOST, INBOUND_SMTP_TLS_CERT and INBOUND_SMTP_TLS_KEY need INBOUND_SMTP_PORT']);
    expect(parse({ INBOUND_MAX_BYTES: '100' }).problems).toEqual(['INBOUND_MAX_BYTES must be a whole number of at least 10000']);
  });

  it('reads the SMTP receiver', () => {
    expect(parse({ INBOUND_SMTP_PORT: '2525' }).config.smtp).toEqual({ host: '0.0.0.0', port: 2525, tls: null });
  });
});
