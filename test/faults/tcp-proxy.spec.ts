import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import { TcpProxy } from '../support/tcp-proxy';

/** The fault proxy itself, against an echo server: each fault does what the scenarios rely on. */
describe('TcpProxy', () => {
  let echo: Server;
  let proxy: TcpProxy;

  beforeAll(async () => {
    echo = createServer((s) => {
      s.on('error', () => undefined); // the proxy's resets reach the echo server too
      s.pipe(s);
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: (echo.address() as AddressInfo).port });
  });

  afterAll(async () => {
    await proxy.close();
    await new Promise((r) => echo.close(r));
  });

  afterEach(() => {
    proxy.resume();
    proxy.delay(0);
  });

  const open = () =>
    new Promise<Socket>((resolve, reject) => {
      const s = connect(proxy.port, '127.0.0.1', () => resolve(s));
      s.once('error', reject);
    });
  const received = (s: Socket) => {
    const chunks: string[] = [];
    s.on('data', (d: Buffer) => chunks.push(d.toString()));
    return () => chunks.join('');
  };
  const ended = (s: Socket) =>
    new Promise<string>((resolve) => {
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      s.once('close', () => resolve('closed'));
    });
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((r) => setTimeout(r, 10));
  };

  it('passes bytes both ways, in order, with or without a delay', async () => {
    const s = await open();
    const text = received(s);
    proxy.delay(20);
    for (const part of ['a', 'b', 'c']) s.write(part);
    await until(() => text() === 'abc');
    s.destroy();
  });

  it('holds every byte while paused and delivers them on resume', async () => {
    const s = await open();
    const text = received(s);
    s.write('x');
    await until(() => text() === 'x');
    proxy.pause();
    s.write('y');
    // Unpaused, the echo answers within a millisecond or two over loopback; 100 ms of nothing shows the pause.
    await new Promise((r) => setTimeout(r, 100));
    expect(text()).toBe('x');
    proxy.resume();
    await until(() => text() === 'xy');
    s.destroy();
  });

  it('resets open connections, and while refusing resets new ones until resumed', async () => {
    const s = await open();
    const gone = ended(s);
    await until(() => proxy.connections === 1);
    proxy.refuse();
    expect(await gone).toBe('ECONNRESET');
    const refused = await open().then(ended, (e: NodeJS.ErrnoException) => e.code);
    expect(['ECONNRESET', 'closed']).toContain(refused);
    proxy.resume();
    const again = await open();
    const text = received(again);
    again.write('back');
    await until(() => text() === 'back');
    again.destroy();
  });

  it('drops connections with a plain close', async () => {
    const s = await open();
    const gone = ended(s);
    await until(() => proxy.connections === 1);
    proxy.drop();
    expect(await gone).toBe('closed');
  });
});
