import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type ErrorRequestHandler } from 'express';
import type { AppConfig } from '../config/config.js';
import { ErrorCode } from '../errors/app-error.js';
import { HealthController } from '../health/health.controller.js';
import { requestLogger, ROOT_LOGGER } from '../logging/logging.module.js';
import { ExceptionsFilter } from './exceptions.filter.js';
import { securityHeaders } from './security-headers.js';

/**
 * Security headers (helmet, with our Content-Security-Policy), request logging, the exceptions filter (refusals are not errors in the logs), then body parsing with a size limit. A body that is too large or not JSON gets a
 * GraphQL-shaped BAD_USER_INPUT answer instead of Express's HTML error page.
 */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const server = app as NestExpressApplication;
  const health = app.get(HealthController);
  if (config.TRUST_PROXY !== false) server.set('trust proxy', config.TRUST_PROXY);
  server.disable('x-powered-by');
  server.use(securityHeaders({ explorer: config.NODE_ENV !== 'production' }));
  server.use(requestLogger(app.get(ROOT_LOGGER)));
  app.useGlobalFilters(new ExceptionsFilter(app.get(ROOT_LOGGER)));
  // While shutting down, no connection is kept alive: a client cannot send a request on a socket we are about to close.
  server.use((_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (health.isShuttingDown) res.setHeader('Connection', 'close');
    next();
  });
  server.use(express.json({ limit: config.HTTP_BODY_LIMIT }));
  const bodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number }, _req, res, next) => {
    const message =
      err.type === 'entity.too.large'
        ? `The request body is larger than ${config.HTTP_BODY_LIMIT}.`
        : err.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : undefined;
    if (!message) return next(err);
    res.status(err.status ?? 400).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
  };
  server.use(bodyErrors);
}
