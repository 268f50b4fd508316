import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { InboundReplies, type InboundOutcome } from './inbound-replies.service.js';

type SmtpError = Error & { responseCode: number };

/** Outcomes of a message that held no calendar reply: refused at the end of DATA. */
const NOT_A_REPLY: ReadonlySet<InboundOutcome> = new Set<InboundOutcome>(['no-calendar', 'not-a-reply', 'malformed']);

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Accepts replies itself over SMTP (INBOUND_SMTP_PORT), for deployments that route the reply
 * address's domain (MX) to the hub: only the hub's own address (MAIL_FROM, with or without a
 * +token) is accepted as recipient, nothing is relayed, no sign-in is offered, messages above
 * INBOUND_MAX_BYTES are refused (552). Every message goes through the same pipeline as IMAP; one
 * without a calendar reply is refused (550, so a person who wrote text learns it did not arrive);
 * when the RSVP domain fails, the sender is told to try again later (451).
 */
@Injectable()
export class SmtpReceiver implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InboundMail');
  private server: SMTPServer | null = null;

  constructor(
    private readonly replies: InboundReplies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The port it listens on (useful with INBOUND_SMTP_PORT=0); null when off. */
  get port(): number | null {
    const address = this.server?.server.address() as AddressInfo | null | undefined;
    return address?.port ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const smtp = this.config.inboundMail.smtp;
    if (!smtp) return;
    const maxBytes = this.config.inboundMail.maxBytes;
    const server = new SMTPServer({
      logger: false,
      name: new URL(this.config.publicBaseUrl).hostname,
      banner: 'Interkom: Antworten auf Einladungen',
      size: maxBytes,
      authOptional: true,
      disabledCommands: smtp.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...(smtp.tls ? { key: smtp.tls.key, cert: smtp.tls.cert } : {}),
      maxClients: 50,
      socketTimeout: 60_000,
      closeTimeout: 1000,
      onRcptTo: (address, _session, callback) => {
        if (this.replies.accepts(address.address)) return callback();
        return callback(smtpError(550, '5.7.1 Relaying denied: this server only takes replies to its invitations'));
      },
      onData: (stream, session, callback) => this.receive(stream, session.envelope.rcptTo.map((r) => r.address), callback),
    });
    server.on('error', (error) => this.logger.warn(`inbound SMTP: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(smtp.port, smtp.host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`accepting replies over SMTP on ${smtp.host}:${this.port}`);
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private receive(stream: SMTPServerDataStream, envelope: string[], callback: (error?: Error | null, message?: string) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', (error: Error) => callback(error));
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        this.replies.tooLarge('smtp', stream.byteLength);
        return callback(smtpError(552, '5.3.4 Message too big'));
      }
      this.replies.handle(Buffer.concat(chunks), envelope, 'smtp').then(
        (outcomes) =>
          // A message that holds no reply at all (someone wrote text, an auto-reply) is refused, so
          // the sender's own server tells them it did not arrive: nothing written is lost unnoticed.
          // Replies the domain ignored (forged, stale) are taken without a word.
          outcomes.some((o) => NOT_A_REPLY.has(o))
            ? callback(smtpError(550, '5.7.1 Diese Adresse nimmt nur Antworten auf Einladungen aus dem Kalender an (Interkom). This address only takes calendar replies.'))
            : callback(null, 'OK: received'),
        () => callback(smtpError(451, '4.3.0 Temporary failure, please try again later')),
      );
    });
  }
}
