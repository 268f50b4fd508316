import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { DeliveryFailure } from '../outbox/lease-queue.js';
import type { MailContent } from './mail-body.js';

export interface OutgoingMail extends MailContent {
  to: { name: string; address: string };
  /** Stable per outbox row and recipient: a mail sent again is recognisably the same mail. */
  messageId: string;
}

/**
 * The only place that speaks SMTP (nodemailer, one pooled connection). STARTTLS is used when the
 * server offers it (smtp://), implicit TLS with smtps://. Without SMTP_URL there is no transport and
 * the worker does not run, so every notification waits in the outbox until one is configured.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { smtpUrl, timeoutMs } = config.mail;
    this.transporter = smtpUrl
      ? createTransport({
          url: smtpUrl,
          pool: true,
          maxConnections: 1,
          name: new URL(config.publicBaseUrl).hostname,
          connectionTimeout: timeoutMs,
          greetingTimeout: timeoutMs,
          socketTimeout: timeoutMs,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /** Sends one message; resolves with the server's answer, throws nodemailer's error. */
  async send(mail: OutgoingMail): Promise<string> {
    if (!this.transporter) throw new Error('no SMTP server configured (SMTP_URL)');
    const { from } = this.config.mail;
    const info = await this.transporter.sendMail({
      from: { name: from.name, address: from.address },
      to: { name: mail.to.name, address: mail.to.address },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      // Keeps out-of-office and other automatic replies away (RFC 3834; Outlook's own header).
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, content: mail.calendar.ics, filename: 'einladung.ics' } } : {}),
    });
    return String(info.response ?? '250').slice(0, 500);
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}

/**
 * Temporary or not: a 5xx answer (550 mailbox unknown, 554 refused) is permanent; a 4xx answer
 * (451 try again later, greylisting, 421 too busy) and every failure without an answer
 * (connection refused or dropped, timeout, TLS handshake) are tried again with backoff.
 */
export function classifySmtpFailure(error: unknown): DeliveryFailure {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const message = `${e.code ? `${e.code} ` : ''}${e.message ?? String(error)}`;
  if (error instanceof MailCompositionError) return { retryable: false, retryAfterMs: null, message };
  return { retryable: code === null || code < 500, retryAfterMs: null, message };
}

/** The notification could not be built (a defect, not a server's answer): not worth retrying. */
export class MailCompositionError extends Error {}
