import { describe, expect, it } from 'vitest';
import { clientAddressBlock, normalizeIp, resolveClientIp, TrustedProxies } from './index';

const none = new TrustedProxies([]);
const edge = new TrustedProxies(['10.0.0.0/8', 'fd00::/8']);

describe('resolveClientIp', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    for (const forwardedFor of [undefined, '1.1.1.1', '1.1.1.1, 2.2.2.2', 'garbage', '']) {
      expect(resolveClientIp({ socketAddress: '203.0.113.9', forwardedFor, trustedProxies: none })).toBe(
        '203.0.113.9',
      );
    }
  });

  it('an untrusted peer rotating a spoofed X-Forwarded-For keeps one key', () => {
    const seen = new Set<string | undefined>();
    for (let n = 0; n < 50; n++) {
      const forwardedFor = [`198.51.100.${n}`, `10.0.0.${n}`, `fd00::${n}`, `${n}.${n}.${n}.${n}, 10.1.1.1`][
        n % 4
      ];
      seen.add(resolveClientIp({ socketAddress: '203.0.113.9', forwardedFor, trustedProxies: edge }));
    }
    expect([...seen]).toEqual(['203.0.113.9']);
  });

  it('behind a trusted proxy, the client is the address that proxy appended', () => {
    const resolve = (forwardedFor: string | string[] | undefined) =>
      resolveClientIp({ socketAddress: '10.0.0.2', forwardedFor, trustedProxies: edge });
    expect(resolve('198.51.100.7')).toBe('198.51.100.7');
    // What the client wrote itself sits left of what the proxy appended and is never reached.
    expect(resolve('6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    expect(resolve('7.7.7.7, 198.51.100.7')).toBe('198.51.100.7');
    // Duplicate headers arrive as a list, in order.
    expect(resolve(['6.6.6.6', '198.51.100.7'])).toBe('198.51.100.7');
  });

  it('skips every trusted proxy in a chain', () => {
    const resolve = (forwardedFor: string) =>
      resolveClientIp({ socketAddress: '10.0.0.2', forwardedFor, trustedProxies: edge });
    expect(resolve('6.6.6.6, 198.51.100.7, 10.9.9.9, 10.4.4.4')).toBe('198.51.100.7');
    expect(resolve('198.51.100.7, fd00::1, 10.4.4.4')).toBe('198.51.100.7');
    // Only proxies in the list count as proxies: an untrusted hop ends the walk, even mid-chain.
    expect(resolve('198.51.100.7, 203.0.113.50, 10.4.4.4')).toBe('203.0.113.50');
  });

  it('stops at garbage and keys on the last trusted hop, never on the garbage', () => {
    const resolve = (socketAddress: string, forwardedFor: string | undefined) =>
      resolveClientIp({ socketAddress, forwardedFor, trustedProxies: edge });
    expect(resolve('10.0.0.2', 'not-an-ip')).toBe('10.0.0.2');
    expect(resolve('10.0.0.2', '198.51.100.7, garbage')).toBe('10.0.0.2');
    expect(resolve('10.0.0.2', '198.51.100.7, 10.3.3.3, unknown')).toBe('10.0.0.2');
    expect(resolve('10.0.0.2', '198.51.100.7, nonsense, 10.3.3.3')).toBe('10.3.3.3');
    expect(resolve('10.0.0.2', ', , ')).toBe('10.0.0.2');
    expect(resolve('10.0.0.2', '1.2.3.04')).toBe('10.0.0.2'); // leading zeros are ambiguous (octal)
    expect(resolve('10.0.0.2', '999.1.1.1')).toBe('10.0.0.2');
    expect(resolve('10.0.0.2', 'x'.repeat(5000))).toBe('10.0.0.2');
    // No header, or only trusted hops: the outermost trusted hop.
    expect(resolve('10.0.0.2', undefined)).toBe('10.0.0.2');
    expect(resolve('10.0.0.2', '10.5.5.5, 10.6.6.6')).toBe('10.5.5.5');
  });

  it('accepts entries with ports and brackets, as some proxies write them', () => {
    const resolve = (forwardedFor: string) =>
      resolveClientIp({ socketAddress: '10.0.0.2', forwardedFor, trustedProxies: edge });
    expect(resolve('198.51.100.7:51234')).toBe('198.51.100.7');
    expect(resolve('[2001:DB8::7]:443')).toBe('2001:db8::7');
    expect(resolve('[2001:db8::7]')).toBe('2001:db8::7');
  });

  it('treats IPv4-mapped IPv6 as the IPv4 address, for the socket, the header and the list', () => {
    const loopback = new TrustedProxies(['127.0.0.1']);
    expect(
      resolveClientIp({
        socketAddress: '::ffff:127.0.0.1',
        forwardedFor: '198.51.100.7',
        trustedProxies: loopback,
      }),
    ).toBe('198.51.100.7');
    const mappedEntry = new TrustedProxies(['::ffff:127.0.0.1']);
    expect(
      resolveClientIp({
        socketAddress: '127.0.0.1',
        forwardedFor: '::ffff:c633:6407',
        trustedProxies: mappedEntry,
      }),
    ).toBe('198.51.100.7');
    expect(
      resolveClientIp({
        socketAddress: '::ffff:203.0.113.9',
        forwardedFor: '1.1.1.1',
        trustedProxies: loopback,
      }),
    ).toBe('203.0.113.9');
  });

  it('accepts the list as plain strings too', () => {
    expect(
      resolveClientIp({ socketAddress: '::1', forwardedFor: '2001:db8::5', trustedProxies: ['::1'] }),
    ).toBe('2001:db8::5');
  });

  it('is undefined only when the socket has no address', () => {
    expect(resolveClientIp({ socketAddress: undefined, forwardedFor: '1.1.1.1', trustedProxies: edge })).toBe(
      undefined,
    );
  });
});

describe('TrustedProxies', () => {
  it('matches single addresses and IPv4, IPv6 and mapped CIDR blocks', () => {
    const proxies = new TrustedProxies([
      '192.0.2.1',
      '172.16.0.0/12',
      '2001:db8:aaaa::/48',
      '::1',
      '::ffff:100.64.0.0/106',
    ]);
    expect(proxies.has('192.0.2.1')).toBe(true);
    expect(proxies.has('192.0.2.2')).toBe(false);
    expect(proxies.has('172.31.255.255')).toBe(true);
    expect(proxies.has('172.32.0.0')).toBe(false);
    expect(proxies.has('::ffff:172.20.1.1')).toBe(true);
    expect(proxies.has('2001:db8:aaaa:1::9')).toBe(true);
    expect(proxies.has('2001:db8:aaab::9')).toBe(false);
    expect(proxies.has('0:0:0:0:0:0:0:1')).toBe(true);
    expect(proxies.has('100.127.255.255')).toBe(true);
    expect(proxies.has('100.128.0.0')).toBe(false);
    expect(proxies.has('garbage')).toBe(false);
  });

  it('refuses an entry that is not an address or a block, naming it', () => {
    for (const entry of [
      '10.0.0.0/33',
      'fd00::/129',
      'localhost',
      '10.0.0.0/8/8',
      '10.0.0.0/',
      '10.0.0.0/x',
    ]) {
      expect(() => new TrustedProxies([entry]), entry).toThrow(entry);
    }
  });
});

describe('normalizeIp', () => {
  it('gives each address one spelling', () => {
    expect(normalizeIp(' 203.0.113.9 ')).toBe('203.0.113.9');
    expect(normalizeIp('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(normalizeIp('2001:db8:0:1:0:0:0:1')).toBe('2001:db8:0:1::1');
    expect(normalizeIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(normalizeIp('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2:3:4:5:6');
    expect(normalizeIp('::')).toBe('::');
    expect(normalizeIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIp('::FFFF:7f00:1')).toBe('127.0.0.1');
    expect(normalizeIp('0:0:0:0:0:ffff:7f00:1')).toBe('127.0.0.1');
    expect(normalizeIp('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeIp('1:2:3:4:5:6:1.2.3.4')).toBe('1:2:3:4:5:6:102:304');
    expect(normalizeIp('hello')).toBeUndefined();
    expect(normalizeIp('')).toBeUndefined();
  });

  it('puts IPv6 clients in their /64 for rate-limit keys, IPv4 clients alone', () => {
    expect(clientAddressBlock('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressBlock('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientAddressBlock('203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressBlock('unknown')).toBe('unknown');
  });
});
