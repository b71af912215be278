import { MigrationRunner } from '../../src/database/migration-runner.service';
import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { EDITIONS } from '../../src/forms/catalogue/editions';
import { KIND_OF_FORM, STARTING_FORMS } from '../../src/projects/document-kinds';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness } from '../support/harness';
import { Province, startWithDemoProvinces, team, Team } from '../projects/support';

/*
 * Proforma editions: the PC-I of 2005 beside the PC-I of 2024. A document records the edition it
 * is prepared on; new projects start on the edition the province has chosen; an older edition can
 * be chosen per project for documents of older projects. KP and GB side by side: one province's
 * choice never reaches the other.
 */

interface EditionsEntry {
  proforma: string;
  current: string;
  chosen: boolean;
  editions: { key: string; edition: string; installed: boolean; source: string }[];
}

describe('proforma editions', () => {
  it('names the edition of every catalogue form, and only of catalogue forms', () => {
    const keys = new Set(BASE_CATALOGUE.map((d) => d.key));
    expect([...keys].filter((k) => !EDITIONS[k])).toEqual([]);
    expect(Object.keys(EDITIONS).filter((k) => !keys.has(k))).toEqual([]);
    // Every PC-I variant has its 2005 and its 2024 edition, and both can start a project.
    for (const variant of ['infrastructure', 'production', 'social']) {
      const proforma = `pc1-${variant}`;
      const editions = Object.entries(EDITIONS)
        .filter(([, e]) => e.proforma === proforma)
        .map(([k, e]) => [k, e.id]);
      expect(editions.sort()).toEqual([
        [proforma, '2024'],
        [`${proforma}-2005`, '2005'],
      ]);
      for (const [key] of editions) {
        expect(STARTING_FORMS).toContain(key);
        expect(KIND_OF_FORM[key]).toBe('pc1');
      }
    }
  });

  describe('in provinces (kp, gb)', () => {
    let h: Harness;
    let kp: Province;
    let gb: Province;
    let t: Team;
    let gbTeam: Team;

    beforeAll(async () => {
      ({ h, kp, gb } = await startWithDemoProvinces('daftar_test_editions'));
      [t, gbTeam] = await Promise.all([team(h, kp), team(h, gb)]);
    });
    afterAll(() => h?.close());

    const editions = async (p: Province, token: string) =>
      (await h.on(p.host).get('/api/forms/editions', token).expect(200)).body as EditionsEntry[];
    const start = (p: Province, token: string, body: Record<string, unknown>) =>
      h
        .on(p.host)
        .post('/api/projects', token)
        .send({ title: 'Old road', ...body });

    it('lists each proforma with its editions, installed, newest current by default', async () => {
      const list = await editions(kp, t.viewer);
      const pc1 = list.find((e) => e.proforma === 'pc1-infrastructure')!;
      expect(pc1).toMatchObject({ current: 'pc1-infrastructure', chosen: false });
      expect(pc1.editions.map((e) => [e.key, e.edition, e.installed])).toEqual([
        ['pc1-infrastructure', '2024', true],
        ['pc1-infrastructure-2005', '2005', true],
      ]);
      expect(pc1.editions[1].source).toMatch(/2005/);
      expect(list.find((e) => e.proforma === 'pc1-revised')!.editions.map((e) => e.edition)).toEqual(['2017']);
    });

    it('starts a project on the chosen edition and records it on the document', async () => {
      const newest = await start(kp, t.preparer, { formKey: 'pc1-infrastructure' }).expect(201);
      expect(newest.body.document).toMatchObject({ formKey: 'pc1-infrastructure', edition: '2024', kind: 'pc1' });
      const older = await start(kp, t.preparer, { formKey: 'pc1-infrastructure', edition: '2005' }).expect(201);
      expect(older.body.document).toMatchObject({ formKey: 'pc1-infrastructure-2005', edition: '2005', kind: 'pc1' });
      const byKey = await start(kp, t.preparer, { formKey: 'pc1-social-2005' }).expect(201);
      expect(byKey.body.document).toMatchObject({ formKey: 'pc1-social-2005', edition: '2005' });
      // The document is pinned to a version of that edition's form, and says so when read.
      const doc = (await h.on(kp.host).get(`/api/documents/${older.body.document.id}`, t.preparer).expect(200)).body;
      expect(doc).toMatchObject({ formKey: 'pc1-infrastructure-2005', edition: '2005' });
      const [row] = await h.dataSource.query(
        `SELECT d.edition, v.form_key FROM ${schemaNameFor(kp.slug)}.documents d ` +
          `JOIN ${schemaNameFor(kp.slug)}.form_versions v ON v.id = d.form_version_id WHERE d.id = $1`,
        [older.body.document.id],
      );
      expect(row).toEqual({ edition: '2005', form_key: 'pc1-infrastructure-2005' });
    });

    it('the province admin chooses the current edition; the other province keeps its own', async () => {
      await h
        .on(kp.host)
        .put('/api/forms/editions/pc1-infrastructure', kp.adminToken)
        .send({ formKey: 'pc1-infrastructure-2005' })
        .expect(200);
      expect((await editions(kp, t.viewer)).find((e) => e.proforma === 'pc1-infrastructure')).toMatchObject({
        current: 'pc1-infrastructure-2005',
        chosen: true,
      });
      expect((await start(kp, t.preparer, { formKey: 'pc1-infrastructure' }).expect(201)).body.document.edition).toBe(
        '2005',
      );
      // The newest edition stays reachable by naming it.
      expect(
        (await start(kp, t.preparer, { formKey: 'pc1-infrastructure', edition: '2024' }).expect(201)).body.document
          .edition,
      ).toBe('2024');
      // GB did not choose: its projects still start on 2024.
      expect((await editions(gb, gbTeam.viewer)).find((e) => e.proforma === 'pc1-infrastructure')).toMatchObject({
        current: 'pc1-infrastructure',
        chosen: false,
      });
      expect(
        (await start(gb, gbTeam.preparer, { formKey: 'pc1-infrastructure' }).expect(201)).body.document.edition,
      ).toBe('2024');
      const [audit] = await h.dataSource.query(
        `SELECT details FROM ${schemaNameFor(kp.slug)}.audit_log WHERE action = 'form.edition-chosen'`,
      );
      expect(audit.details).toEqual({ formKey: 'pc1-infrastructure-2005', edition: '2005' });
      await h
        .on(kp.host)
        .put('/api/forms/editions/pc1-infrastructure', kp.adminToken)
        .send({ formKey: 'pc1-infrastructure' })
        .expect(200);
    });

    it('refuses unknown editions, foreign form keys and people who may not choose', async () => {
      const bad = await start(kp, t.preparer, { formKey: 'pc1-infrastructure', edition: '1999' }).expect(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/edition: pc1-infrastructure has the editions 2024, 2005/);
      expect(
        JSON.stringify(
          (await start(kp, t.preparer, { formKey: 'pc1-infrastructure', edition: '20x5' }).expect(400)).body.message,
        ),
      ).toMatch(/edition must be a year/);
      const foreign = await h
        .on(kp.host)
        .put('/api/forms/editions/pc1-infrastructure', kp.adminToken)
        .send({ formKey: 'pc2' })
        .expect(400);
      expect(JSON.stringify(foreign.body.message)).toMatch(/formKey: pc1-infrastructure has the editions/);
      await h.on(kp.host).put('/api/forms/editions/pc9', kp.adminToken).send({ formKey: 'pc9' }).expect(404);
      await h
        .on(kp.host)
        .put('/api/forms/editions/pc1-infrastructure', t.preparer)
        .send({ formKey: 'pc1-infrastructure-2005' })
        .expect(403);
      // A KP admin's token is not accepted on GB's host.
      await h
        .on(gb.host)
        .put('/api/forms/editions/pc1-infrastructure', kp.adminToken)
        .send({ formKey: 'pc1-infrastructure-2005' })
        .expect(401);
      expect((await editions(gb, gbTeam.viewer)).find((e) => e.proforma === 'pc1-infrastructure')!.current).toBe(
        'pc1-infrastructure',
      );
    });

    it('migration 0014 gives documents made before it the edition their form is', async () => {
      const schema = schemaNameFor(kp.slug);
      const editionsOf = () => h.dataSource.query(`SELECT id, form_key, edition FROM ${schema}.documents ORDER BY id`);
      const before = await editionsOf();
      expect(new Set(before.map((d: { edition: string }) => d.edition))).toEqual(new Set(['2024', '2005']));
      await h.dataSource.transaction(async (em) => {
        await em.query(`ALTER TABLE ${schema}.documents DROP COLUMN edition`);
        await em.query(`DROP TABLE ${schema}.form_current_editions`);
        await em.query(`DELETE FROM ${schema}.schema_migrations WHERE id = '0014-editions'`);
      });
      const outcome = await h.api.get(MigrationRunner).migrateAllTenants();
      expect(outcome.map((o) => `${o.slug}: ${o.applied.join()}${o.error ?? ''}`).sort()).toEqual([
        `${gb.slug}: `,
        `${kp.slug}: 0014-editions`,
      ]);
      expect(await editionsOf()).toEqual(before);
      expect((await editions(kp, t.viewer)).find((e) => e.proforma === 'pc1-infrastructure')).toMatchObject({
        current: 'pc1-infrastructure',
        chosen: false,
      });
    });

    it(
      'an edition a province has not installed yet cannot be started or chosen, ' + 'with the way to install it',
      async () => {
        const schema = schemaNameFor(gb.slug);
        // As if GB had been provisioned before the 2005 edition shipped (versions are immutable: drop the trigger
        // briefly).
        await h.dataSource.transaction(async (em) => {
          await em.query(`ALTER TABLE ${schema}.form_versions DISABLE TRIGGER form_versions_immutable`);
          await em.query(`DELETE FROM ${schema}.form_versions WHERE form_key = 'pc1-production-2005'`);
          await em.query(`DELETE FROM ${schema}.form_overlays WHERE form_key = 'pc1-production-2005'`);
          await em.query(`ALTER TABLE ${schema}.form_versions ENABLE TRIGGER form_versions_immutable`);
        });
        const refused = await start(gb, gbTeam.preparer, { formKey: 'pc1-production', edition: '2005' }).expect(409);
        expect(refused.body.message).toMatch(
          /pc1-production-2005 \(edition 2005\) is not installed in this province yet.*npm run migrate/,
        );
        await h
          .on(gb.host)
          .put('/api/forms/editions/pc1-production', gb.adminToken)
          .send({ formKey: 'pc1-production-2005' })
          .expect(409);
        expect(
          (await editions(gb, gbTeam.viewer))
            .find((e) => e.proforma === 'pc1-production')!
            .editions.find((e) => e.edition === '2005')!.installed,
        ).toBe(false);
      },
    );
  });
});
