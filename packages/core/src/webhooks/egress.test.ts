import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plinth/testing';
import { EgressRefused, postWebhook, type ConnectHook, type EgressPolicy, type Resolver } from './egress';

// No test here may open a connection to anything but loopback: refusals are proven with an injected
// resolver and a connect hook that fails the test if it is ever reached.
const neverConnect: ConnectHook = (target) => {
  throw new Error(`connected to ${target.address}: the refusal did not hold`);
};
const resolvingTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const request = (url: string) => ({ url, headers: {}, body: '{}', timeoutMs: 2_000, maxBodyBytes: 4096 });
const refusal = async (url: string, policy: EgressPolicy) =>
  (await rejectionOf(postWebhook(request(url), policy))) as Error;

let server: Server;
let port: number;
const seen: { method?: string; body: string }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ ...(req.method ? { method: req.method } : {}), body });
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
      } else if (req.url === '/big') {
        res.writeHead(500).end('x'.repeat(100_000));
      } else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('SSRF-safe webhook egress', () => {
  it.each([
    ['a name that resolves to loopback', ['127.0.0.1']],
    ['a name that resolves to the cloud metadata address', ['169.254.169.254']],
    ['a name that resolves to a private network', ['10.1.2.3']],
    ['a name with one public and one private answer', ['93.184.215.14', '192.168.0.10']],
    ['a name that resolves to IPv6 loopback', ['::1']],
    ['a name that resolves to an IPv4-mapped private address', ['::ffff:10.0.0.1']],
    ['a name that resolves to a unique-local IPv6 address', ['fd00:ec2::254']],
    ['a name that resolves to multicast', ['224.0.0.251']],
  ])('refuses %s without connecting', async (_label, addresses) => {
    const error = await refusal('https://hooks.example.com/in', {
      requireHttps: true,
      allowPrivate: 'none',
      resolver: resolvingTo(...addresses),
      connect: neverConnect,
    });
    expect(error).toBeInstanceOf(EgressRefused);
    expect((error as Error).message).toMatch(/private or reserved/);
  });

  it.each(['http://127.0.0.1/', 'http://[::1]/', 'http://[::ffff:7f00:1]/', 'http://169.254.169.254/latest'])(
    'refuses the IP literal %s without resolving or connecting',
    async (url) => {
      const error = await refusal(url, {
        requireHttps: false,
        allowPrivate: 'none',
        resolver: () => Promise.reject(new Error('must not resolve an IP literal')),
        connect: neverConnect,
      });
      expect((error as Error).message).toMatch(/private or reserved/);
    },
  );

  it('refuses http:// in production, and URLs with credentials or other schemes', async () => {
    const policy: EgressPolicy = {
      requireHttps: true,
      allowPrivate: 'none',
      resolver: resolvingTo('93.184.215.14'),
      connect: neverConnect,
    };
    expect((await refusal('http://hooks.example.com/', policy)).message).toMatch(/https/);
    expect((await refusal('ftp://hooks.example.com/', policy)).message).toMatch(/https/);
    expect((await refusal('https://user:pw@hooks.example.com/', policy)).message).toMatch(/user name/);
    expect((await refusal('not a url', policy)).message).toMatch(/valid URL/);
  });

  it('connects to the address it checked, not to a second answer (DNS rebinding)', async () => {
    let calls = 0;
    // First answer: "public" (a loopback receiver allowed for the test); any later answer: metadata.
    const rebinding: Resolver = async () => [
      { address: calls++ === 0 ? '127.0.0.1' : '169.254.169.254', family: 4 },
    ];
    const connected: string[] = [];
    const response = await postWebhook(request(`http://receiver.test:${port}/hook`), {
      requireHttps: false,
      allowPrivate: 'loopback',
      resolver: rebinding,
      connect: (target) => connected.push(target.address),
    });
    expect(response.status).toBe(200);
    expect(calls).toBe(1);
    expect(connected).toEqual(['127.0.0.1']);
  });

  it('does not follow redirects, and keeps at most maxBodyBytes of an answer', async () => {
    const policy: EgressPolicy = { requireHttps: false, allowPrivate: 'loopback' };
    const before = seen.length;
    const redirected = await postWebhook(request(`http://127.0.0.1:${port}/redirect`), policy);
    expect(redirected.status).toBe(302);
    expect(seen.length).toBe(before + 1);
    const big = await postWebhook(request(`http://127.0.0.1:${port}/big`), policy);
    expect(big.status).toBe(500);
    expect(big.body.length).toBe(4096);
  });
});
