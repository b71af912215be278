import { parseWebhookUrl, refusedAddress, WebhookUrlError } from './address-policy';

const strict = { allowHttp: false, allowedHosts: [] as string[] };

describe('webhook address policy', () => {
  test.each([
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
  ])('%s is refused (%s)', (address, range) => {
    expect(refusedAddress('h.example', address, strict)).toContain(`(${range})`);
  });

  test.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])(
    '%s (public) is allowed',
    (address) => {
      expect(refusedAddress('h.example', address, strict)).toBeNull();
    },
  );

  test('the allow-list admits host names, addresses and CIDRs, IPv4-mapped forms included', () => {
    const policy = { allowHttp: false, allowedHosts: ['hooks.internal', '10.1.2.3', '192.168.0.0/16', '::1'] };
    expect(refusedAddress('hooks.internal', '10.9.9.9', policy)).toBeNull();
    expect(refusedAddress('x.example', '10.1.2.3', policy)).toBeNull();
    expect(refusedAddress('x.example', '::ffff:10.1.2.3', policy)).toBeNull();
    expect(refusedAddress('x.example', '192.168.44.1', policy)).toBeNull();
    expect(refusedAddress('x.example', '::1', policy)).toBeNull();
    expect(refusedAddress('x.example', '10.1.2.4', policy)).toContain('private');
    expect(refusedAddress('x.example', '127.0.0.1', policy)).toContain('loopback');
  });

  test('URLs: https only unless http is allowed; no credentials; IP literals checked; strict parsing', () => {
    expect(parseWebhookUrl('https://hooks.example.com/x?y=1', strict).hostname).toBe('hooks.example.com');
    const refused = (url: string, policy = strict) => {
      expect(() => parseWebhookUrl(url, policy)).toThrow(WebhookUrlError);
    };
    refused('http://hooks.example.com/');
    expect(parseWebhookUrl('http://hooks.example.com/', { ...strict, allowHttp: true }).protocol).toBe('http:');
    refused('ftp://hooks.example.com/');
    refused('https://user:pw@hooks.example.com/');
    refused('https://10.0.0.1/');
    refused('https://[::1]/');
    refused('https://[::ffff:7f00:1]/');
    refused('https://0x7f.1/');
    refused('https://2130706433/');
    refused('https://169.254.169.254/latest/meta-data');
    refused('https://hooks.example.com/#frag');
    refused('https://exa mple.com/');
    refused('not a url');
    refused(`https://example.com/${'a'.repeat(2000)}`);
  });
});
