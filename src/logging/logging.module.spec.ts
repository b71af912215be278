import { serializeRequest, withoutSecrets } from './logging.module';

describe('withoutSecrets', () => {
  it('hides one-time link tokens wherever they sit in the query, and nothing else', () => {
    expect(withoutSecrets('/accept-invitation?token=abc123')).toBe('/accept-invitation?token=[redacted]');
    expect(withoutSecrets('/reset-password?lang=ur&token=abc123&x=1')).toBe(
      '/reset-password?lang=ur&token=[redacted]&x=1',
    );
    expect(withoutSecrets('/api/projects?page=2')).toBe('/api/projects?page=2');
    expect(withoutSecrets('/api/docs?tokenize=1')).toBe('/api/docs?tokenize=1');
  });
});

describe('serializeRequest', () => {
  it('hides the token in the url and the query of the copy pino-http logs, keeping the rest', () => {
    const req = { id: 'r1', method: 'GET', url: '/reset-password?TOKEN=abc', query: { token: 'abc', lang: 'ur' } };
    expect(serializeRequest(req)).toEqual({
      id: 'r1',
      method: 'GET',
      url: '/reset-password?TOKEN=[redacted]',
      query: { token: '[redacted]', lang: 'ur' },
    });
    expect(serializeRequest({ url: '/api/projects', query: {} })).toEqual({ url: '/api/projects', query: {} });
  });
});
