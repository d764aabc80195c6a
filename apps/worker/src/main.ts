import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig, ConfigError, loadConfig, NestPinoLogger } from '@careers/platform';
import { WorkerModule } from './worker.module.js';

/**
 * The worker: BullMQ processors and schedules, no HTTP. On SIGTERM the
 * BullMQ workers stop taking jobs and finish the ones in hand (Nest closes them
 * on shutdown); a job cut off by a kill is taken up again by stalled-job recovery.
 */
async function main(): Promise<void> {
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(NestPinoLogger);
  app.useLogger(logger);
  const config = app.get<AppConfig>(APP_CONFIG);
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing jobs in hand`);
    setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE * 1000).unref();
    app.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => close('SIGTERM'));
  process.once('SIGINT', () => close('SIGINT'));
  await app.init();
  logger.log('Worker started');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
