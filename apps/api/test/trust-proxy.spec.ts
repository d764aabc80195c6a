import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@careers/platform';
import { SIGN_IN, startApi, type TestApi } from '@careers/testing';
import { createApiApp } from '../src/app.js';

/** A load balancer as nginx or an ALB behaves: it appends the address of its peer to X-Forwarded-For. */
function startLoadBalancer(target: string): Promise<Server> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const given = req.headers['x-forwarded-for'];
    const forwarded = given ? `${String(given)}, ${peer}` : peer;
    const proxied = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': forwarded } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on('error', () => res.writeHead(502).end());
    req.pipe(proxied);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A wrong sign-in through the load balancer, from `localAddress`, with the X-Forwarded-For the client chose. */
function signInThrough(lb: Server, localAddress: string, forwardedFor: string, email: string): Promise<string> {
  const { port } = lb.address() as AddressInfo;
  const body = JSON.stringify({ query: SIGN_IN, variables: { input: { email, password: 'not the password' } } });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': forwardedFor },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve((JSON.parse(text) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('TRUST_PROXY=1 behind one load balancer', () => {
  let api: TestApi;
  let lb: Server;

  beforeAll(async () => {
    api = await startApi(createApiApp, {
      TRUST_PROXY: '1',
      SIGNIN_LIMIT_PER_IP: '5',
      SIGNIN_LIMIT_PER_ACCOUNT: '1000',
      REDIS_PREFIX: `${process.env['REDIS_PREFIX']}-proxy`,
    });
    lb = await startLoadBalancer(api.url);
  });
  afterAll(async () => {
    await new Promise((resolve) => lb.close(resolve));
    await api.close();
  });

  it('holds the per-IP sign-in limit when the client rotates spoofed X-Forwarded-For entries', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      codes.push(await signInThrough(lb, '127.0.0.1', `203.0.113.${i}, 198.51.100.${i}`, `nobody${i}@example.org`));
    }
    expect(codes).toEqual([...Array(5).fill('UNAUTHENTICATED'), ...Array(3).fill('RATE_LIMITED')]);

    // The address is the one the load balancer saw, not the load balancer's own: another client is not limited.
    expect(await signInThrough(lb, '127.0.0.2', '203.0.113.0', 'nobody0@example.org')).toBe('UNAUTHENTICATED');
  });
});

describe('TRUST_PROXY values', () => {
  const env = { DATABASE_URL: 'postgres://localhost/x', REDIS_URL: 'redis://localhost' };
  const trust = (value: string) => loadConfig({ ...env, TRUST_PROXY: value }).TRUST_PROXY;

  it('takes a number of hops or the addresses and subnets of the proxies, as Express does', () => {
    expect(trust('false')).toBe(false);
    expect(loadConfig(env).TRUST_PROXY).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('loopback, 10.0.0.0/8,fd00::/8, 192.0.2.7, 172.16.0.0/255.240.0.0')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
      '172.16.0.0/255.240.0.0',
    ]);
  });

  it('refuses true, which would trust what the client writes, and names what to give instead', () => {
    expect(() => trust('true')).toThrow(/TRUST_PROXY: .*give the number of proxies in front of the api \(1 behind one load balancer\)/);
    expect(() => trust('10.0.0.0/33, lb.internal')).toThrow(/TRUST_PROXY: "10.0.0.0\/33", "lb.internal" is not a number of hops/);
  });
});
