import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { EXPLORER_PATH } from '../graphql/explorer.js';

type Directives = Record<string, string[]>;

/**
 * What every page the api serves may load: its own scripts, styles, images and
 * fonts, and calls back to itself; no inline script, nothing from another
 * origin, never framed (docs/web.md, "Served by the api").
 */
export const CONTENT_SECURITY_POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The API explorer of development (GraphiQL) sets inline styles and embeds its
 * icons and fonts as data: URLs; its scripts are still files of our origin.
 */
export const EXPLORER_CONTENT_SECURITY_POLICY: Directives = {
  ...CONTENT_SECURITY_POLICY,
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'", 'data:'],
};

const headers = (directives: Directives) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    // strict-origin-when-cross-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the
    // page's own POSTs, and /auth/refresh checks that Origin.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
  });

/**
 * helmet's headers on every answer (nosniff, HSTS, COOP/CORP same-origin, no
 * X-Powered-By…) with our Content-Security-Policy; the explorer's own policy on
 * GET /graphql and its files, outside production (where the explorer is off).
 */
export function securityHeaders(options: { explorer: boolean }): RequestHandler {
  const app = headers(CONTENT_SECURITY_POLICY);
  if (!options.explorer) return app;
  const explorer = headers(EXPLORER_CONTENT_SECURITY_POLICY);
  return (req, res, next) => {
    const isExplorer = ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/graphql') || req.path.startsWith(`${EXPLORER_PATH}/`);
    return (isExplorer ? explorer : app)(req, res, next);
  };
}
