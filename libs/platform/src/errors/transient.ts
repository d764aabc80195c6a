import { AppError, ErrorCode } from './app-error.js';

/** Seconds a client is told to wait before trying again when the database is not answering. */
export const UNAVAILABLE_RETRY_AFTER = 5;

// Socket errors of a connection that could not be made or was cut.
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
// PostgreSQL: shutting down, starting up, in recovery, out of connections.
const POSTGRES = new Set(['57P01', '57P02', '57P03', '53300']);
// What pg and pg-pool say when a connection ends or none can be had in time.
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Whether `error` is an outage of the infrastructure (PostgreSQL refusing or
 * cutting connections, the pool unable to get one), which passes by itself:
 * the client should try again, unlike a bug, which it should not. TypeORM
 * wraps driver errors (`driverError`); pg may put the socket error in `cause`.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK.has(code) || POSTGRES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The refusal a client gets during an outage: UNAVAILABLE, with the seconds to wait before trying again. */
export function unavailable(): AppError {
  return new AppError(
    ErrorCode.UNAVAILABLE,
    `The service is briefly unavailable (its database is not answering). Try again in ${UNAVAILABLE_RETRY_AFTER} seconds.`,
    { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER },
  );
}
