import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication, RequestMethod } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import express, { type RequestHandler, type Response } from 'express';

/**
 * Nest's Express adapter with one more stage: `fallback` runs after every
 * route and middleware Nest registered (controllers, Apollo's /graphql) and
 * before Nest's 404, so it sees only requests nothing of the api claimed.
 * Nest registers its 404 handler last in `init()`; this adapter adds the
 * fallback just before it, which is what keeps the web client from shadowing
 * an api route, whatever routes come later (`@nestjs/serve-static` registers
 * its catch-all with the routes instead, and needs an exclude list).
 */
export class ExpressAdapterWithFallback extends ExpressAdapter {
  private fallback?: RequestHandler;

  /** Set before `init()` (or `listen()`). */
  setFallback(handler: RequestHandler): void {
    this.fallback = handler;
  }

  override setNotFoundHandler(handler: Parameters<ExpressAdapter['setNotFoundHandler']>[0], prefix?: string, excludedRoutes?: { path: string; method: RequestMethod }[]) {
    if (this.fallback) this.use(this.fallback);
    return super.setNotFoundHandler(handler, prefix, excludedRoutes);
  }
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** What / says while apps/web has not been built (no inline script: the same policy applies). */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Careers network</title></head>
<body><p>The web client is not built yet: run npm run build (npm start builds it too).
The API answers at <a href="/graphql">/graphql</a>.</p></body></html>
`;

/**
 * The built web client (Vite's output in `dir`), as the last stage before 404:
 * - `/assets/*`: Vite's content-hashed files, cached for a year (`immutable`);
 *   one that does not exist is a 404, never the app shell;
 * - other files of `dir` (favicon, robots.txt) and `index.html`: `no-cache`
 *   (revalidated by ETag), so a deploy shows at the next load;
 * - any other GET/HEAD that accepts HTML: the app shell (`index.html`, 200), whose
 *   router shows the page or its own not-found page.
 * Under `apiPaths` (the api's own prefixes: `/auth/`, `/health/`…) the shell is never
 * served: a mistyped feed or calendar address gets the api's 404, not a page.
 * The directory is read at each request: a client built while the api runs is served.
 */
export function webClient(dir: string, apiPaths: readonly string[] = []): RequestHandler {
  const root = resolve(dir);
  const notPages = ['/assets/', ...apiPaths];
  const shell = join(root, 'index.html');
  const files = express.static(root, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (res: Response, path: string) => {
      res.setHeader('Cache-Control', path.startsWith(join(root, 'assets') + '/') ? IMMUTABLE : REVALIDATE);
    },
  });
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    files(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (notPages.some((prefix) => req.path.startsWith(prefix)) || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', REVALIDATE);
      res.sendFile(shell, { cacheControl: false }, (failed?: NodeJS.ErrnoException) => {
        if (!failed) return;
        if (failed.code !== 'ENOENT' || res.headersSent) return next(failed);
        res.status(200).type('html').send(NOT_BUILT_PAGE);
      });
    });
  };
}

/** Whether `dir` holds a built client (for a warning at start-up). */
export const webClientBuilt = (dir: string): boolean => existsSync(join(resolve(dir), 'index.html'));

/** Prefixes of the platform's own HTTP routes (the domains' come from the app). */
export const PLATFORM_PATHS = ['/graphql', '/health/', '/explorer/', '/socket.io/'] as const;

/** Serves the web client from `dir` on an app created with ExpressAdapterWithFallback. */
export function serveWebClient(app: INestApplication, dir: string, apiPaths: readonly string[] = PLATFORM_PATHS): void {
  const adapter = app.getHttpAdapter();
  if (!(adapter instanceof ExpressAdapterWithFallback)) {
    throw new Error('serveWebClient needs the app to be created with an ExpressAdapterWithFallback');
  }
  adapter.setFallback(webClient(dir, apiPaths));
}
