import { EntityManager } from 'typeorm';
import { Department } from '../../src/departments/department.entity';
import { TenantRecord } from '../../src/tenancy/tenant-context';
import { ProvinceSchemas } from '../../src/tenancy/province-schemas.service';
import { NoTenantContextError, TenantDatabase } from '../../src/tenancy/tenant-database.service';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { Harness, uniqueSlug } from '../support/harness';

/**
 * docs/ARCHITECTURE.md, "Units of work": nested service calls join the transaction open in their async
 * context, so a multi-step operation is atomic; one-statement reads run without a transaction on a
 * schema-qualified statement; and the TypeORM internals the unit of work relies on still hold.
 */
describe('the province unit of work', () => {
  let h: Harness;
  let db: TenantDatabase;
  let a: TenantRecord;
  let b: TenantRecord;

  const txid = (em: EntityManager) => em.query('SELECT txid_current()::text AS id').then(([r]) => r.id as string);
  const count = (code: string) =>
    db.read<{ n: number }>((t) => `SELECT count(*)::int AS n FROM ${t('departments')} WHERE code = $1`, [code]);

  beforeAll(async () => {
    h = await Harness.start({ env: { DB_POOL_SIZE: '3' } });
    db = h.api.get(TenantDatabase);
    const registry = h.api.get(TenantRegistry);
    a = (await registry.findBySlug((await h.provisionDirect(uniqueSlug('uow-a'))).slug))!;
    b = (await registry.findBySlug((await h.provisionDirect(uniqueSlug('uow-b'))).slug))!;
  });

  afterAll(() => h.close());

  it('joins a nested transaction() to the open one, so a failure afterwards undoes both', async () => {
    const ids: string[] = [];
    await expect(
      db.runAs(a, () =>
        db.transaction(async (outer) => {
          ids.push(await txid(outer));
          await db.transaction(async (inner) => {
            expect(inner).toBe(outer);
            ids.push(await txid(inner));
            await inner.getRepository(Department).save({ code: 'NESTED', name: 'written by the inner call' });
          });
          throw new Error('the outer step fails after the inner one');
        }),
      ),
    ).rejects.toThrow('the outer step fails');
    expect(ids[0]).toBe(ids[1]);
    expect(await db.runAs(a, () => count('NESTED'))).toEqual([{ n: 0 }]);
  });

  it('runs tasks after the outermost commit only, and never after a rollback', async () => {
    const ran: string[] = [];
    await db.runAs(a, () =>
      db.transaction(async () => {
        await db.transaction(async (em) => db.afterCommit(em, async () => ran.push('committed')));
        expect(ran).toEqual([]);
      }),
    );
    expect(ran).toEqual(['committed']);
    await db
      .runAs(a, () =>
        db.transaction(async () => {
          await db.transaction(async (em) => db.afterCommit(em, async () => ran.push('rolled back')));
          throw new Error('roll back');
        }),
      )
      .catch(() => undefined);
    expect(ran).toEqual(['committed']);
  });

  it('gives another province its own unit of work, even when started inside one', async () => {
    await db.runAs(a, () =>
      db.transaction(async (em) => {
        const outer = await txid(em);
        const inner = await db.runAs(b, () => db.transaction((other) => txid(other)));
        expect(inner).not.toBe(outer);
        const [{ path }] = await db.runAs(b, () =>
          db.transaction((other) => other.query("SELECT current_setting('search_path') AS path")),
        );
        expect(path.replace(/"/g, '')).toBe(b.schemaName);
      }),
    );
  });

  it('reads one statement without a transaction, on the schema named in the statement', async () => {
    await db.runAs(b, () => db.transaction((em) => em.getRepository(Department).save({ code: 'READB', name: 'b' })));
    expect(await db.runAs(b, () => count('READB'))).toEqual([{ n: 1 }]);
    expect(await db.runAs(a, () => count('READB'))).toEqual([{ n: 0 }]);
    // Inside a unit of work, a read sees its uncommitted writes: it joined the transaction.
    await db.runAs(a, () =>
      db.transaction(async (em) => {
        await em.getRepository(Department).save({ code: 'READA', name: 'a' });
        expect(await count('READA')).toEqual([{ n: 1 }]);
      }),
    );
    // An unqualified table fails closed: the pool's default schema is the empty no_tenant one.
    await expect(db.runAs(a, () => db.read(() => 'SELECT * FROM departments'))).rejects.toThrow(
      /relation "departments" does not exist/,
    );
    await expect(count('READA')).rejects.toThrow(NoTenantContextError);
    const paths = await Promise.all([1, 2, 3].map(() => h.dataSource.query('SHOW search_path')));
    for (const [row] of paths) expect(row.search_path).toBe('no_tenant');
  });

  it('makes an operator step on a named province atomic through ProvinceSchemas', async () => {
    const schemas = h.api.get(ProvinceSchemas);
    await expect(
      schemas.inProvince(a, async () => {
        await db.transaction((em) => em.getRepository(Department).save({ code: 'OPSTEP', name: 'first step' }));
        await db.transaction(async () => {
          throw new Error('second step fails');
        });
      }),
    ).rejects.toThrow('second step fails');
    expect(await db.runAs(a, () => count('OPSTEP'))).toEqual([{ n: 0 }]);
  });

  /**
   * TenantDatabase opens the transaction itself (BEGIN and SET LOCAL in one round trip) and tells
   * TypeORM's query runner so. If a TypeORM upgrade changes how the runner tracks an open
   * transaction, save() would open or commit its own and this fails.
   */
  it("keeps TypeORM's own statements inside the unit of work (no BEGIN, SAVEPOINT or COMMIT of its own)", async () => {
    const sent: string[] = [];
    await db.runAs(a, () =>
      db.transaction(async (em) => {
        const runner = em.queryRunner!;
        const query = runner.query.bind(runner);
        runner.query = ((sql: string, ...rest: unknown[]) => {
          sent.push(sql);
          return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
        }) as typeof runner.query;
        const repo = em.getRepository(Department);
        const saved = await repo.save({ code: 'ORMTX', name: 'saved by TypeORM' });
        await repo.save({ ...saved, name: 'updated by TypeORM' });
        await repo.delete({ id: saved.id });
        expect(runner.isTransactionActive).toBe(true);
        runner.query = query;
      }),
    );
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.filter((sql) => /^\s*(START TRANSACTION|BEGIN|SAVEPOINT|COMMIT|RELEASE)/i.test(sql))).toEqual([]);
  });
});
