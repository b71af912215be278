import { Harness, ProvisionedProvince } from '../support/harness';

const BOARD = '/api/platform/queues';

/** Issue 14: the BullMQ dashboard, operators only, on the platform host only, its actions audited. */
describe('queue dashboard', () => {
  let h: Harness;
  let kp: ProvisionedProvince & { adminToken: string };
  let operator: string;

  beforeAll(async () => {
    h = await Harness.start();
    kp = await h.provinceWithAdmin('qb-kp');
    operator = await h.operatorToken();
  });

  afterAll(() => h.close());

  it("shows an operator the dashboard page and every queue of the app through the board's API", async () => {
    const page = await h.on(h.platformHost).get(BOARD, operator).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<div id="root">');
    expect(page.text).toContain(`<base href="${BOARD}/" />`);
    expect(page.headers['x-powered-by']).toBeUndefined();
    const api = await h.on(h.platformHost).get(`${BOARD}/api/queues`, operator).expect(200);
    const names = api.body.queues.map((q: { name: string }) => q.name);
    expect(names).toEqual(expect.arrayContaining(['mail', 'pdf', 'provisioning', 'schedule', 'webhooks']));
  });

  it('opens in a browser through a short-lived httpOnly cookie set for an operator', async () => {
    const res = await h.on(h.platformHost).post(`${BOARD}/session`, operator).expect(204);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const cookie = cookies.find((c) => c.startsWith('daftar_operator_board='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/platform\/queues(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBe(h.config.jwt.accessTokenTtlSeconds);
    const pair = cookie.split(';')[0];
    const page = await h.on(h.platformHost).get(BOARD).set('Cookie', pair).expect(200);
    // The page's own scripts and styles come through the same gate.
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)![1];
    await h
      .on(h.platformHost)
      .get(`${BOARD}/${script}`)
      .set('Cookie', pair)
      .expect(200)
      .expect('Content-Type', /javascript/);
    await h.on(h.platformHost).get(`${BOARD}/${script}`).expect(401);
    const api = await h.on(h.platformHost).get(`${BOARD}/api/queues`).set('Cookie', pair).expect(200);
    expect(api.body.queues.length).toBeGreaterThanOrEqual(5);
    // The cookie is worth nothing on a province host.
    await h.on(kp.host).get(`${BOARD}/api/queues`).set('Cookie', pair).expect(404);
    // Only an operator can ask for one.
    await h.on(h.platformHost).post(`${BOARD}/session`).expect(401);
    await h.on(h.platformHost).post(`${BOARD}/session`, kp.adminToken).expect(403);
  });

  it('is a 404 on a province host, 401 without a valid token and 403 with a province token', async () => {
    await h.on(kp.host).get(BOARD, operator).expect(404);
    await h.on(kp.host).get(`${BOARD}/api/queues`, kp.adminToken).expect(404);
    await h.on(kp.host).get(BOARD).expect(404);
    await h.on(h.platformHost).get(BOARD).expect(401);
    await h.on(h.platformHost).get(`${BOARD}/api/queues`).expect(401);
    await h.on(h.platformHost).get(`${BOARD}/api/queues`, 'not-a-token').expect(401);
    await h.on(h.platformHost).get(`${BOARD}/api/queues`).set('Cookie', 'daftar_operator_board=forged').expect(401);
    await h.on(h.platformHost).get(`${BOARD}/api/queues`, kp.adminToken).expect(403);
    const provinceCookie = `daftar_operator_board=${kp.adminToken}`;
    await h.on(h.platformHost).get(`${BOARD}/api/queues`).set('Cookie', provinceCookie).expect(403);
    await h.on(h.platformHost).put(`${BOARD}/api/queues/mail/pause`, kp.adminToken).expect(403);
  });

  it('records a queue action in the platform audit log with the operator who did it', async () => {
    const since = new Date();
    await h.on(h.platformHost).put(`${BOARD}/api/queues/mail/pause`, operator).expect(200);
    const queues = (await h.on(h.platformHost).get(`${BOARD}/api/queues`, operator).expect(200)).body.queues;
    expect(queues.find((q: { name: string }) => q.name === 'mail').isPaused).toBe(true);
    await h.on(h.platformHost).put(`${BOARD}/api/queues/mail/resume`, operator).expect(200);
    const rows = await h.dataSource.query(
      `SELECT action, target, operator_email, details FROM platform.audit_log
       WHERE action LIKE 'queues.%' AND at >= $1 ORDER BY id`,
      [since],
    );
    expect(rows.map((r: { action: string; target: string | null }) => [r.action, r.target])).toEqual(
      expect.arrayContaining([
        ['queues.pause', 'mail'],
        ['queues.resume', 'mail'],
      ]),
    );
    const pause = rows.find((r: { action: string }) => r.action === 'queues.pause');
    expect(pause.operator_email).toBe(h.operatorLogin.email);
    expect(pause.details).toMatchObject({
      method: 'PUT',
      route: '/api/queues/:queueName/pause',
      params: { queueName: 'mail' },
    });
    // Reading the dashboard records nothing; refused calls never reach the board.
    expect(rows.every((r: { action: string }) => r.action !== 'queues.change')).toBe(true);
  });
});
