import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { FormDefinition } from '../../src/forms/definition';
import { compareVersions } from '../../src/forms/form-catalogue.service';
import { Harness } from '../support/harness';

/*
 * A new base version ships while provinces have overlays on the old one. Here NEW of the
 * infrastructure PC-I drops "name.projectCode" (which the province relabelled) and adds a field.
 * The province keeps its published version until its admin re-applies the overlay and publishes.
 */

const FORM = 'pc1-infrastructure';
// The shipped newest base version of the form (OLD) and a made-up next one (NEW).
const current = BASE_CATALOGUE.filter((d) => d.key === FORM).sort((a, b) => compareVersions(b.version, a.version))[0];
const OLD = current.version;
const NEW = `${OLD.split('.')[0]}.${Number(OLD.split('.')[1]) + 1}.0`;
const next: FormDefinition = structuredClone(current);
next.version = NEW;
const name = next.sections.find((s) => s.id === 'name')!;
name.fields = name.fields.filter((f) => f.id !== 'projectCode');
name.fields.push({
  id: 'psdpCode',
  type: 'text',
  label: { en: 'PSDP code', ur: 'پی ایس ڈی پی کوڈ' },
  constraints: { maxLength: 20 },
});

const OVERLAY = {
  baseVersion: OLD,
  operations: [
    { op: 'relabel', target: 'name.projectCode', label: { en: 'Provincial project code' } },
    { op: 'require', target: 'location.tehsils' },
  ],
};

describe('base upgrade with a conflicting overlay', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ baseForms: [...BASE_CATALOGUE, next] });
  });
  afterAll(() => h?.close());

  test(
    'a new province gets the newest base; an existing overlay is reported, ' + 'not changed, until the admin acts',
    async () => {
      const p = await h.provinceWithAdmin('upgrade');
      const list = await h.on(p.host).get('/api/forms', p.adminToken).expect(200);
      expect(list.body.find((f: { key: string }) => f.key === FORM)).toMatchObject({
        currentVersion: { number: 1, baseVersion: NEW },
        upgradeAvailable: false,
      });
      // Pretend the province customised OLD before NEW shipped: an overlay on OLD, published.
      await h.on(p.host).put(`/api/forms/${FORM}/overlay`, p.adminToken).send(OVERLAY).expect(200);
      await h
        .on(p.host)
        .post(`/api/forms/${FORM}/publish`, p.adminToken)
        .send({ notes: `on ${OLD}` })
        .expect(201);
      const before = await h.on(p.host).get(`/api/forms/${FORM}/versions/current`, p.adminToken).expect(200);
      expect(before.body).toMatchObject({ number: 2, baseVersion: OLD });
      expect(
        (await h.on(p.host).get('/api/forms', p.adminToken)).body.find((f: { key: string }) => f.key === FORM)
          .upgradeAvailable,
      ).toBe(true);

      const preview = await h.on(p.host).get(`/api/forms/${FORM}/upgrade`, p.adminToken).expect(200);
      expect(preview.body).toMatchObject({ from: OLD, to: NEW });
      expect(preview.body.conflicts).toEqual([
        { index: 0, op: 'relabel', target: 'name.projectCode', reason: 'no field "projectCode" in section 1 (name)' },
      ]);
      expect(preview.body.changes.map((c: { change: string; address: string }) => `${c.change} ${c.address}`)).toEqual(
        expect.arrayContaining(['removed name.projectCode', 'added name.psdpCode']),
      );

      const refused = await h.on(p.host).post(`/api/forms/${FORM}/upgrade`, p.adminToken).send({ to: NEW }).expect(409);
      expect(refused.body.conflicts).toHaveLength(1);
      const overlay = await h.on(p.host).get(`/api/forms/${FORM}/overlay`, p.adminToken).expect(200);
      expect(overlay.body).toMatchObject({ baseVersion: OLD, operations: OVERLAY.operations, revision: 1 });
      const still = await h.on(p.host).get(`/api/forms/${FORM}/versions/current`, p.adminToken).expect(200);
      expect(still.body).toMatchObject({ number: 2, baseVersion: OLD, contentHash: before.body.contentHash });

      const moved = await h
        .on(p.host)
        .post(`/api/forms/${FORM}/upgrade`, p.adminToken)
        .send({ to: NEW, dropConflicting: true })
        .expect(200);
      expect(moved.body).toMatchObject({
        baseVersion: NEW,
        operations: [OVERLAY.operations[1]],
        revision: 2,
        dropped: [expect.objectContaining({ index: 0 })],
      });
      // Still nothing published until the admin publishes.
      expect((await h.on(p.host).get(`/api/forms/${FORM}/versions/current`, p.adminToken)).body.number).toBe(2);
      const published = await h
        .on(p.host)
        .post(`/api/forms/${FORM}/publish`, p.adminToken)
        .send({ notes: `moved to ${NEW}` })
        .expect(201);
      expect(published.body).toMatchObject({ number: 3, baseVersion: NEW });
      const audit = await h.on(p.host).get('/api/audit?action=form.overlay-upgraded', p.adminToken).expect(200);
      expect(audit.body.items[0].details).toMatchObject({ from: OLD, to: NEW });
    },
  );

  test('two provinces customising the same form each see only their own versions', async () => {
    const [a, b] = await Promise.all([h.provinceWithAdmin('custom-a'), h.provinceWithAdmin('custom-b')]);
    const overlayFor = (label: string) => ({
      baseVersion: NEW,
      operations: [{ op: 'relabel', target: 'name.title', label: { en: label } }],
    });
    await Promise.all([
      h.on(a.host).put(`/api/forms/${FORM}/overlay`, a.adminToken).send(overlayFor('Title (A)')).expect(200),
      h.on(b.host).put(`/api/forms/${FORM}/overlay`, b.adminToken).send(overlayFor('Title (B)')).expect(200),
    ]);
    await Promise.all([
      h.on(a.host).post(`/api/forms/${FORM}/publish`, a.adminToken).send({}).expect(201),
      h.on(b.host).post(`/api/forms/${FORM}/publish`, b.adminToken).send({}).expect(201),
    ]);
    const [va, vb] = await Promise.all([
      h.on(a.host).get(`/api/forms/${FORM}/versions/current`, a.adminToken).expect(200),
      h.on(b.host).get(`/api/forms/${FORM}/versions/current`, b.adminToken).expect(200),
    ]);
    expect([va.body.labels['/name/title'], vb.body.labels['/name/title']]).toEqual(['Title (A)', 'Title (B)']);
    expect(va.body.id).not.toBe(vb.body.id);
    // B's token on A's host is refused; A's overlay is not B's.
    await h.on(a.host).get(`/api/forms/${FORM}/overlay`, b.adminToken).expect(401);
    expect((await h.on(b.host).get(`/api/forms/${FORM}/overlay`, b.adminToken)).body.operations[0].label.en).toBe(
      'Title (B)',
    );
  });
});
