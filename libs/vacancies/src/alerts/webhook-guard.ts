import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses a webhook must never reach: loopback, private, link-local, shared, documentation, multicast, reserved. */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);

/** Whether a webhook may connect to `address`. IPv4-mapped IPv6 addresses are judged as IPv4. */
export function isAllowedAddress(address: string, allowLoopback: boolean): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip);
  if (family === 0) return false;
  if (allowLoopback && LOOPBACK.has(ip)) return true;
  return !internal.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export class WebhookAddressError extends Error {}

/**
 * Checks a webhook URL before it is saved: HTTPS (plain HTTP only to loopback,
 * when tests allow it), no credentials, and a host that resolves to public
 * addresses only. The connection checks the address again (see `guardedLookup`),
 * so a DNS answer that changes later cannot point it inside.
 */
export async function assertWebhookUrl(raw: string, allowLoopback: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookAddressError('webhookUrl is not a valid address.');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopbackHost = host === 'localhost' || LOOPBACK.has(host);
  if (url.protocol !== 'https:' && !(allowLoopback && url.protocol === 'http:' && loopbackHost)) {
    throw new WebhookAddressError('webhookUrl must use https://.');
  }
  if (url.username || url.password) throw new WebhookAddressError('webhookUrl must not carry a user name or password; use the signing secret instead.');
  const addresses = isIP(host) ? [host] : await resolve(host);
  if (addresses.length === 0 || !addresses.every((a) => isAllowedAddress(a, allowLoopback))) {
    throw new WebhookAddressError('webhookUrl must point to a public internet address, not a private, loopback or reserved one.');
  }
  return url;
}

function resolve(host: string): Promise<string[]> {
  return new Promise((done) => {
    dnsLookup(host, { all: true }, (err, addresses: LookupAddress[]) => done(err ? [] : addresses.map((a) => a.address)));
  });
}

/** A `lookup` for http(s).request that refuses to connect to an address a webhook must not reach. */
export function guardedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = addresses.find((a) => !isAllowedAddress(a.address, allowLoopback));
      if (refused || addresses.length === 0) {
        return callback(Object.assign(new Error(`refused to connect to ${refused?.address ?? hostname}: not a public address`), { code: 'EWEBHOOKADDRESS' }), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
