import { recordCrossProvinceRows } from '../support/cross-province';
import { Harness } from '../support/harness';
import { act, PDF, Province, startWithDemoProvinces, team, Team, toForum, validDraft } from './support';

/*
 * Forum routing at and around every threshold for kp and gb, with dates on both sides of a
 * rule change; attachments (size, type, names, the same name in two provinces); and nothing of
 * one province reachable from the other, endpoint by endpoint.
 */

describe('forum routing, attachments and isolation (kp, gb)', () => {
  let h: Harness;
  let kp: Province;
  let gb: Province;
  let kpTeam: Team;
  let gbTeam: Team;

  beforeAll(async () => {
    ({ h, kp, gb } = await startWithDemoProvinces('daftar_test_routing', { ATTACHMENT_MAX_MB: '1' }));
    [kpTeam, gbTeam] = await Promise.all([team(h, kp), team(h, gb)]);
  });
  afterAll(() => h?.close());

  const route = async (p: Province, query: string) => {
    const res = await h.on(p.host).get(`/api/forum-rules/route?${query}`, p.adminToken).expect(200);
    return `${res.body.forum} (${res.body.rule?.code})`;
  };

  test('KP: DDWP up to Rs 400 m, PDWP to Rs 10 bn, ECNEC above; special rules', async () => {
    const on = 'on=2026-11-28';
    expect(await route(kp, `cost=0.001&${on}`)).toBe('kp-ddwp (kp-ddwp)');
    expect(await route(kp, `cost=400&${on}`)).toBe('kp-ddwp (kp-ddwp)');
    expect(await route(kp, `cost=400.001&${on}`)).toBe('kp-pdwp (kp-pdwp)');
    expect(await route(kp, `cost=10000&${on}`)).toBe('kp-pdwp (kp-pdwp)');
    expect(await route(kp, `cost=10000.001&${on}`)).toBe('ecnec (federal-ecnec-2022)');
    // June–August 2025: PDWPs could approve wholly provincial projects of any cost; withdrawn 25-08-2025.
    expect(await route(kp, 'cost=12000&provincial=true&on=2025-07-15')).toBe('kp-pdwp (kp-pdwp-provincial-2025)');
    expect(await route(kp, 'cost=12000&provincial=true&on=2025-08-24')).toBe('kp-pdwp (kp-pdwp-provincial-2025)');
    expect(await route(kp, 'cost=12000&provincial=true&on=2025-08-25')).toBe('ecnec (federal-ecnec-2022)');
    expect(await route(kp, 'cost=12000&provincial=false&on=2025-07-15')).toBe('ecnec (federal-ecnec-2022)');
    // PC-II by the PDWP irrespective of cost; foreign-funded components to the federal forums.
    expect(await route(kp, `cost=50&form=pc2&${on}`)).toBe('kp-pdwp (kp-pc2-pdwp)');
    expect(await route(kp, `cost=400&foreign=true&${on}`)).toBe('kp-ddwp (kp-ddwp)');
    expect(await route(kp, `cost=400.001&foreign=true&${on}`)).toBe('cdwp (kp-foreign-cdwp)');
    expect(await route(kp, `cost=7500.001&foreign=true&${on}`)).toBe('ecnec (kp-foreign-ecnec)');
    // A revised PC-I within 15 % stays with the department; beyond, the competent forum by cost.
    expect(await route(kp, `cost=2300&form=pc1-revised&increasePct=15&${on}`)).toBe(
      'kp-ddwp (kp-ddwp-revision-within-15)',
    );
    expect(await route(kp, `cost=2300&form=pc1-revised&increasePct=15.001&${on}`)).toBe('kp-pdwp (kp-pdwp)');
  });

  test('GB: DDWP up to Rs 400 m, GBDWP to Rs 1 bn, then CDWP and ECNEC by the federal limits of the date', async () => {
    const on = 'on=2026-11-28';
    expect(await route(gb, `cost=400&${on}`)).toBe('gb-ddwp (gb-ddwp)');
    expect(await route(gb, `cost=400.001&${on}`)).toBe('gbdwp (gbdwp)');
    expect(await route(gb, `cost=1000&${on}`)).toBe('gbdwp (gbdwp)');
    expect(await route(gb, `cost=1000.001&${on}`)).toBe('cdwp (federal-cdwp-2022)');
    expect(await route(gb, `cost=7500&${on}`)).toBe('cdwp (federal-cdwp-2022)');
    expect(await route(gb, `cost=7500.001&${on}`)).toBe('ecnec (federal-ecnec-2022)');
    // The federal limits changed on 25-08-2022 (CDWP Rs 10 bn → Rs 7.5 bn).
    expect(await route(gb, 'cost=8000&on=2022-08-24')).toBe('cdwp (federal-cdwp-2019)');
    expect(await route(gb, 'cost=8000&on=2022-08-25')).toBe('ecnec (federal-ecnec-2022)');
    expect(await route(gb, 'cost=10000.001&on=2021-01-01')).toBe('ecnec (federal-ecnec-2019)');
    expect(await route(gb, 'cost=3000.001&on=2019-09-25')).toBe('ecnec (federal-ecnec-pre-2019)');
    expect(await route(gb, 'cost=3000.001&on=2019-09-26')).toBe('cdwp (federal-cdwp-2019)');
    // GB has no PC-II rule of its own: cost decides.
    expect(await route(gb, `cost=50&form=pc2&${on}`)).toBe('gb-ddwp (gb-ddwp)');
    await h.on(gb.host).get('/api/forum-rules/route?cost=abc&on=yesterday', gb.adminToken).expect(400);
  });

  test('a rule change through the API applies from its date; past decisions keep theirs', async () => {
    const rules = (await h.on(gb.host).get('/api/forum-rules', gb.adminToken).expect(200)).body;
    const gbdwp = rules.find((r: { code: string }) => r.code === 'gbdwp');
    await h
      .on(gb.host)
      .post(`/api/forum-rules/${gbdwp.id}/end`, gb.adminToken)
      .send({ effectiveTo: '2027-06-30' })
      .expect(201);
    const added = await h
      .on(gb.host)
      .post('/api/forum-rules', gb.adminToken)
      .send({
        code: 'gbdwp-2027',
        forum: 'gbdwp',
        minCost: '400',
        maxCost: '2000',
        effectiveFrom: '2027-07-01',
        priority: 20,
        source: 'GB P&DD notification (test): GBDWP up to Rs 2 bn from 1 July 2027',
      })
      .expect(201);
    expect(added.body).toMatchObject({ code: 'gbdwp-2027', maxCost: '2000', effectiveFrom: '2027-07-01' });
    expect(await route(gb, 'cost=1500&on=2027-06-30')).toBe('cdwp (federal-cdwp-2022)');
    expect(await route(gb, 'cost=1500&on=2027-07-01')).toBe('gbdwp (gbdwp-2027)');
    const refused = await h
      .on(gb.host)
      .post('/api/forum-rules', gb.adminToken)
      .send({
        code: 'x',
        forum: 'punjab-pdwp',
        effectiveFrom: '2027-01-01',
        priority: 20,
        source: 'x',
        minCost: '9',
        maxCost: '3',
      })
      .expect(400);
    expect(refused.body.message).toEqual(['maxCost must be above minCost']);
    const foreign = await h
      .on(gb.host)
      .post('/api/forum-rules', gb.adminToken)
      .send({ code: 'y', forum: 'punjab-pdwp', effectiveFrom: '2027-01-01', priority: 20, source: 'x' })
      .expect(400);
    expect(foreign.body.message).toEqual(['forum: "punjab-pdwp" is not one of this province\'s approval forums']);
    await h
      .on(gb.host)
      .post('/api/forum-rules', gbTeam.preparer)
      .send({ code: 'z', forum: 'gbdwp', effectiveFrom: '2027-01-01', priority: 20, source: 'x' })
      .expect(403);
  });

  const tiesAndBadFigures =
    'rules that would tie are refused; the wholly-provincial condition holds both ways; ' +
    'impossible figures and dates are 400s';
  test(tiesAndBadFigures, async () => {
    const add = (body: object) =>
      h
        .on(gb.host)
        .post('/api/forum-rules', gb.adminToken)
        .send({ effectiveFrom: '2031-01-01', priority: 20, source: 'GB test notification', ...body });
    // Up to Rs 500 m at the cost bands' priority, naming GBDWP: Rs 0-400 m would tie with gb-ddwp.
    const tie = await add({ code: 'gbdwp-wide-2031', forum: 'gbdwp', maxCost: '500' }).expect(409);
    expect(tie.body.message).toMatch(/overlaps "gb-ddwp" \(gb-ddwp\) at the same priority 20/);
    expect(tie.body.conflicts.map((c: { code: string }) => c.code)).toEqual(['gb-ddwp']);
    // Adjacent bands (400, 500] do not overlap gb-ddwp's (0, 400]; the same forum's band may.
    await add({ code: 'gbdwp-2031', forum: 'gbdwp', minCost: '400', maxCost: '500' }).expect(201);
    expect(await route(gb, 'cost=450&on=2031-02-01')).toBe('gbdwp (gbdwp-2031)'); // the newer of two same-forum rules

    await add({
      code: 'gb-not-provincial-2031',
      forum: 'gbdwp',
      minCost: '2000',
      maxCost: '3000',
      whollyProvincial: false,
      priority: 35,
    }).expect(201);
    expect(await route(gb, 'cost=2500&on=2031-02-01&provincial=false')).toBe('gbdwp (gb-not-provincial-2031)');
    expect(await route(gb, 'cost=2500&on=2031-02-01&provincial=true')).toBe('cdwp (federal-cdwp-2022)');

    const bad = await add({
      code: 'bad-2031',
      forum: 'gbdwp',
      maxIncreasePct: '1000000',
      effectiveFrom: '2026-02-30',
      effectiveTo: '2031-13-01',
    }).expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'maxIncreasePct must be a percentage such as 15 (at most 999999.999, 3 decimals)',
        'effectiveFrom must be a real date (YYYY-MM-DD)',
        'effectiveTo must be a real date (YYYY-MM-DD)',
      ]),
    );
    const rules = (await h.on(gb.host).get('/api/forum-rules', gb.adminToken).expect(200)).body;
    await h
      .on(gb.host)
      .post(`/api/forum-rules/${rules[0].id}/end`, gb.adminToken)
      .send({ effectiveTo: '2031-02-29' })
      .expect(400);
    await h.on(gb.host).get('/api/forum-rules/route?cost=10&on=2031-02-29', gb.adminToken).expect(400);
    // Amounts are compared exactly, beyond what a float can tell apart (both are 1e15 as floats).
    const close = await add({
      code: 'close-2031',
      forum: 'gbdwp',
      minCost: '999999999999999.997',
      maxCost: '999999999999999.998',
      priority: 1,
    }).expect(201);
    expect(close.body).toMatchObject({ minCost: '999999999999999.997', maxCost: '999999999999999.998' });

    // Ending a rule makes room for a successor; reopening it afterwards would tie with it.
    const gbDdwp = (await h.on(gb.host).get('/api/forum-rules', gb.adminToken).expect(200)).body.find(
      (r: { code: string }) => r.code === 'gb-ddwp',
    );
    await add({ code: 'gbdwp-low-2032', forum: 'gbdwp', maxCost: '400', effectiveFrom: '2032-01-01' }).expect(409);
    await h
      .on(gb.host)
      .post(`/api/forum-rules/${gbDdwp.id}/end`, gb.adminToken)
      .send({ effectiveTo: '2031-12-31' })
      .expect(201);
    await add({ code: 'gbdwp-low-2032', forum: 'gbdwp', maxCost: '400', effectiveFrom: '2032-01-01' }).expect(201);
    const reopened = await h
      .on(gb.host)
      .post(`/api/forum-rules/${gbDdwp.id}/end`, gb.adminToken)
      .send({ effectiveTo: '2099-12-31' })
      .expect(409);
    expect(reopened.body.conflicts.map((c: { code: string }) => c.code)).toEqual(['gbdwp-low-2032']);
    expect(await route(gb, 'cost=100&on=2031-12-31')).toBe('gb-ddwp (gb-ddwp)');
    expect(await route(gb, 'cost=100&on=2032-01-01')).toBe('gbdwp (gbdwp-low-2032)');
  });

  describe('attachments', () => {
    let docId: string;
    beforeAll(async () => {
      const created = await h
        .on(kp.host)
        .post('/api/projects', kpTeam.preparer)
        .send({ title: 'Attachment checks', formKey: 'pc1-production' })
        .expect(201);
      docId = created.body.document.id;
    });
    // filepath: form-data would otherwise cut the name to its basename before sending it.
    const upload = (
      name: string,
      bytes: Buffer,
      contentType: string,
      province = kp,
      token = kpTeam.preparer,
      id = docId,
    ) =>
      h
        .on(province.host)
        .post(`/api/documents/${id}/attachments`, token)
        .field('kind', 'map')
        .attach('file', bytes, { filename: name, filepath: name, contentType } as {
          filename: string;
          contentType: string;
        });

    const refusedUploads =
      'too large (413), wrong type (400), unknown kind (400); nothing is stored (names with a path: test/attachments)';
    test(refusedUploads, async () => {
      expect((await upload('big.pdf', Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]), 'application/pdf')).status).toBe(
        413,
      );
      const text = await upload('notes.pdf', Buffer.from('just text, not a PDF'), 'application/pdf');
      expect(text.status).toBe(400);
      expect(text.body.message).toEqual(['file: only PDF, PNG, JPEG and TIFF files are accepted']);
      const liar = await upload('map.png', PDF, 'image/png');
      expect(liar.body.message).toEqual(['file: declared as image/png but its content is application/pdf']);
      const kind = await h
        .on(kp.host)
        .post(`/api/documents/${docId}/attachments`, kpTeam.preparer)
        .field('kind', 'selfie')
        .attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' })
        .expect(400);
      expect(kind.body.message[0]).toMatch(/kind must be one of/);
      const [{ n }] = await h.dataSource.query(
        `SELECT count(*)::int AS n FROM t_kp.attachments WHERE document_id = $1`,
        [docId],
      );
      expect(n).toBe(0);
    });

    test('the same name in two provinces is two files, each under its province, with its checksum', async () => {
      const gbDoc = (
        await h
          .on(gb.host)
          .post('/api/projects', gbTeam.preparer)
          .send({ title: 'GB map', formKey: 'pc1-production' })
          .expect(201)
      ).body.document.id;
      const kpFile = Buffer.concat([PDF, Buffer.from('KP')]);
      const gbFile = Buffer.concat([PDF, Buffer.from('GB')]);
      const a = await upload('site-map.pdf', kpFile, 'application/pdf').expect(201);
      const b = await upload('site-map.pdf', gbFile, 'application/pdf', gb, gbTeam.preparer, gbDoc).expect(201);
      expect(a.body.sha256).not.toBe(b.body.sha256);
      const [kpRow] = await h.dataSource.query(`SELECT storage_key FROM t_kp.attachments WHERE id = $1`, [a.body.id]);
      const [gbRow] = await h.dataSource.query(`SELECT storage_key FROM t_gb.attachments WHERE id = $1`, [b.body.id]);
      expect(kpRow.storage_key).toMatch(/^t_kp\//);
      expect(gbRow.storage_key).toMatch(/^t_gb\//);
      const down = await h
        .on(kp.host)
        .get(`/api/documents/${docId}/attachments/${a.body.id}`, kpTeam.viewer)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(down.body as Buffer, kpFile)).toBe(0);
      expect(down.headers['content-type']).toBe('application/pdf');
      // GB's file is not reachable through KP, even by its id.
      const crossed = await h.on(kp.host).get(`/api/documents/${docId}/attachments/${b.body.id}`, kpTeam.viewer);
      recordCrossProvinceRows("GB's attachment through KP", crossed.status === 200 ? 1 : 0, 1);
      expect(crossed.status).toBe(404);
    });
  });

  test('nothing of KP is reachable from GB: every endpoint with KP ids answers 404', async () => {
    const kpDoc = await validDraft(h, kpTeam);
    await toForum(h, kpTeam, kpDoc.id);
    const attachment = (
      await h.dataSource.query(`SELECT id FROM t_kp.attachments WHERE document_id = $1`, [kpDoc.id])
    )[0].id;
    const kpRule = (await h.on(kp.host).get('/api/forum-rules', kp.adminToken).expect(200)).body[0].id;
    const g = h.on(gb.host);
    const requests: [string, () => Promise<{ status: number }>][] = [
      ['GET project', () => g.get(`/api/projects/${kpDoc.projectId}`, gbTeam.viewer)],
      [
        'POST follow-up',
        () => g.post(`/api/projects/${kpDoc.projectId}/documents`, gbTeam.preparer).send({ formKey: 'pc4' }),
      ],
      ['GET document', () => g.get(`/api/documents/${kpDoc.id}`, gbTeam.viewer)],
      ['PUT document', () => g.put(`/api/documents/${kpDoc.id}`, gbTeam.preparer).send({ revision: 1, data: {} })],
      ['GET revisions', () => g.get(`/api/documents/${kpDoc.id}/revisions`, gbTeam.viewer)],
      ['GET diff', () => g.get(`/api/documents/${kpDoc.id}/diff?from=1&to=2`, gbTeam.viewer)],
      ['GET transitions', () => g.get(`/api/documents/${kpDoc.id}/transitions`, gbTeam.viewer)],
      ['GET routing', () => g.get(`/api/documents/${kpDoc.id}/routing`, gbTeam.viewer)],
      ['POST action', () => g.post(`/api/documents/${kpDoc.id}/actions/approve`, gbTeam.approver).send({})],
      [
        'POST attachment',
        () =>
          g
            .post(`/api/documents/${kpDoc.id}/attachments`, gbTeam.preparer)
            .field('kind', 'map')
            .attach('file', PDF, { filename: 'x.pdf', contentType: 'application/pdf' }),
      ],
      ['GET attachment', () => g.get(`/api/documents/${kpDoc.id}/attachments/${attachment}`, gbTeam.viewer)],
      [
        'POST rule end',
        () => g.post(`/api/forum-rules/${kpRule}/end`, gb.adminToken).send({ effectiveTo: '2030-01-01' }),
      ],
    ];
    const answers: { name: string; status: number }[] = [];
    for (const [name, call] of requests) answers.push({ name, status: (await call()).status });
    // KP's own tokens do not work on GB's host either, and GB's lists do not show KP's document.
    const kpTokenOnGb = await h.on(gb.host).get(`/api/documents/${kpDoc.id}`, kpTeam.viewer);
    const gbList = (await g.get('/api/documents?pageSize=100', gbTeam.viewer).expect(200)).body.items.map(
      (d: { id: string }) => d.id,
    );
    // Any 2xx above read or changed a KP row through GB.
    const reached = answers.filter((a) => a.status < 300).length + (kpTokenOnGb.status < 300 ? 1 : 0);
    recordCrossProvinceRows(
      'KP ids through GB, endpoint by endpoint',
      reached + (gbList.includes(kpDoc.id) ? 1 : 0),
      answers.length + 2,
    );
    for (const answer of answers) expect(answer).toEqual({ name: answer.name, status: 404 });
    expect(kpTokenOnGb.status).toBe(401);
    expect(gbList).not.toContain(kpDoc.id);
    // And KP's document is untouched.
    expect((await h.on(kp.host).get(`/api/documents/${kpDoc.id}`, kpTeam.viewer).expect(200)).body.state).toBe('forum');
    expect((await act(h, kp.host, kpTeam.approver, kpDoc.id, 'approve')).status).toBe(200);
  });
});
