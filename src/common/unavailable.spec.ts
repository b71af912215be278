import { QueryFailedError } from 'typeorm';
import { DependencyUnavailableException, isUnavailable, unavailableAs, withinOrUnavailable } from './unavailable';

describe('isUnavailable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('recognises lost or refused connections of pg and ioredis', () => {
    for (const error of [
      withCode('ECONNREFUSED'),
      withCode('ECONNRESET'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('08006'),
      withCode('53300', 'sorry, too many clients already'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('Connection is closed.'),
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
      new Error('wrapped', { cause: withCode('ECONNRESET') }),
      new DependencyUnavailableException('redis', 5),
    ])
      expect({ message: error.message, unavailable: isUnavailable(error) }).toEqual({
        message: error.message,
        unavailable: true,
      });
  });

  it('leaves bad statements, bad input and anything else alone', () => {
    for (const error of [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('22P02', 'invalid input syntax for type uuid'),
      withCode('42P01', 'relation "departments" does not exist'),
      new Error('boom'),
      'ECONNRESET',
      undefined,
    ])
      expect(isUnavailable(error)).toBe(false);
  });

  it('turns an outage into a 503 with Retry-After, and passes other errors through', async () => {
    const outage = unavailableAs('database', 7, () => Promise.reject(withCode('ECONNREFUSED')));
    await expect(outage).rejects.toBeInstanceOf(DependencyUnavailableException);
    await expect(outage).rejects.toMatchObject({ retryAfterSeconds: 7, dependency: 'database' });
    const other = new Error('boom');
    await expect(unavailableAs('database', 7, () => Promise.reject(other))).rejects.toBe(other);
  });

  it('answers 503 when the work does not end within its time', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withinOrUnavailable('redis', 20, 3, () => never)).rejects.toMatchObject({
      dependency: 'redis',
      retryAfterSeconds: 3,
    });
    await expect(withinOrUnavailable('redis', 1000, 3, async () => 'ok')).resolves.toBe('ok');
  });
});
