// The browser's session (docs/web.md, "Sessions"). The access token lives in this module only: never in
// localStorage, sessionStorage or a cookie a script can read. The refresh token is the api's HttpOnly cookie
// `careers_refresh` (Path=/auth); we reach it only through POST /auth/refresh and POST /auth/sign-out.

export type SessionStatus = 'resuming' | 'signed-in' | 'signed-out';

/** What the sign-in mutations answer (sent with `X-Session-Transport: cookie`). */
export interface Grant {
  accessToken: string;
  expiresIn: number;
}

const LOCK = 'careers-refresh';
/** Renew at this share of the token's lifetime. */
const RENEW_AT = 0.8;
/** After a failed refresh that was not a refusal (offline, api restarting): try again after this many ms. */
const RETRY_AFTER = 10_000;

let accessToken: string | null = null;
let expiresAt = 0;
let status: SessionStatus = 'resuming';
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;
const listeners = new Set<() => void>();
// Tabs tell each other when a session starts or ends, so a sign-out in one signs every tab out.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('careers-session');

/** Headers every cookie-session call carries: the api refuses /auth/* without the CSRF header. */
export const SESSION_HEADERS = { 'X-Session-Transport': 'cookie', 'X-CSRF-Protection': '1' } as const;

export function getStatus(): SessionStatus {
  return status;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: SessionStatus) {
  if (status === next) return;
  status = next;
  for (const listener of listeners) listener();
}

function schedule(ms: number) {
  clearTimeout(timer);
  timer = setTimeout(() => void refresh(), ms);
}

/** Keeps a grant: from a sign-in mutation or from /auth/refresh. */
export function accept(grant: Grant, { announce = true } = {}): void {
  accessToken = grant.accessToken;
  expiresAt = Date.now() + grant.expiresIn * 1000;
  schedule(grant.expiresIn * 1000 * RENEW_AT);
  set('signed-in');
  if (announce) channel?.postMessage('signed-in');
}

function drop() {
  clearTimeout(timer);
  accessToken = null;
  expiresAt = 0;
  set('signed-out');
}

/** Runs `fn` holding the tabs' refresh lock (Web Locks), so two tabs never spend the same refresh token. */
function withLock<T>(fn: () => Promise<T>): Promise<T> {
  // navigator.locks exists in secure contexts (https, localhost, 127.0.0.1). Without it there is one tab's worth of safety.
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK, fn) : fn();
}

/**
 * Asks the api for a new access token with the refresh cookie (and rotates the cookie). True when signed in
 * after it. A refusal (401) signs out; a network failure keeps what we have and tries again later.
 */
export function refresh(): Promise<boolean> {
  inFlight ??= withLock(async () => {
    try {
      const response = await fetch('/auth/refresh', { method: 'POST', headers: SESSION_HEADERS, credentials: 'same-origin' });
      if (response.ok) {
        accept((await response.json()) as Grant, { announce: false });
        return true;
      }
      // A refusal (401 no session, 403 CSRF) or any other answer of the client's kind: signed out, no retry.
      if (response.status < 500) {
        drop();
        return false;
      }
      throw new Error(`refresh answered ${response.status}`);
    } catch {
      // Offline or the api restarting: keep the token while it lasts, try again soon.
      if (!accessToken || Date.now() >= expiresAt) drop();
      schedule(RETRY_AFTER);
      return accessToken !== null;
    }
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** The access token to send now; renews it first when it has expired (a tab that slept past its timer). */
export async function currentToken(): Promise<string | null> {
  if (inFlight) await inFlight;
  if (accessToken && Date.now() >= expiresAt - 5_000) await refresh();
  return accessToken;
}

/** The token as it is (for socket handshakes, which ask synchronously). */
export function peekToken(): string | null {
  return accessToken;
}

/** On page load: resume the session of the refresh cookie, if there is one. */
export function resume(): Promise<boolean> {
  return refresh();
}

/** Ends the session on the api (clears the cookie) and here, in every tab. */
export async function signOut(): Promise<void> {
  await withLock(() => fetch('/auth/sign-out', { method: 'POST', headers: SESSION_HEADERS, credentials: 'same-origin' })).catch(() => undefined);
  drop();
  channel?.postMessage('signed-out');
}

channel?.addEventListener('message', (event: MessageEvent<string>) => {
  if (event.data === 'signed-out') drop();
  if (event.data === 'signed-in' && status !== 'signed-in') void refresh();
});

