import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig, configureHttp, HealthController } from '@careers/platform';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';

/** Builds the api as `main` runs it; tests boot exactly this. */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttp(app, app.get<AppConfig>(APP_CONFIG));
  return app;
}

/**
 * SIGTERM/SIGINT: readiness turns 503 so the load balancer stops sending, the
 * server stops accepting, in-flight requests finish, then connections close.
 * Past SHUTDOWN_GRACE seconds the process exits anyway.
 */
export function closeGracefully(app: INestApplication, config: AppConfig, onClosed: () => void): void {
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.get(Logger).log(`${signal} received: finishing in-flight requests`);
    app.get(HealthController).markShuttingDown();
    setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE * 1000).unref();
    app.close().then(onClosed, () => process.exit(1));
  };
  process.once('SIGTERM', () => close('SIGTERM'));
  process.once('SIGINT', () => close('SIGINT'));
}
