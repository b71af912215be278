import { Injectable } from '@nestjs/common';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { AppConfig } from '../config/app-config';
import {
  AddressPolicy,
  hostAllowedByName,
  hostOf,
  parseWebhookUrl,
  refusedAddress,
  WebhookUrlError,
} from './address-policy';

/** Only this much of a receiver's answer is read; the rest is dropped with the connection. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** Characters of a failed answer kept in the delivery log. */
const RESPONSE_SNIPPET_CHARS = 300;
const USER_AGENT = 'Daftar-Webhooks/1';

export interface WebhookResponse {
  /** Null when no HTTP answer came (refused address, DNS, connection, timeout). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** Set when nothing was sent and waiting will not help (address policy, unreadable secret). */
  refused: boolean;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The one way out to webhook receivers. Every address a host name resolves to is checked against
 * the policy, and the connection is made to the checked address (a custom `lookup`), so a DNS
 * answer that changes between check and connect (rebinding) cannot reach a private address.
 * Redirects are never followed; the answer is read up to a cap; the whole exchange has a timeout.
 */
@Injectable()
export class WebhookHttpClient {
  constructor(private readonly config: AppConfig) {}

  private get policy(): AddressPolicy {
    return { allowHttp: this.config.webhooks.allowHttp, allowedHosts: this.config.webhooks.allowedHosts };
  }

  /** Checks a URL as a subscription is saved: syntax, then every address its host resolves to. */
  async check(text: string): Promise<URL> {
    const url = parseWebhookUrl(text, this.policy);
    await this.resolve(hostOf(url));
    return url;
  }

  /** Resolves a host and refuses it when any of its addresses is outside the policy. */
  private async resolve(host: string): Promise<LookupAddress[]> {
    const policy = this.policy;
    let addresses: LookupAddress[];
    try {
      addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
        dnsLookup(host, { all: true, verbatim: true }, (err, found) => (err ? reject(err) : resolve(found))),
      );
    } catch (error) {
      throw new WebhookUrlError(
        `url host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    if (!addresses.length) throw new WebhookUrlError(`url host ${host} does not resolve`);
    if (hostAllowedByName(host, policy)) return addresses;
    for (const a of addresses) {
      const reason = refusedAddress(host, a.address, policy);
      if (reason) throw new WebhookUrlError(`url is refused: ${reason}`);
    }
    return addresses;
  }

  async post(target: string, body: string, headers: Record<string, string>): Promise<WebhookResponse> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let url: URL;
    try {
      // The policy of today applies, not the one in force when the subscription was saved.
      url = parseWebhookUrl(target, this.policy);
    } catch (error) {
      return { statusCode: null, error: (error as Error).message, durationMs: elapsed(), refused: true };
    }
    const guardedLookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
      this.resolve(hostname.toLowerCase().replace(/\.$/, '')).then(
        (addresses) =>
          options.all ? callback(null, addresses) : callback(null, addresses[0].address, addresses[0].family),
        (error: Error) => callback(Object.assign(error, { code: 'EWEBHOOKREFUSED' }), ''),
      );
    };
    return new Promise<WebhookResponse>((resolve) => {
      let settled = false;
      const finish = (outcome: Omit<WebhookResponse, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...outcome, durationMs: elapsed() });
      };
      const transport = url.protocol === 'https:' ? https : http;
      const req = transport.request(url, {
        method: 'POST',
        // No pooled sockets: each delivery resolves and checks its host afresh.
        agent: false,
        lookup: guardedLookup as unknown as typeof dnsLookup,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': USER_AGENT,
          ...headers,
        },
      });
      const timer = setTimeout(
        () => req.destroy(new Error(`no answer within ${this.config.webhooks.timeoutMs} ms`)),
        this.config.webhooks.timeoutMs,
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        finish({ statusCode: null, error: error.message, refused: error.code === 'EWEBHOOKREFUSED' }),
      );
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const text = Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_SNIPPET_CHARS);
          const ok = status >= 200 && status < 300;
          const error = ok
            ? null
            : status >= 300 && status < 400
              ? `HTTP ${status}: redirects are not followed`
              : `HTTP ${status}${text ? `: ${text}` : ''}`;
          finish({ statusCode: status, error, refused: false });
          res.destroy();
        };
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
          else done();
        });
        res.on('end', done);
        res.on('error', done);
      });
      req.end(body);
    });
  }
}
