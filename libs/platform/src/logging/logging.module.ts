import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Global, Inject, Injectable, type LoggerService, Module } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Never in a log line: credentials in headers, and anything that looks like a password or token in logged objects. */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
];

/**
 * Errors as pino logs them, without the values bound to a failed query
 * (TypeORM puts them on the error: password hashes, emails, tokens).
 */
export function serializeError(error: unknown): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  delete serialized['parameters'];
  const driver = serialized['driverError'];
  if (driver && typeof driver === 'object') delete (driver as Record<string, unknown>)['parameters'];
  return serialized;
}

export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, name: string): Logger {
  return pino({ name, level: config.LOG_LEVEL, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { err: serializeError } });
}

/**
 * One JSON line per request (pino-http) with its id. A client's X-Request-Id
 * is kept when it looks like an id, so a request can be followed from the load
 * balancer to the database; the id is sent back and put on GraphQL errors.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
    quietReqLogger: true,
  });
}

/** Nest's own messages (start-up, errors) as pino JSON lines. */
@Injectable()
export class NestPinoLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, err: message instanceof Error ? message : undefined, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.logger.fatal({ context }, String(message));
  }
}

/**
 * Structured JSON logs (pino). No AsyncLocalStorage: it would put a hook on
 * every promise of every request; the request id travels on the request.
 */
@Global()
@Module({})
export class LoggingModule {
  static forApp(name: string): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        { provide: ROOT_LOGGER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createRootLogger(config, name) },
        NestPinoLogger,
      ],
      exports: [ROOT_LOGGER, NestPinoLogger],
    };
  }
}
