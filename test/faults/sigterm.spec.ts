import request from 'supertest';
import { Harness, ProvisionedProvince } from '../support/harness';
import { TEST_DATABASE_URL } from '../support/test-env';
import { TcpProxy } from '../support/tcp-proxy';
import { sleep } from './support';
import { AppProcess, deploymentEnv } from './processes';

/**
 * Scenario (c): a real API process gets SIGTERM while requests are in flight (its database is made
 * slow through the proxy, so many are). Every request that reached it completes with its normal
 * answer, none gets a 5xx, new connections are refused (the port is closed), and it exits 0.
 */
describe('faults: SIGTERM under load', () => {
  let h: Harness;
  let pg: TcpProxy;
  let api: AppProcess | undefined;
  let kp: ProvisionedProvince & { adminToken: string };

  beforeAll(async () => {
    h = await Harness.start();
    kp = await h.provinceWithAdmin('fault-term');
    pg = await TcpProxy.forUrl(TEST_DATABASE_URL);
    api = await AppProcess.api(deploymentEnv(h.config, { DATABASE_URL: pg.rewrite(h.config.database.url) }));
  }, 120_000);

  afterAll(async () => {
    api?.kill('SIGKILL');
    await h?.close();
    await pg?.close();
  });

  it('completes the requests in flight, refuses new connections and exits 0', async () => {
    const url = api!.url;
    const statuses = new Map<string, number>();
    const tally = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
    let stopping = false;
    let inFlight = 0;
    const client = async () => {
      while (!stopping) {
        const sentBeforeTerm = !stopping;
        inFlight++;
        try {
          const res = await request(url)
            .get('/api/departments')
            .set('Host', kp.host)
            .auth(kp.adminToken, { type: 'bearer' });
          tally(`${sentBeforeTerm ? 'before' : 'after'} ${res.status}`);
        } catch (error) {
          // A connection the stopped server refused: clean, as long as no answer was cut off.
          tally(`refused ${(error as { code?: string }).code ?? (error as Error).message}`);
        } finally {
          inFlight--;
        }
      }
    };
    pg.delay(150);
    const clients = Array.from({ length: 8 }, () => client());
    await sleep(1500);
    const inFlightAtTerm = inFlight;
    api!.kill('SIGTERM');
    await sleep(300);
    stopping = true;
    await Promise.all(clients);
    const exit = await api!.exited;
    pg.delay(0);
    const seen = JSON.stringify(Object.fromEntries(statuses));
    process.stdout.write(`[faults:c] ${seen}; in flight at SIGTERM ${inFlightAtTerm}; exit ${JSON.stringify(exit)}\n`);

    expect(exit).toEqual({ code: 0, signal: null });
    // Requests were under way when the signal came (all eight clients wait on the slowed database).
    expect(inFlightAtTerm).toBeGreaterThan(0);
    const keys = [...statuses.keys()];
    expect(keys.filter((k) => /^(before|after) [^2]/.test(k))).toEqual([]);
    expect(statuses.get('before 200') ?? 0).toBeGreaterThan(8);
    expect(keys.filter((k) => k.startsWith('refused') && k !== 'refused ECONNREFUSED')).toEqual([]);
  });
});
