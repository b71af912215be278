import { AddressInfo, createServer } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  language: string | undefined;
  parsed: ParsedMail;
}

type DataCallback = (error?: Error | null) => void;

/**
 * A real SMTP server on a TCP port for the specs (smtp-server; mailparser reads what arrives).
 * It records only what it accepted (250 after DATA). `hold` keeps the next message's DATA reply
 * waiting until the spec decides, to kill a worker mid-delivery.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  private holding = false;
  private held: { callback: DataCallback; raw: Buffer }[] = [];
  private heldWaiters: Array<() => void> = [];

  constructor(readonly port: number) {}

  /** A port nobody listens on yet (the sink starts later, to play "SMTP down"). */
  static async freePort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve, reject) => probe.close((e) => (e ? reject(e) : resolve())));
    return port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Stopping drops clients' idle pooled connections at once instead of waiting for them.
      closeTimeout: 100,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          if (this.holding) {
            this.holding = false;
            this.held.push({ callback, raw });
            for (const w of this.heldWaiters.splice(0)) w();
            return;
          }
          void this.accept(raw).then(() => callback(), callback);
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(resolve));
  }

  /** The next message's DATA gets no reply until released. */
  holdNext(): void {
    this.holding = true;
  }

  async waitUntilHeld(): Promise<void> {
    if (this.held.length) return;
    await new Promise<void>((resolve) => this.heldWaiters.push(resolve));
  }

  /** Answers the held DATA with a temporary failure: the message was not accepted. */
  refuseHeld(): void {
    for (const h of this.held.splice(0))
      h.callback(Object.assign(new Error('Service not available, closing channel'), { responseCode: 421 }));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to === address.toLowerCase());
  }

  private async accept(raw: Buffer): Promise<void> {
    const parsed = await simpleParser(raw);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    this.received.push({
      to: (to?.value[0]?.address ?? '').toLowerCase(),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      messageId: parsed.messageId ?? '',
      language: parsed.headers.get('content-language') as string | undefined,
      parsed,
    });
  }
}

/** Polls until `check` passes; the time limit only turns a hang into a failure. */
export async function eventually<T>(
  check: () => Promise<T> | T,
  what: string,
  timeoutMs = 20_000,
): Promise<Exclude<T, false | undefined | null>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null)
        return value as Exclude<T, false | undefined | null>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until)
      throw new Error(`${what} did not happen within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
