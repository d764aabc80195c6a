import { createHmac, timingSafeEqual } from 'node:crypto';

/** A signed, unguessable token that turns one kind of email off for one person. It needs no sign-in. */
export function unsubscribeToken(secret: string, userId: string, kind: string): string {
  const body = Buffer.from(JSON.stringify([userId, kind])).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** Who and what a token from a link stands for; `null` for anything but a token we signed (a link's query may hold anything). */
export function readUnsubscribeToken(secret: string, token: unknown): { userId: string; kind: string } | null {
  if (typeof token !== 'string' || token.length >= 500) return null;
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

/** Text made safe to put in HTML, in elements and in quoted attributes. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page an unsubscribe link opens. A GET shows `confirm` with a button
 * (mail scanners follow links, so a GET must change nothing); the button, like
 * a mail client's one-click List-Unsubscribe-Post, POSTs to the same address.
 */
export function unsubscribePage(message: string, confirm?: string): string {
  const form = confirm ? `<form method="post"><button type="submit">${escapeHtml(confirm)}</button></form>` : '';
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Email settings</title><body><p>${escapeHtml(message)}</p>${form}</body></html>`;
}
