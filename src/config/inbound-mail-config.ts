import { readFileSync } from 'node:fs';

/**
 * Where iMIP replies (Zusagen/Absagen from mail programs) come in. Both channels are optional and
 * independent; the embedded default has neither and the hub then only sends invitations.
 */
export interface InboundMailConfig {
  /** IMAP_URL: a mailbox the hub reads; null = off. */
  readonly imap: ImapConfig | null;
  /** INBOUND_SMTP_PORT: the hub accepts replies itself over SMTP; null = off. */
  readonly smtp: InboundSmtpConfig | null;
  /** INBOUND_MAX_BYTES: larger messages are not read (counted as `too-large`). */
  readonly maxBytes: number;
}

export interface ImapConfig {
  readonly host: string;
  readonly port: number;
  /** imaps:// = implicit TLS; imap:// = STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly user: string;
  readonly password: string;
  /** The folder replies arrive in (the URL's path, default INBOX). */
  readonly mailbox: string;
  /** IMAP_PROCESSED_MAILBOX: where read messages are moved (created when missing); empty = they stay, flagged. */
  readonly processedMailbox: string | null;
  /** IMAP_POLL_SECONDS: how often the mailbox is looked at besides IDLE's notifications. */
  readonly pollSeconds: number;
  /** IMAP_TLS_INSECURE=true accepts any certificate (tests with a self-signed server only). */
  readonly tlsInsecure: boolean;
}

export interface InboundSmtpConfig {
  readonly host: string;
  readonly port: number;
  /** INBOUND_SMTP_TLS_CERT / _KEY (PEM files): STARTTLS offered when both are set. */
  readonly tls: { readonly cert: Buffer; readonly key: Buffer } | null;
}

type Env = Record<string, string | undefined>;

/** IMAP_*, INBOUND_* validated; problems are added to the list (English, like the other config messages). */
export function parseInboundMail(env: Env, problems: string[]): InboundMailConfig {
  const maxBytes = Number(env.INBOUND_MAX_BYTES ?? 2_000_000);
  if (!Number.isInteger(maxBytes) || maxBytes < 10_000) problems.push('INBOUND_MAX_BYTES must be a whole number of at least 10000');
  return { imap: parseImap(env, problems), smtp: parseSmtp(env, problems), maxBytes };
}

function parseImap(env: Env, problems: string[]): ImapConfig | null {
  const raw = env.IMAP_URL?.trim();
  if (!raw) {
    for (const name of ['IMAP_PROCESSED_MAILBOX', 'IMAP_POLL_SECONDS', 'IMAP_TLS_INSECURE']) {
      if (env[name]?.trim()) problems.push(`${name} needs IMAP_URL`);
    }
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push('IMAP_URL is not a valid URL (imaps://user:password@host:993/INBOX)');
    return null;
  }
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') {
    problems.push(`IMAP_URL must be an imap:// or imaps:// URL, got "${url.protocol}//…"`);
    return null;
  }
  if (!url.hostname) problems.push('IMAP_URL names no host');
  if (!url.username) problems.push('IMAP_URL names no user (imaps://user:password@host/INBOX)');
  const secure = url.protocol === 'imaps:';
  const pollSeconds = Number(env.IMAP_POLL_SECONDS ?? 60);
  if (!Number.isFinite(pollSeconds) || pollSeconds <= 0) problems.push('IMAP_POLL_SECONDS must be a positive number');
  const insecure = env.IMAP_TLS_INSECURE ?? 'false';
  if (insecure !== 'true' && insecure !== 'false') problems.push(`IMAP_TLS_INSECURE must be "true" or "false", got "${insecure}"`);
  const processed = env.IMAP_PROCESSED_MAILBOX ?? 'Interkom';
  const mailbox = decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX';
  if (processed.trim() && processed.trim() === mailbox) problems.push('IMAP_PROCESSED_MAILBOX must differ from the mailbox replies arrive in');
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    mailbox,
    processedMailbox: processed.trim() || null,
    pollSeconds,
    tlsInsecure: insecure === 'true',
  };
}

function parseSmtp(env: Env, problems: string[]): InboundSmtpConfig | null {
  const rawPort = env.INBOUND_SMTP_PORT?.trim();
  const certFile = env.INBOUND_SMTP_TLS_CERT?.trim();
  const keyFile = env.INBOUND_SMTP_TLS_KEY?.trim();
  if (!rawPort) {
    if (certFile || keyFile || env.INBOUND_SMTP_HOST?.trim()) problems.push('INBOUND_SMTP_HOST, INBOUND_SMTP_TLS_CERT and INBOUND_SMTP_TLS_KEY need INBOUND_SMTP_PORT');
    return null;
  }
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`INBOUND_SMTP_PORT must be an integer between 0 and 65535, got "${rawPort}"`);
  if (!!certFile !== !!keyFile) problems.push('INBOUND_SMTP_TLS_CERT and INBOUND_SMTP_TLS_KEY must be set together (or neither: no STARTTLS)');
  let tls: InboundSmtpConfig['tls'] = null;
  if (certFile && keyFile) {
    try {
      tls = { cert: readFileSync(certFile), key: readFileSync(keyFile) };
    } catch (error) {
      problems.push(`INBOUND_SMTP_TLS_CERT/KEY cannot be read: ${(error as Error).message}`);
    }
  }
  return { host: env.INBOUND_SMTP_HOST?.trim() || '0.0.0.0', port, tls };
}
