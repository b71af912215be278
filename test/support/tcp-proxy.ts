import { AddressInfo, createServer, Server, Socket, connect } from 'node:net';

type Mode = 'open' | 'paused' | 'refusing';

interface Pair {
  client: Socket;
  upstream?: Socket;
}

/**
 * An in-process TCP proxy for fault injection: the app under test connects to Postgres or Redis
 * through it, and the test breaks the line at will. pause() stops every byte both ways (a hung
 * server or a partitioned network: sockets stay open, nothing answers), drop() closes every
 * connection cleanly (FIN), reset() aborts them (RST, as a crashed or restarted server does),
 * refuse() also turns new connections away until resume(), delay(ms) adds latency to every chunk.
 */
export class TcpProxy {
  private mode: Mode = 'open';
  private delayMs = 0;
  private readonly pairs = new Set<Pair>();
  /** Connections accepted while paused: they reach the server on resume(). */
  private readonly held: Pair[] = [];
  /** How many connections the proxy has accepted, for the tests' own checks. */
  accepted = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer({ pauseOnConnect: true });
    const proxy = new TcpProxy(server, target);
    server.on('connection', (client) => proxy.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** A proxy in front of the host and port of `url` (postgres:// or redis://). */
  static forUrl(url: string): Promise<TcpProxy> {
    const u = new URL(url);
    const defaultPort = u.protocol.startsWith('redis') ? 6379 : 5432;
    return TcpProxy.start({ host: u.hostname || '127.0.0.1', port: Number(u.port || defaultPort) });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** Open connections (both ends alive). */
  get connections(): number {
    return this.pairs.size;
  }

  pause(): void {
    this.mode = 'paused';
    for (const p of this.pairs) {
      p.client.pause();
      p.upstream?.pause();
    }
  }

  /** Closes every connection with a FIN on both sides; new connections are still accepted. */
  drop(): void {
    for (const p of [...this.pairs]) this.closePair(p, false);
  }

  /** Aborts every connection with an RST on both sides; new connections are still accepted. */
  reset(): void {
    for (const p of [...this.pairs]) this.closePair(p, true);
  }

  /** reset(), and every new connection is reset at once until resume(): a server that is down. */
  refuse(): void {
    this.mode = 'refusing';
    this.reset();
    for (const p of this.held.splice(0)) this.closePair(p, true);
  }

  /** Back to normal: paused sockets flow again, held connections reach the server. */
  resume(): void {
    this.mode = 'open';
    for (const p of this.pairs) {
      p.client.resume();
      p.upstream?.resume();
    }
    for (const p of this.held.splice(0)) this.link(p);
  }

  /** Every chunk after this arrives `ms` later (order kept); 0 for none. */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  async close(): Promise<void> {
    this.refuse();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.accepted++;
    if (this.mode === 'refusing') {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client };
    this.pairs.add(pair);
    client.on('error', () => this.closePair(pair, true));
    client.on('close', () => this.closePair(pair, false));
    if (this.mode === 'paused') this.held.push(pair);
    else this.link(pair);
  }

  private link(pair: Pair): void {
    if (!this.pairs.has(pair)) return;
    const upstream = connect(this.target.port, this.target.host);
    pair.upstream = upstream;
    upstream.on('error', () => this.closePair(pair, true));
    upstream.on('close', () => this.closePair(pair, false));
    this.pipe(pair.client, upstream);
    this.pipe(upstream, pair.client);
    pair.client.resume();
  }

  private pipe(from: Socket, to: Socket): void {
    let due = 0;
    from.on('data', (chunk: Buffer) => {
      if (!this.delayMs) {
        if (!to.destroyed) to.write(chunk);
        return;
      }
      // Chunks keep their order: each is due no earlier than the one before it.
      due = Math.max(Date.now() + this.delayMs, due);
      setTimeout(() => !to.destroyed && to.write(chunk), due - Date.now());
    });
  }

  private closePair(pair: Pair, abort: boolean): void {
    if (!this.pairs.delete(pair)) return;
    for (const s of [pair.client, pair.upstream]) {
      if (!s || s.destroyed) continue;
      if (abort) s.resetAndDestroy();
      else s.destroy(); // a plain close: the kernel sends FIN
    }
  }
}
