import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** RCPT TO of the SMTP envelope. */
  to: string;
  messageId: string;
  parsed: ParsedMail;
  raw: string;
  /** The text/calendar part, when there is one. */
  calendar: { method: string; ics: string } | null;
}

/** What the server answers to one RCPT TO: null accepts, a code (451, 550) refuses. */
export type RcptRule = (address: string, attempt: number) => { code: number; message: string } | null;

/**
 * A real SMTP server on loopback (the smtp-server package), with the same user and password the
 * hub's SMTP_URL carries. It parses what arrives with mailparser and can refuse recipients with
 * temporary (4xx) or permanent (5xx) answers, or take its time with each message.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** RCPT TO attempts per address. */
  readonly attempts = new Map<string, number>();
  rule: RcptRule = () => null;
  /** Milliseconds to wait before accepting each message (to catch the hub in the middle). */
  delayMs = 0;
  /** Restart while the next message is being transferred (it is refused with 421, as a server shutting down does). */
  restartDuringNextMessage = false;
  private server?: SMTPServer;
  private constructor(private portNumber: number) {}

  static async start(port = 0): Promise<SmtpSink> {
    const sink = new SmtpSink(port);
    await sink.listen();
    return sink;
  }

  get port(): number {
    return this.portNumber;
  }

  get url(): string {
    return `smtp://interkom:geheim@127.0.0.1:${this.portNumber}`;
  }

  private async listen(): Promise<void> {
    const server = new SMTPServer({
      logger: false,
      closeTimeout: 200,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) =>
        auth.username === 'interkom' && auth.password === 'geheim' ? callback(null, { user: 'interkom' }) : callback(new Error('Invalid username or password')),
      onRcptTo: (address, _session, callback) => {
        const attempt = (this.attempts.get(address.address) ?? 0) + 1;
        this.attempts.set(address.address, attempt);
        const refusal = this.rule(address.address, attempt);
        if (!refusal) return callback();
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        return callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
          const interrupted = this.restartDuringNextMessage && this.server === server;
          if (interrupted) {
            this.restartDuringNextMessage = false;
            void this.restart();
          }
          // Shutting down meanwhile: the message is refused (temporarily), as a real server would.
          if (interrupted || this.server !== server) {
            const error = new Error('4.3.2 Shutting down') as Error & { responseCode: number };
            error.responseCode = 421;
            return callback(error);
          }
          const parsed = await simpleParser(raw);
          const calendarPart = /Content-Type: text\/calendar; charset=utf-8; method=(\w+)/i.exec(raw);
          const cal = parsed.attachments.find((a) => a.contentType === 'text/calendar' || a.contentType === 'application/ics');
          for (const rcpt of session.envelope.rcptTo) {
            this.mails.push({
              to: rcpt.address,
              messageId: parsed.messageId ?? '',
              parsed,
              raw,
              calendar: cal ? { method: calendarPart?.[1]?.toUpperCase() ?? '', ics: cal.content.toString('utf8') } : null,
            });
          }
          callback(null, 'OK: queued');
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.portNumber, '127.0.0.1', () => resolve());
    });
    this.portNumber = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Mails that reached one address. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to === address);
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.mails.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${this.mails.length}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Stops and listens again on the same port (a mail server restarting). */
  async restart(): Promise<void> {
    await this.stop();
    await this.listen();
  }
}
