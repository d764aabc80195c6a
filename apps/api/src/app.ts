import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  APP_CONFIG,
  type AppConfig,
  configureHttp,
  ExpressAdapterWithFallback,
  HealthController,
  NestPinoLogger,
  PLATFORM_PATHS,
  RedisIoAdapter,
  serveWebClient,
} from '@careers/platform';
import { AppModule } from './app.module.js';

/** Where `npm run build` puts the web client (apps/web/dist), unless WEB_DIST_DIR says otherwise. */
export const DEFAULT_WEB_DIST_DIR = resolve(import.meta.dirname, '../../web/dist');

/** The web client's files, WEB_DIST_DIR (relative to the working directory) or apps/web/dist. */
export const webDistDir = (config: AppConfig): string => (config.WEB_DIST_DIR ? resolve(config.WEB_DIST_DIR) : DEFAULT_WEB_DIST_DIR);

/** The domains' HTTP routes: never answered with the web client's shell (a route of theirs answers, or 404). */
const API_PATHS = ['/auth/', '/alerts/feeds/', '/alerts/unsubscribe', '/unsubscribe', '/calendar/'];

/** Builds the api as `main` runs it; tests boot exactly this. */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, new ExpressAdapterWithFallback(), { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(NestPinoLogger));
  const config = app.get<AppConfig>(APP_CONFIG);
  configureHttp(app, config);
  // The web client answers what no api route claims (docs/web.md, "Served by the api").
  serveWebClient(app, webDistDir(config), [...PLATFORM_PATHS, ...API_PATHS]);
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  return app;
}

/**
 * SIGTERM/SIGINT: readiness turns 503 for SHUTDOWN_DELAY seconds so the load
 * balancer stops sending, then the server stops accepting, in-flight requests
 * finish, and connections close. Past SHUTDOWN_GRACE more seconds the process
 * exits anyway.
 */
export function closeGracefully(app: INestApplication, config: AppConfig, onClosed: () => void): void {
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.get(NestPinoLogger).log(`${signal} received: finishing in-flight requests`);
    app.get(HealthController).markShuttingDown();
    setTimeout(() => process.exit(1), (config.SHUTDOWN_DELAY + config.SHUTDOWN_GRACE) * 1000).unref();
    // The HTTP server first: Nest would stop GraphQL and the database before it, failing requests in flight.
    new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DELAY * 1000))
      .then(() => stopAccepting(app.getHttpServer()))
      .then(() => app.close())
      .then(onClosed, () => process.exit(1));
  };
  process.once('SIGTERM', () => close('SIGTERM'));
  process.once('SIGINT', () => close('SIGINT'));
}

/** Resolves when every request in flight has been answered; keep-alive connections close as they fall idle. */
function stopAccepting(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(idle);
      resolve();
    });
  });
}
