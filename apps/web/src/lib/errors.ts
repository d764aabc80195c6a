import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The codes the api puts on `extensions.code` (docs/graphql.md). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

/** What a form shows: one message per field (beside it), and a message for the form as a whole. */
export interface FormError {
  code: ErrorCode;
  /** The API's message (a person can act on it), or ours for a network failure. */
  message: string;
  /** Messages by input field name (`email`, `links.0.url`), from BAD_USER_INPUT's `field` / `fields`. */
  fields: Record<string, string>;
}

const NETWORK_MESSAGE = 'The server could not be reached. Check your connection and try again.';

/** The field name the form uses: the api's paths may start with the argument (`input.email`). */
function fieldName(path: string): string {
  return path.replace(/^input\./, '');
}

/** Turns whatever a mutation or query threw into a FormError. */
export function toFormError(error: unknown): FormError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = (first?.extensions?.['code'] as ErrorCode | undefined) ?? 'INTERNAL_SERVER_ERROR';
    const fields: Record<string, string> = {};
    for (const e of error.errors) {
      if (e.extensions?.['code'] !== 'BAD_USER_INPUT') continue;
      const field = e.extensions['field'];
      if (typeof field === 'string') fields[fieldName(field)] = e.message;
      const many = e.extensions['fields'];
      if (many && typeof many === 'object') {
        for (const [path, messages] of Object.entries(many as Record<string, string[] | string>)) {
          fields[fieldName(path)] = Array.isArray(messages) ? messages.join(' ') : String(messages);
        }
      }
    }
    return { code, message: first?.message ?? 'Something went wrong.', fields };
  }
  if (ServerError.is(error)) {
    const code: ErrorCode = error.statusCode === 429 ? 'RATE_LIMITED' : error.statusCode >= 500 ? 'UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
    return { code, message: error.statusCode >= 500 ? 'The server is not answering right now. Try again in a moment.' : error.message, fields: {} };
  }
  return { code: 'NETWORK', message: NETWORK_MESSAGE, fields: {} };
}

/** The code of an error (for pages that show NOT_FOUND as a not-found page). */
export function errorCode(error: unknown): ErrorCode | undefined {
  return error ? toFormError(error).code : undefined;
}
