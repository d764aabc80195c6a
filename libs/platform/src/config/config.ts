import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// The names Express's `trust proxy` (proxy-addr) knows for address ranges.
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a subnet (`10.0.0.0/8`, `fd00::/8`, `10.0.0.0/255.0.0.0`) or a named range. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (/^\d{1,3}$/.test(prefix)) return Number(prefix) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(prefix) === 4;
}

/**
 * What Express's `trust proxy` takes: a number of hops, or the proxies'
 * addresses. Never `true`: trusting every hop means taking the left-most
 * X-Forwarded-For entry, which the client writes, so rotating it escaped the
 * per-IP sign-in limit.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (value === 'false' || value === '0') return false;
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'trusts every X-Forwarded-For entry, including those the client wrote; give the number of proxies in front of the api (1 behind one load balancer) or their addresses or subnets, comma-separated',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const wrong = entries.filter((e) => !isProxyAddress(e));
    if (wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${wrong.map((e) => JSON.stringify(e)).join(', ')} is not a number of hops, an IP address, a subnet (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * Every setting the platform reads, in one validated schema. Start-up stops on
 * the first wrong value with a message naming the variable.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** The worker answers /health/live and /health/ready on this port (none when unset): for container health checks. */
    WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    /** Run pending migrations when the api starts (the default mode); deployments use `npm run migrate`. */
    MIGRATIONS_RUN: bool.default(true),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }),
    /** Prefix of every Redis key the platform writes, so installations (and test runs) can share a Redis. */
    REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/).default('careers'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL: seconds(15 * 60),
    REFRESH_TOKEN_TTL: seconds(30 * 24 * 3600),
    /**
     * Seconds in which a refresh token used once may be presented again while the token it was exchanged for is
     * still unspent: that one is revoked and another issued (a page load aborted before its cookie arrived). 0: never.
     */
    REFRESH_REUSE_GRACE: z.coerce.number().int().min(0).max(60).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Sign-in attempts allowed per account and per IP address in each window. */
    SIGNIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
    SIGNIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(50),
    SIGNIN_LIMIT_WINDOW: seconds(15 * 60),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(500).default(30),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(5000),
    /** Bodies larger than this are refused before parsing (BAD_USER_INPUT). */
    HTTP_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('256kb'),
    /** Whether this worker runs an outbox relay (one leads at a time; others stand by). */
    OUTBOX_RELAY: bool.default(true),
    /** Seconds between the outbox relay's polls (it is woken by NOTIFY at each commit too). */
    OUTBOX_POLL_INTERVAL: z.coerce.number().min(0.05).max(60).default(2),
    /** Seconds after which an event whose listeners have not all delivered is published again (lost jobs). */
    OUTBOX_REPUBLISH_AFTER: z.coerce.number().int().min(1).default(300),
    /** Outgoing email. Unset: messages are written as .eml files under MAIL_DIR for a newcomer to read. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).max(200).default('Careers network <no-reply@careers.localhost>'),
    MAIL_DIR: z.string().min(1).default('.data/outbox'),
    /** Seconds between runs of the email schedule (quiet hours ended, digests due). */
    EMAIL_SCHEDULE_INTERVAL: z.coerce.number().int().min(1).max(3600).default(60),
    /** Seconds between runs of the vacancies schedule: alert emails that are due, closing and expiring vacancies. */
    VACANCY_SCHEDULE_INTERVAL: z.coerce.number().int().min(1).max(3600).default(60),
    /** Attempts per webhook delivery, and the first retry's delay in milliseconds (it doubles each time). */
    WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).default(30_000),
    /** A subscription's webhook is turned off after this many deliveries in a row failed every attempt. */
    WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).default(5),
    /**
     * Tests only: lets webhooks reach plain-HTTP receivers on loopback. Off, a
     * webhook must be HTTPS to a public address, checked again at each connection.
     */
    WEBHOOK_ALLOW_LOOPBACK: bool.default(false),
    /** Seconds between scans for live chat reminders that fell due (a day and an hour before the start). */
    LIVE_CHAT_REMINDER_INTERVAL: z.coerce.number().int().min(1).max(3600).default(60),
    /**
     * Where people reach the api and the web client, for links in emails (unsubscribe) and feeds, the
     * Secure attribute of the session cookie and the Origin that /auth/refresh and /auth/sign-out accept.
     */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The built web client the api serves at / (`npm run build` writes it to apps/web/dist, the default). */
    WEB_DIST_DIR: z.string().min(1).optional(),
    /**
     * Behind load balancers: how many (`1`) or which (addresses, subnets) proxies to trust, so the
     * client's IP (rate limits, logs) is the address the last trusted proxy saw in X-Forwarded-For.
     */
    TRUST_PROXY: trustProxy.default(false),
    /** People (other than hosts and staff) one live chat room admits at once. */
    LIVE_CHAT_MAX_ROOM_SIZE: z.coerce.number().int().min(1).max(100_000).default(10_000),
    /** Live chat sends one person may make in a row; the allowance refills LIVE_CHAT_SEND_LIMIT per LIVE_CHAT_SEND_WINDOW seconds (a token bucket; more are refused with RATE_LIMITED). */
    LIVE_CHAT_SEND_LIMIT: z.coerce.number().int().min(1).max(1000).default(5),
    LIVE_CHAT_SEND_WINDOW: z.coerce.number().min(0.1).max(3600).default(5),
    /** Mentorship requests one student may have waiting for a decision at once (more are refused with CONFLICT). */
    MENTORSHIP_PENDING_LIMIT: z.coerce.number().int().min(1).max(50).default(3),
    /** Days a mentorship request waits for the mentor's decision before it expires (and the student hears of it). */
    MENTORSHIP_REQUEST_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** Seconds between the worker's scans for mentorship requests that expired. */
    MENTORSHIP_EXPIRY_INTERVAL: z.coerce.number().int().min(1).max(3600).default(300),
    /** On SIGTERM, seconds to go on serving (with readiness at 503) so a load balancer stops sending first. */
    SHUTDOWN_DELAY: z.coerce.number().min(0).max(60).default(1),
    /** Then, seconds in-flight requests and jobs get to finish before the process exits anyway. */
    SHUTDOWN_GRACE: seconds(10),
  })
  .transform((c) => ({
    ...c,
    PUBLIC_URL: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    /** Whether PUBLIC_URL was given; when not, a request's own origin is the one the api accepts. */
    publicUrlGiven: c.PUBLIC_URL !== undefined,
  }))
  .transform((c, ctx) => {
    if (!c.JWT_SECRET) {
      if (c.NODE_ENV === 'production') {
        ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
        return z.NEVER;
      }
      // Outside production a missing secret is generated, so tokens do not outlive the process.
      // `npm start` passes one it keeps under .data/ so sign-ins survive restarts.
      return { ...c, JWT_SECRET: randomBytes(32).toString('base64url'), jwtSecretGenerated: true };
    }
    return { ...c, JWT_SECRET: c.JWT_SECRET, jwtSecretGenerated: false };
  });

export type AppConfig = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming each wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const result = configSchema.safeParse(blankToUndefined);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(configuration)';
      const value = env[name];
      const shown = value === undefined ? 'not set' : name === 'JWT_SECRET' ? 'set' : JSON.stringify(value);
      return `${name}: ${issue.message} (${shown})`;
    }),
  );
}
