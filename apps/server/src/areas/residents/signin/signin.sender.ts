/** Pluggable delivery of text messages to residents' phones (one-time sign-in codes), chosen by DJ_SMS_SENDER. */
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../../platform/context.js';
import { maskPhone } from '../../../platform/idcard.js';
import { insertOutbox } from './signin.repository.js';

/** Something that delivers a text to a mainland mobile number. */
export interface MessageSender {
  /** Sends one text; resolves when it is handed over (queued or accepted by the gateway). */
  send(phone: string, text: string): Promise<void>;
}

/**
 * The default sender: records the message in `message_outbox` (recipient masked and hashed, never in
 * clear) and appends a line to `DATA_DIR/outbox.log`. That log is the demo's SMS gateway: with no real
 * gateway configured, whoever runs the server (or a browser test) reads the code there, so the log
 * holds the full text and must be kept as private as the data directory itself.
 */
export class OutboxSender implements MessageSender {
  constructor(private readonly ctx: Ctx) {}

  async send(phone: string, text: string): Promise<void> {
    const now = this.ctx.clock().toISOString();
    const masked = maskPhone(phone);
    await insertOutbox(this.ctx.db, {
      channel: 'sms',
      to_masked: masked,
      to_hash: this.ctx.vault.lookupHash(phone),
      body: text,
      created_at: now,
      sent_at: now,
    });
    fs.mkdirSync(this.ctx.config.dataDir, { recursive: true });
    fs.appendFileSync(outboxLogPath(this.ctx), `${now}\t${masked}\t${text.replace(/\s+/g, ' ')}\n`, { mode: 0o600 });
  }
}

/** Posts `{ to, text }` as JSON to an SMS gateway's endpoint (DJ_SMS_WEBHOOK_URL); the outbox keeps a masked record. */
export class WebhookSender implements MessageSender {
  constructor(
    private readonly ctx: Ctx,
    private readonly url: string,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const now = this.ctx.clock().toISOString();
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: phone, text }),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    // The table keeps who and when, not the code: the gateway, not the database, is the channel here.
    await insertOutbox(this.ctx.db, {
      channel: 'sms-webhook',
      to_masked: maskPhone(phone),
      to_hash: this.ctx.vault.lookupHash(phone),
      body: '(sent through the gateway)',
      created_at: now,
      sent_at: now,
    });
  }
}

/** Where the outbox sender writes its log. */
export function outboxLogPath(ctx: Ctx): string {
  return path.join(ctx.config.dataDir, 'outbox.log');
}

const overrides = new WeakMap<Ctx, MessageSender>();

/** Replaces the sender of a context (tests, or an integration wired in code). */
export function useSender(ctx: Ctx, sender: MessageSender): void {
  overrides.set(ctx, sender);
}

/** The sender configured for a context. */
export function senderFor(ctx: Ctx): MessageSender {
  const o = overrides.get(ctx);
  if (o) return o;
  if (ctx.config.sms.sender === 'webhook' && ctx.config.sms.webhookUrl)
    return new WebhookSender(ctx, ctx.config.sms.webhookUrl);
  return new OutboxSender(ctx);
}
