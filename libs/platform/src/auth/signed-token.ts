import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A token that stands for a few strings (ids, a kind) and cannot be forged: the parts, then an HMAC of them
 * keyed by `purpose` and the installation's secret, so a token made for one purpose (unsubscribing, an
 * invitation) is worth nothing for another. It carries no expiry: what it names is looked up and judged
 * where it is used.
 */
export function signToken(secret: string, purpose: string, parts: string[]): string {
  const body = Buffer.from(JSON.stringify(parts)).toString('base64url');
  return `${body}.${sign(secret, purpose, body)}`;
}

/** The parts a token of ours for `purpose` stands for; `null` for anything else (a link's query may hold anything). */
export function readSignedToken(secret: string, purpose: string, token: unknown, arity: number): string[] | null {
  if (typeof token !== 'string' || token.length >= 500) return null;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, purpose, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parts = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(parts) && parts.length === arity && parts.every((p) => typeof p === 'string') ? (parts as string[]) : null;
  } catch {
    return null;
  }
}

const sign = (secret: string, purpose: string, body: string) => createHmac('sha256', `${purpose}:${secret}`).update(body).digest('base64url');
