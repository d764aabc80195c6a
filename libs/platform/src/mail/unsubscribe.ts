import { createHmac, timingSafeEqual } from 'node:crypto';

/** A signed, unguessable token that turns one kind of email off for one person. It needs no sign-in. */
export function unsubscribeToken(secret: string, userId: string, kind: string): string {
  const body = Buffer.from(JSON.stringify([userId, kind])).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: string } | null {
  const [body, signature] = token.split('.');
  if (!body || !signature) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [userId, kind] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
    return typeof userId === 'string' && typeof kind === 'string' ? { userId, kind } : null;
  } catch {
    return null;
  }
}

const sign = (secret: string, body: string) => createHmac('sha256', `unsubscribe:${secret}`).update(body).digest('base64url');
