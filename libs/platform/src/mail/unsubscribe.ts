import { readSignedToken, signToken } from '../auth/signed-token.js';

/** A signed, unguessable token that turns one kind of email off for one person. It needs no sign-in. */
export function unsubscribeToken(secret: string, userId: string, kind: string): string {
  return signToken(secret, 'unsubscribe', [userId, kind]);
}

/** Who and what a token from a link stands for; `null` for anything but a token we signed (a link's query may hold anything). */
export function readUnsubscribeToken(secret: string, token: unknown): { userId: string; kind: string } | null {
  const parts = readSignedToken(secret, 'unsubscribe', token, 2);
  return parts ? { userId: parts[0]!, kind: parts[1]! } : null;
}

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
