import { BadRequestException, NotFoundException } from '@nestjs/common';
import { Client } from 'pg';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from '../../src/common/api-exception.filter';
import { DependencyUnavailableException } from '../../src/common/unavailable';
import { TEST_DATABASE_URL } from '../support/test-env';

/**
 * The one global error answer, fed the errors real Postgres raises (no stand-ins): input errors that
 * slipped past validation become 400/409 naming the column and never carry SQL; outages become 503.
 */
describe('ApiExceptionFilter', () => {
  const filter = new ApiExceptionFilter(7);
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    await db.query(`
      CREATE TEMP TABLE filter_parent (id int PRIMARY KEY);
      CREATE TEMP TABLE filter_probe (
        id int PRIMARY KEY,
        name text NOT NULL,
        code text CHECK (length(code) <= 3),
        label text,
        parent int REFERENCES filter_parent (id)
      );
      CREATE INDEX ON filter_probe (label);
      INSERT INTO filter_probe (id, name) VALUES (1, 'one');`);
  });

  afterAll(() => db?.end());

  /** The error Postgres raises for `sql`, wrapped the way TypeORM hands it to the app. */
  async function failure(sql: string, params: unknown[] = []): Promise<QueryFailedError> {
    try {
      await db.query(sql, params);
    } catch (error) {
      return new QueryFailedError(sql, params, error as Error);
    }
    throw new Error(`expected "${sql}" to fail`);
  }

  it.each([
    ['22P02', `SELECT 'not-a-uuid'::uuid`, [], 400, /has the wrong form/],
    ['22003', `SELECT 99999999999::int4`, [], 400, /out of range/],
    ['22008', `SELECT '294277-01-01'::timestamp`, [], 400, /date or time/],
    ['22021', `SELECT $1::text`, ['a\u0000b'], 400, /not valid text/],
    ['23502', `INSERT INTO filter_probe (id, name) VALUES (2, NULL)`, [], 400, /^name is required/],
    ['23514', `INSERT INTO filter_probe (id, name, code) VALUES (3, 'x', 'long')`, [], 400, /^a value breaks a rule/],
    [
      '54000',
      `INSERT INTO filter_probe (id, name, label)
       SELECT 4, 'x', string_agg(md5(i::text), '') FROM generate_series(1, 20000) i`,
      [],
      400,
      /too large/,
    ],
    ['23505', `INSERT INTO filter_probe (id, name) VALUES (1, 'again')`, [], 409, /^id already exists/],
    ['23503', `INSERT INTO filter_probe (id, name, parent) VALUES (5, 'x', 42)`, [], 409, /^parent refers to/],
  ])('SQLSTATE %s is answered %#', async (code, sql, params, status, reason) => {
    const error = await failure(sql, params);
    expect((error.driverError as { code?: string }).code).toBe(code);
    const { status: answered, body } = filter.answer(error);
    expect({ answered, message: body.message }).toEqual({ answered: status, message: [expect.stringMatching(reason)] });
    expect(body).toMatchObject({ statusCode: status, error: expect.any(String) });
    // Never the statement, its parameters or Postgres's own wording.
    const text = JSON.stringify(body);
    for (const leak of ['SELECT', 'INSERT', 'filter_', 'generate_series', 'violates', 'syntax', 'again', '42'])
      expect(text).not.toContain(leak);
  });

  it('names the column when Postgres gives it', async () => {
    const { body } = filter.answer(await failure(`INSERT INTO filter_probe (id, name) VALUES (6, NULL)`));
    expect(body).toMatchObject({ field: 'name', message: ['name is required and may not be null'] });
  });

  it('an unreachable Postgres is a 503 with Retry-After, not a 500', async () => {
    const closed = new Client({ connectionString: TEST_DATABASE_URL.replace(/:\d+\//, ':1/') });
    const refused = await closed.connect().then(
      () => undefined,
      (error: Error) => error,
    );
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
    expect(filter.answer(refused)).toMatchObject({
      status: 503,
      retryAfterSeconds: 7,
      body: { statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/retry in 7 seconds/) },
    });
    expect(filter.answer(new DependencyUnavailableException('redis', 3))).toMatchObject({
      status: 503,
      retryAfterSeconds: 3,
    });
  });

  it('HTTP exceptions keep their status and body; anything else is a 500 without internals', () => {
    expect(filter.answer(new NotFoundException('No such project'))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'No such project' },
    });
    expect(filter.answer(new BadRequestException({ message: ['a is wrong'] }))).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: ['a is wrong'] },
    });
    const secret = new TypeError("Cannot read properties of undefined (reading 'password_hash')");
    const answer = filter.answer(secret);
    expect(answer).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
    });
  });

  it('errors of the body parser keep their 4xx', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true });
    expect(filter.answer(tooLarge)).toMatchObject({
      status: 413,
      body: { statusCode: 413, error: 'Payload Too Large' },
    });
  });
});
