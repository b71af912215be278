import { DEFAULT_WORKFLOW, WorkflowConfig } from '../../src/workflow/workflow-config';
import { Harness, ProvisionedProvince } from '../support/harness';

/**
 * The workflow's history over HTTP: every saved version with when, who and why, one version's
 * configuration, the notes and baseVersion accepted on PUT, and the structured problems an editor
 * shows in place. Two provinces save at the same time: each history holds only its own versions.
 */
type Province = ProvisionedProvince & { adminToken: string };

const withAdminsSubmitting = (): WorkflowConfig => {
  const config = structuredClone(DEFAULT_WORKFLOW);
  config.actions.find((a) => a.id === 'submit')!.roles = ['preparer', 'tenant_admin'];
  return config;
};

describe('workflow versions: history, one version, notes and baseVersion on PUT', () => {
  let h: Harness;
  let gb: Province;
  let kp: Province;

  beforeAll(async () => {
    h = await Harness.start();
    [gb, kp] = await Promise.all([h.provinceWithAdmin('gb'), h.provinceWithAdmin('kp')]);
  });
  afterAll(() => h?.close());

  const versions = async (p: Province) =>
    (await h.on(p.host).get('/api/workflow/versions', p.adminToken).expect(200)).body;

  test('a new province starts at version 1, made by no one, in force', async () => {
    expect(await versions(gb)).toEqual([
      { version: 1, createdAt: expect.any(String), createdBy: null, notes: 'Default workflow', inForce: true },
    ]);
  });

  test('two provinces save at once: each history shows its own versions only, with who and why', async () => {
    const [gbSaved, kpSaved] = await Promise.all([
      h
        .on(gb.host)
        .put('/api/workflow', gb.adminToken)
        .send({ ...withAdminsSubmitting(), notes: 'GB: admins may submit', baseVersion: 1 }),
      h
        .on(kp.host)
        .put('/api/workflow', kp.adminToken)
        .send({ ...DEFAULT_WORKFLOW, notes: 'KP: same again' }),
    ]);
    expect([gbSaved.status, kpSaved.status]).toEqual([200, 200]);
    expect(gbSaved.body.version).toBe(2);
    const me = (await h.on(gb.host).get('/api/me', gb.adminToken).expect(200)).body;

    const gbHistory = await versions(gb);
    type Row = { version: number; notes: string; inForce: boolean };
    const rows = gbHistory.map((v: Row) => [v.version, v.notes, v.inForce]);
    expect(rows).toEqual([
      [2, 'GB: admins may submit', true],
      [1, 'Default workflow', false],
    ]);
    expect(gbHistory[0].createdBy).toEqual({ id: me.id, name: me.name });
    const [newest, oldest] = gbHistory.map((v: { createdAt: string }) => new Date(v.createdAt).getTime());
    expect(newest).toBeGreaterThanOrEqual(oldest);
    const kpHistory = await versions(kp);
    expect(kpHistory.map((v: { notes: string }) => v.notes)).toEqual(['KP: same again', 'Default workflow']);

    const two = (await h.on(gb.host).get('/api/workflow/versions/2', gb.adminToken).expect(200)).body;
    expect(two).toMatchObject({ version: 2, notes: 'GB: admins may submit', inForce: true });
    const submit = two.config.actions.find((a: { id: string }) => a.id === 'submit');
    expect(submit.roles).toEqual(['preparer', 'tenant_admin']);
    const one = (await h.on(gb.host).get('/api/workflow/versions/1', gb.adminToken).expect(200)).body;
    expect(one).toMatchObject({ version: 1, inForce: false, config: DEFAULT_WORKFLOW });
    // KP's version 2 is KP's own: GB's configuration never shows there.
    const kpTwo = (await h.on(kp.host).get('/api/workflow/versions/2', kp.adminToken).expect(200)).body;
    expect(kpTwo.config.actions.find((a: { id: string }) => a.id === 'submit').roles).toEqual(['preparer']);
    await h.on(kp.host).get('/api/workflow/versions/3', kp.adminToken).expect(404);
  });

  test('a save from a version no longer in force is refused with 409, not applied over the newer one', async () => {
    const stale = await h
      .on(gb.host)
      .put('/api/workflow', gb.adminToken)
      .send({ ...DEFAULT_WORKFLOW, baseVersion: 1 })
      .expect(409);
    expect(stale.body.message).toMatch(/^baseVersion: the workflow changed since version 1/);
    expect(stale.body.currentVersion).toBe(2);
    expect((await versions(gb))[0].version).toBe(2);
  });

  test('bad notes, baseVersion and version numbers are 400s naming the field', async () => {
    const refusal = async (extra: Record<string, unknown>) =>
      (
        await h
          .on(gb.host)
          .put('/api/workflow', gb.adminToken)
          .send({ ...DEFAULT_WORKFLOW, ...extra })
          .expect(400)
      ).body.message;
    const badBase = ['baseVersion must be a whole number of 1 or more'];
    expect(await refusal({ notes: 12 })).toEqual(['notes must be text']);
    expect(await refusal({ notes: 'x'.repeat(2001) })).toEqual(['notes must be at most 2000 characters']);
    const unsafe = ['notes must be plain text without control characters or < >'];
    expect(await refusal({ notes: '<script>' })).toEqual(unsafe);
    expect(await refusal({ baseVersion: 'two' })).toEqual(badBase);
    expect(await refusal({ baseVersion: 0 })).toEqual(badBase);
    expect(await refusal({ comment: 'x' })).toEqual(['/comment: unknown property']);
    for (const bad of ['abc', '0', '-1', '1.5', '99999999999']) {
      const res = await h.on(gb.host).get(`/api/workflow/versions/${bad}`, gb.adminToken).expect(400);
      expect(res.body.message).toEqual(['version must be a whole number of 1 or more']);
    }
    expect((await versions(gb)).length).toBe(2);
  });

  test('an unsound workflow is refused with problems that name the state or action concerned', async () => {
    const config = structuredClone(DEFAULT_WORKFLOW);
    config.actions.find((a) => a.id === 'approve')!.roles = [];
    config.states.push({ id: 'limbo', label: { en: 'Limbo', ur: 'معلق' }, editable: false });
    const res = await h.on(gb.host).put('/api/workflow', gb.adminToken).send(config).expect(400);
    expect(res.body.problems).toEqual(
      expect.arrayContaining([
        { code: 'no-roles', action: 'approve', message: 'action "approve" has no role that may take it' },
        { code: 'unreachable', state: 'limbo', message: 'state "limbo" cannot be reached from "draft"' },
        { code: 'dead-end', state: 'limbo', message: 'state "limbo" is not final but no action leaves it' },
      ]),
    );
    expect(res.body.message).toEqual(res.body.problems.map((p: { message: string }) => p.message));
  });

  test('the history is for administrators; a reviewer may read the workflow but not its history', async () => {
    const reviewer = await h.userWithRole(gb, 'reviewer');
    await h.on(gb.host).get('/api/workflow', reviewer.token).expect(200);
    await h.on(gb.host).get('/api/workflow/versions', reviewer.token).expect(403);
    await h.on(gb.host).get('/api/workflow/versions/1', reviewer.token).expect(403);
    // A GB token is no key to KP's history.
    await h.on(kp.host).get('/api/workflow/versions', gb.adminToken).expect(401);
  });
});
