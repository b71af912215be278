import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { FormCatalogue } from '../../src/forms/form-catalogue.service';
import { Harness, ProvisionedProvince } from '../support/harness';

/*
 * The forms API on real Postgres with the two demo provinces as provisioned (their own master
 * data): customising, publishing, validating, and what one province's changes do to the other
 * (nothing). A fresh database, because the provinces must be called kp and gb.
 */

type Province = ProvisionedProvince & { adminToken: string };
const FORM = 'pc1-infrastructure';
const fixture = () => JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'forms', `${FORM}.json`), 'utf8'));

/** The README's walkthrough files: GB's overlay, and a GB project in Hunza. */
const EXAMPLES = path.join(__dirname, '..', '..', 'docs', 'examples');
const GB_OVERLAY = JSON.parse(readFileSync(path.join(EXAMPLES, 'gb-pc1-overlay.json'), 'utf8'));
const gbPayload = () => JSON.parse(readFileSync(path.join(EXAMPLES, 'gb-pc1-infrastructure.json'), 'utf8'));

describe('forms API (kp and gb)', () => {
  let h: Harness;
  let kp: Province;
  let gb: Province;

  beforeAll(async () => {
    h = await Harness.start({ freshDatabase: 'daftar_test_forms' });
    const [k, g] = [
      await h.provisionDirect('kp', 'Khyber Pakhtunkhwa'),
      await h.provisionDirect('gb', 'Gilgit-Baltistan'),
    ];
    kp = { ...k, adminToken: await h.login(k) };
    gb = { ...g, adminToken: await h.login(g) };
  });
  afterAll(() => h?.close());

  test('provisioning installs every base form as version 1 and the province’s own master data', async () => {
    const forms = await h.on(kp.host).get('/api/forms', kp.adminToken).expect(200);
    expect(forms.body.map((f: { key: string }) => f.key)).toEqual(new FormCatalogue(BASE_CATALOGUE).keys());
    for (const f of forms.body)
      expect(f).toMatchObject({
        currentVersion: { number: 1, baseVersion: new FormCatalogue(BASE_CATALOGUE).latest(f.key)!.version },
        upgradeAvailable: false,
      });
    const gbDistricts = await h.on(gb.host).get('/api/master-data/districts', gb.adminToken).expect(200);
    expect(gbDistricts.body).toHaveLength(14);
    expect(gbDistricts.body.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(['gilgit', 'hunza', 'skardu', 'darel', 'tangir', 'roundu', 'gupis-yasin']),
    );
    const kpDistricts = await h.on(kp.host).get('/api/master-data/districts', kp.adminToken).expect(200);
    expect(kpDistricts.body.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(['peshawar', 'swat', 'bajaur']),
    );
    expect(kpDistricts.body.map((d: { code: string }) => d.code)).not.toContain('gilgit');
  });

  test('a compiled version comes with its schema, UI schema, rules and labels in the requested language', async () => {
    const ur = await h.on(gb.host).get(`/api/forms/${FORM}/versions/current?locale=ur`, gb.adminToken).expect(200);
    expect(ur.body).toMatchObject({ number: 1, locale: 'ur', formKey: FORM });
    expect(ur.body.title).toMatch(/[\u0600-\u06FF]/);
    expect(ur.body.labels['/name/title']).toBe('منصوبے کا نام');
    expect(ur.body.ui.sections.map((s: { number: string }) => s.number).slice(0, 3)).toEqual(['0', '1', '2']);
    expect(ur.body.rules.length).toBeGreaterThan(0);
    const districts = ur.body.schema.properties.location.properties.districts.items.enum;
    expect(districts).toContain('gilgit');
    expect(districts).not.toContain('peshawar');
    const en = await h
      .on(gb.host)
      .get(`/api/forms/${FORM}/versions/1`, gb.adminToken)
      .set('Accept-Language', 'en-GB,en;q=0.9')
      .expect(200);
    expect(en.body.labels['/name/title']).toBe('Name of the project');
    expect(en.body.contentHash).toBe(ur.body.contentHash);
  });

  test('KP’s complete example validates on KP’s version', async () => {
    const res = await h
      .on(kp.host)
      .post(`/api/forms/${FORM}/versions/current/validate`, kp.adminToken)
      .send(fixture())
      .expect(200);
    expect(res.body.errors).toEqual([]);
    expect(res.body).toMatchObject({ valid: true, version: { number: 1 } });
  });

  describe('GB customises its PC-I', () => {
    beforeAll(async () => {
      await h.on(gb.host).put(`/api/forms/${FORM}/overlay`, gb.adminToken).send(GB_OVERLAY).expect(200);
      await h
        .on(gb.host)
        .post(`/api/forms/${FORM}/publish`, gb.adminToken)
        .send({ notes: 'GB Council approval reference' })
        .expect(201);
    });

    test('the preview and the published version carry the overlay; KP is untouched', async () => {
      const gbHistory = await h.on(gb.host).get(`/api/forms/${FORM}/versions`, gb.adminToken).expect(200);
      expect(gbHistory.body.map((v: { number: number }) => v.number)).toEqual([2, 1]);
      expect(gbHistory.body[0]).toMatchObject({
        notes: 'GB Council approval reference',
        publisherType: 'user',
        operations: 3,
      });
      const kpHistory = await h.on(kp.host).get(`/api/forms/${FORM}/versions`, kp.adminToken).expect(200);
      expect(kpHistory.body.map((v: { number: number }) => v.number)).toEqual([1]);
      await h.on(kp.host).get(`/api/forms/${FORM}/versions/2`, kp.adminToken).expect(404);
      const v2 = await h.on(gb.host).get(`/api/forms/${FORM}/versions/2`, gb.adminToken).expect(200);
      const name = v2.body.ui.sections.find((s: { id: string }) => s.id === 'name');
      expect(name.fields.map((f: { id: string }) => f.id)).toEqual(['title', 'gbCouncilApprovalRef', 'projectCode']);
      expect(name.fields[1]).toMatchObject({
        label: 'Gilgit-Baltistan Council approval reference',
        required: true,
        addedBy: 'overlay',
      });
      expect(name.fields[2].label).toBe('GB P&DD project code');
      const diff = await h.on(gb.host).get(`/api/forms/${FORM}/diff?from=1&to=current`, gb.adminToken).expect(200);
      expect(diff.body.changes.map((c: { change: string; address: string }) => `${c.change} ${c.address}`)).toEqual(
        expect.arrayContaining(['added name.gbCouncilApprovalRef', 'changed name.projectCode', 'changed name.title']),
      );
      const preview = await h.on(gb.host).post(`/api/forms/${FORM}/preview`, gb.adminToken).send({}).expect(200);
      expect(preview.body).toMatchObject({ conflicts: [], unchangedFrom: 2 });
    });

    test('a payload valid in GB’s version is invalid in KP’s, and the reverse', async () => {
      const inGb = await h
        .on(gb.host)
        .post(`/api/forms/${FORM}/versions/current/validate`, gb.adminToken)
        .send(gbPayload())
        .expect(200);
      expect(inGb.body.errors).toEqual([]);
      const inKp = await h
        .on(kp.host)
        .post(`/api/forms/${FORM}/versions/current/validate`, kp.adminToken)
        .send(gbPayload())
        .expect(200);
      expect(inKp.body.valid).toBe(false);
      expect(inKp.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)).toEqual(
        expect.arrayContaining(['/name/gbCouncilApprovalRef unknown', '/location/districts/0 enum']),
      );

      const kpData = fixture();
      expect(
        (
          await h
            .on(kp.host)
            .post(`/api/forms/${FORM}/versions/current/validate`, kp.adminToken)
            .send(kpData)
            .expect(200)
        ).body.valid,
      ).toBe(true);
      const kpInGb = await h
        .on(gb.host)
        .post(`/api/forms/${FORM}/versions/current/validate`, gb.adminToken)
        .send(kpData)
        .expect(200);
      expect(kpInGb.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)).toEqual(
        expect.arrayContaining(['/name/gbCouncilApprovalRef required', '/location/districts/0 enum']),
      );
      const badRef = { ...gbPayload(), name: { ...gbPayload().name, gbCouncilApprovalRef: 'council 117' } };
      const bad = await h
        .on(gb.host)
        .post(`/api/forms/${FORM}/versions/current/validate`, gb.adminToken)
        .send(badRef)
        .expect(200);
      expect(bad.body.errors).toEqual([
        expect.objectContaining({ pointer: '/name/gbCouncilApprovalRef', code: 'pattern' }),
      ]);
    });

    test('the version a document was filled on still validates it after GB publishes another', async () => {
      const old = gbPayload();
      delete old.name.gbCouncilApprovalRef;
      const res = await h
        .on(gb.host)
        .post(`/api/forms/${FORM}/versions/1/validate`, gb.adminToken)
        .send(old)
        .expect(200);
      expect(res.body).toMatchObject({ valid: true, version: { number: 1 } });
    });

    test('publishing an unchanged overlay is refused; a stale overlay revision is refused', async () => {
      const again = await h.on(gb.host).post(`/api/forms/${FORM}/publish`, gb.adminToken).send({}).expect(409);
      expect(again.body.message).toMatch(/identical to version 2/);
      const overlay = await h.on(gb.host).get(`/api/forms/${FORM}/overlay`, gb.adminToken).expect(200);
      expect(overlay.body).toMatchObject({ revision: 1, baseVersion: '2.0.0' });
      const stale = await h
        .on(gb.host)
        .put(`/api/forms/${FORM}/overlay`, gb.adminToken)
        .set('If-Match', '"0"')
        .send(GB_OVERLAY)
        .expect(409);
      expect(stale.body.message).toMatch(/changed by someone else/);
    });

    test('the publication is in GB’s audit log only', async () => {
      const gbAudit = await h.on(gb.host).get('/api/audit?action=form.published', gb.adminToken).expect(200);
      expect(gbAudit.body.items).toEqual([
        expect.objectContaining({ targetId: FORM, details: expect.objectContaining({ number: 2 }) }),
      ]);
      const kpAudit = await h.on(kp.host).get('/api/audit?action=form.published', kp.adminToken).expect(200);
      expect(kpAudit.body.items).toEqual([]);
    });
  });

  test(
    'locked fields, loosened constraints and unknown targets ' + 'are refused with reasons, and nothing is saved',
    async () => {
      const before = await h.on(kp.host).get(`/api/forms/${FORM}/overlay`, kp.adminToken).expect(200);
      const res = await h
        .on(kp.host)
        .put(`/api/forms/${FORM}/overlay`, kp.adminToken)
        .send({
          baseVersion: '2.0.0',
          operations: [
            { op: 'hide', target: 'name.title' },
            { op: 'constrain', target: 'name.title', constraints: { maxLength: 5000 } },
            { op: 'hide', target: 'location.districts' },
            { op: 'relabel', target: 'name.nothing', label: { en: 'x' } },
          ],
        })
        .expect(400);
      expect(res.body.conflicts.map((c: { index: number; reason: string }) => [c.index, c.reason])).toEqual([
        [0, 'name.title is locked: the Planning Commission requires it'],
        [1, "loosens the constraint: maxLength 5000 is above the base form's 300"],
        [2, 'location.districts is locked: the Planning Commission requires it'],
        [3, 'no field "nothing" in section 1 (name)'],
      ]);
      const after = await h.on(kp.host).get(`/api/forms/${FORM}/overlay`, kp.adminToken).expect(200);
      expect(after.body).toEqual(before.body);
    },
  );

  test('only the province administrator customises; everyone may read and validate', async () => {
    const preparer = await h.userWithRole(kp, 'preparer', 'ur');
    await h.on(kp.host).put(`/api/forms/${FORM}/overlay`, preparer.token).send(GB_OVERLAY).expect(403);
    await h.on(kp.host).post(`/api/forms/${FORM}/publish`, preparer.token).send({}).expect(403);
    await h
      .on(kp.host)
      .put('/api/master-data/districts/new-town', preparer.token)
      .send({ nameEn: 'New Town', nameUr: 'نیا شہر' })
      .expect(403);
    // No locale asked for: the preparer's own setting (Urdu) is used for messages.
    const res = await h
      .on(kp.host)
      .post(`/api/forms/${FORM}/versions/current/validate`, preparer.token)
      .send({ name: {} })
      .expect(200);
    expect(res.body.errors.find((e: { pointer: string }) => e.pointer === '/name/title').message).toBe(
      'مد 1: منصوبے کا نام لازمی ہے',
    );
    await h.on(gb.host).get('/api/forms', preparer.token).expect(401);
  });

  test('master data edited by the admin reaches the next published version, not the current one', async () => {
    await h
      .on(gb.host)
      .put('/api/master-data/districts/kharmang-new', gb.adminToken)
      .send({ nameEn: 'New Kharmang', nameUr: 'نیا کھرمنگ' })
      .expect(200);
    const badTehsil = await h
      .on(gb.host)
      .put('/api/master-data/tehsils/some-tehsil', gb.adminToken)
      .send({ nameEn: 'Some', nameUr: 'کچھ' })
      .expect(400);
    expect(badTehsil.body.message).toEqual(['parentCode is required for tehsils']);
    await h
      .on(gb.host)
      .put('/api/master-data/tehsils/some-tehsil', gb.adminToken)
      .send({ nameEn: 'Some', nameUr: 'کچھ', parentCode: 'nowhere' })
      .expect(400);
    await h
      .on(gb.host)
      .put('/api/master-data/rivers/indus', gb.adminToken)
      .send({ nameEn: 'Indus', nameUr: 'سندھ' })
      .expect(404);
    await h
      .on(gb.host)
      .put('/api/master-data/districts/Bad%20Code', gb.adminToken)
      .send({ nameEn: 'x', nameUr: 'x' })
      .expect(400);

    const payload = { ...gbPayload(), location: { ...gbPayload().location, districts: ['kharmang-new'] } };
    const before = await h
      .on(gb.host)
      .post(`/api/forms/${FORM}/versions/current/validate`, gb.adminToken)
      .send(payload)
      .expect(200);
    expect(before.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/location/districts/0']);
    const published = await h
      .on(gb.host)
      .post(`/api/forms/${FORM}/publish`, gb.adminToken)
      .send({ notes: 'New district' })
      .expect(201);
    const after = await h
      .on(gb.host)
      .post(`/api/forms/${FORM}/versions/${published.body.number}/validate`, gb.adminToken)
      .send(payload)
      .expect(200);
    expect(after.body.errors).toEqual([]);
  });

  test('published versions cannot be changed, even in the database', async () => {
    await expect(h.dataSource.query(`UPDATE t_gb.form_versions SET notes = 'rewritten'`)).rejects.toThrow(/immutable/);
    await expect(h.dataSource.query(`DELETE FROM t_kp.form_versions`)).rejects.toThrow(/immutable/);
  });

  describe('hostile input gets a clear 4xx and the process stays healthy', () => {
    const validateUrl = `/api/forms/${FORM}/versions/current/validate`;

    test('a 10 MB body is refused with 413', async () => {
      const big = { name: { title: 'x'.repeat(10 * 1024 * 1024) } };
      const res = await h.on(kp.host).post(validateUrl, kp.adminToken).send(big);
      expect(res.status).toBe(413);
    });

    test('deeply nested JSON is refused with 400', async () => {
      const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const res = await h
        .on(kp.host)
        .post(validateUrl, kp.adminToken)
        .set('Content-Type', 'application/json')
        .send(deep)
        .expect(400);
      expect(res.body.message[0]).toMatch(/nested deeper than 32 levels/);
    });

    test('__proto__ keys are refused with 400 and pollute nothing', async () => {
      const res = await h
        .on(kp.host)
        .post(validateUrl, kp.adminToken)
        .set('Content-Type', 'application/json')
        .send('{"name":{"__proto__":{"isAdmin":true}}}')
        .expect(400);
      expect(res.body.message[0]).toMatch(/"__proto__" is not allowed/);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    test('catastrophic regex patterns, unknown keywords and oversized overlays are refused', async () => {
      const redos = await h
        .on(kp.host)
        .put(`/api/forms/${FORM}/overlay`, kp.adminToken)
        .send({
          baseVersion: '2.0.0',
          operations: [{ op: 'constrain', target: 'name.projectCode', constraints: { pattern: '^(\\w+\\s?)*$' } }],
        })
        .expect(400);
      expect(redos.body.message[0]).toMatch(/backtrack catastrophically/);
      const overlapping = await h
        .on(kp.host)
        .put(`/api/forms/${FORM}/overlay`, kp.adminToken)
        .send({
          baseVersion: '2.0.0',
          operations: [{ op: 'constrain', target: 'name.projectCode', constraints: { pattern: '^(\\w|\\d)+$' } }],
        })
        .expect(400);
      expect(overlapping.body.message[0]).toMatch(/backtrack catastrophically/);
      const unknown = await h
        .on(kp.host)
        .put(`/api/forms/${FORM}/overlay`, kp.adminToken)
        .send({
          baseVersion: '2.0.0',
          operations: [{ op: 'constrain', target: 'name.projectCode', constraints: { maxLenght: 20 } }],
        })
        .expect(400);
      expect(unknown.body.message).toEqual(['/operations/0/constraints/maxLenght: unknown property "maxLenght"']);
      const many = {
        baseVersion: '2.0.0',
        operations: Array.from({ length: 501 }, () => ({ op: 'require', target: 'name.projectCode' })),
      };
      const tooMany = await h.on(kp.host).put(`/api/forms/${FORM}/overlay`, kp.adminToken).send(many).expect(400);
      expect(tooMany.body.message[0]).toMatch(/\/operations: must NOT have more than 500 items/);
      await h
        .on(kp.host)
        .put(`/api/forms/${FORM}/overlay`, kp.adminToken)
        .send({ baseVersion: '9.9.9', operations: [] })
        .expect(400);
      await h.on(kp.host).get('/api/forms/no-such-form/versions/current', kp.adminToken).expect(404);
      await h.on(kp.host).get(`/api/forms/${FORM}/versions/latest`, kp.adminToken).expect(400);
      await h.on(kp.host).post(validateUrl, kp.adminToken).query({ locale: 'fr' }).send({}).expect(400);
    });

    test('a non-object payload is an error, not a crash; the process stays healthy', async () => {
      const res = await h
        .on(kp.host)
        .post(validateUrl, kp.adminToken)
        .set('Content-Type', 'application/json')
        .send('[1,2,3]')
        .expect(200);
      expect(res.body).toMatchObject({ valid: false, errors: [{ pointer: '', code: 'notObject' }] });
      await h.on(kp.host).get('/health').expect(200);
    });
  });
});
