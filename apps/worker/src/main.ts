import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig, ConfigError, loadConfig, NestPinoLogger } from '@careers/platform';
import { serveHealth } from './health.js';
import { WorkerModule } from './worker.module.js';

/**
 * The worker: the outbox relay, BullMQ processors and schedules, no HTTP. On
 * SIGTERM the BullMQ workers stop taking jobs and finish the ones in hand (Nest
 * closes them on shutdown); a job cut off by a kill is taken up again by
 * stalled-job recovery. A signal that arrives while starting is honoured once
 * started.
 */
let app: INestApplicationContext | undefined;
let stopRequested: string | undefined;

function stop(signal: string): void {
  if (stopRequested) return;
  stopRequested = signal;
  if (app) close(app, signal);
}

function close(context: INestApplicationContext, signal: string): void {
  const config = context.get<AppConfig>(APP_CONFIG);
  context.get(NestPinoLogger).log(`${signal} received: finishing jobs in hand`);
  setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE * 1000).unref();
  context.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

async function main(): Promise<void> {
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  loadConfig();
  const context = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  context.useLogger(context.get(NestPinoLogger));
  await context.init();
  const config = context.get<AppConfig>(APP_CONFIG);
  if (config.WORKER_HEALTH_PORT) await serveHealth(context, config.WORKER_HEALTH_PORT, config.HOST, () => stopRequested !== undefined);
  app = context;
  context.get(NestPinoLogger).log('Worker started');
  if (stopRequested) close(context, stopRequested);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
