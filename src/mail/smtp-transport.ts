import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Deterministic per outbox row: the idempotency key a receiving system can de-duplicate on. */
  messageId: string;
  locale: 'en' | 'ur';
}

/**
 * The one door to the SMTP server (nodemailer, pooled connections). Created on first use, so
 * processes that never send (the API) open no connection.
 */
@Injectable()
export class SmtpTransport implements OnModuleDestroy {
  private readonly logger = new Logger(SmtpTransport.name);
  private transporter?: Transporter;
  private warnedUnconfigured = false;

  constructor(private readonly config: AppConfig) {}

  /** False (and logged once) when SMTP_URL is not set: messages then wait in the outbox. */
  get configured(): boolean {
    if (!this.config.mail.smtpUrl && !this.warnedUnconfigured) {
      this.warnedUnconfigured = true;
      this.logger.warn('SMTP_URL is not set: mail waits in each province outbox until it is');
    }
    return !!this.config.mail.smtpUrl;
  }

  /** Resolves once the server has accepted the message (250 after DATA); rejects otherwise. */
  async send(mail: OutgoingMail): Promise<void> {
    await this.client().sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.locale },
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.transporter?.close();
    this.transporter = undefined;
  }

  private client(): Transporter {
    if (!this.config.mail.smtpUrl) throw new Error('SMTP_URL is not set');
    this.transporter ??= createTransport({
      url: this.config.mail.smtpUrl,
      pool: true,
      // One connection per message a worker sends at once: the pool never makes a job wait.
      maxConnections: this.config.mail.concurrency,
      maxMessages: Infinity,
    } as SMTPPool.Options);
    return this.transporter;
  }
}
