import { z } from 'zod';
import { roomError } from './room-error.js';
import { MAX_PAGE } from './rooms.service.js';

// What the room's requests may carry, checked before any other work: a request that does not fit is
// refused with BAD_USER_INPUT (and, for text over its limit, the limit).

export const MAX_BODY = 2000;
export const MAX_QUESTION = 1000;
const uuid = z.uuid({ version: undefined });
const eventRef = z.object({ eventId: uuid });
// Trimmed first, so padding does not count. The transport caps the size of what arrives (SOCKET_MAX_PACKET):
// anything below that is answered, a body over the limit with BAD_USER_INPUT and the limit (maxLength).
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));
export const schemas = {
  join: eventRef,
  send: eventRef.extend({ clientId: uuid, body: text(MAX_BODY), questionId: uuid.optional() }),
  since: eventRef.extend({ afterSeq: z.number().int().min(0), limit: z.number().int().min(1).max(MAX_PAGE).default(100) }),
  delete: eventRef.extend({ seq: z.number().int().min(1) }),
  ask: eventRef.extend({ clientId: uuid, body: text(MAX_QUESTION) }),
  question: eventRef.extend({ questionId: uuid }),
  mute: eventRef.extend({ userId: uuid, minutes: z.number().int().min(1).max(24 * 60) }),
  remove: eventRef.extend({ userId: uuid }),
  slow: eventRef.extend({ seconds: z.number().int().min(0).max(3600) }),
};

export function parse<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const tooLong = issue.code === 'too_big' && issue.origin === 'string' ? { maxLength: Number(issue.maximum) } : {};
  throw roomError('BAD_USER_INPUT', `${issue.path.join('.') || 'payload'}: ${issue.message}`, tooLong);
}

/**
 * The send limit in words, for the refusal (and docs/live-chat-delivery.md): a
 * token bucket holds `limit` sends and gains one every `window / limit`
 * seconds, so a burst of `limit`, then a steady pace.
 */
export function sendLimitRule(limit: number, window: number): string {
  const every = Number((window / limit).toFixed(2));
  return `${limit} in a row, then one ${every === 1 ? 'a second' : `every ${every} seconds`} (messages and questions together)`;
}
