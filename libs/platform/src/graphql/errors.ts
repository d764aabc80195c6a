import type { ApolloServerPlugin } from '@apollo/server';
import { type ValidationError as ClassValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError, ErrorCode, badInput } from '../errors/app-error.js';
import { isTransientInfrastructureError, unavailable } from '../errors/transient.js';
import type { GraphqlContext } from './graphql-context.js';

// What Apollo and graphql-js report for a request the client got wrong.
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);
const OUR_CODES = new Set<string>(Object.values(ErrorCode));
const INTERNAL_MESSAGE = 'Something went wrong on our side. It has been logged; quote the request id if you contact support.';

/**
 * An error with no path happened before execution: graphql-js refused the
 * request itself (syntax, validation, variable values). Its message describes
 * the request, never our internals. (Checked by name, not instanceof: graphql
 * ships CommonJS and ESM builds, and a library may hold the other one.)
 */
function isRequestError(formatted: GraphQLFormattedError, original: unknown): boolean {
  return !formatted.path && (original === undefined || (original instanceof Error && original.name === 'GraphQLError'));
}

/**
 * The code to show when the error is one a client may see as it is (theirs,
 * or one we raised on purpose); undefined when it is our fault, to be logged
 * and masked.
 */
function clientCode(formatted: GraphQLFormattedError, original: unknown): string | undefined {
  if (original instanceof AppError) return original.code;
  if (isRequestError(formatted, original)) return ErrorCode.BAD_USER_INPUT;
  const code = formatted.extensions?.['code'];
  if (typeof code !== 'string') return undefined;
  if (CLIENT_CODES.has(code)) return ErrorCode.BAD_USER_INPUT;
  return OUR_CODES.has(code) && !original ? code : undefined;
}

/** What was thrown; an outage (the database restarting) becomes UNAVAILABLE, which clients retry. */
const originalOf = (error: unknown) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  return isTransientInfrastructureError(original) ? unavailable() : original;
};

/** The one place where errors become what clients see. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const code = clientCode(formatted, original);
  if (!code) return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) return { ...base, message: original.message, extensions: { ...original.details, code } };
  const extensions: Record<string, unknown> = { ...(formatted.extensions ?? {}), code };
  delete extensions['stacktrace'];
  return { ...base, extensions };
}

/** Field-by-field messages from class-validator, as one BAD_USER_INPUT error. */
export function validationError(errors: ClassValidationError[]): AppError {
  const fields: Record<string, string[]> = {};
  const walk = (list: ClassValidationError[], prefix: string) => {
    for (const e of list) {
      const path = prefix ? `${prefix}.${e.property}` : e.property;
      if (e.constraints) fields[path] = Object.values(e.constraints);
      if (e.children?.length) walk(e.children, path);
    }
  };
  walk(errors, '');
  const summary = Object.entries(fields)
    .map(([f, msgs]) => `${f}: ${msgs.join(', ')}`)
    .join('; ');
  return badInput(`Some values are not valid. ${summary}`, { fields });
}

/** Logs refusals at info and unexpected errors at error, with the request id, and puts the request id on every error sent. */
export function errorReportingPlugin(logger: Logger): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const code = clientCode(error, originalOf(error));
            // A refusal is the client's to act on, not an alert for the operator: info, without a stack.
            if (code === ErrorCode.UNAVAILABLE) logger.warn({ code, reqId: contextValue.req?.id, operationName, err: error.originalError }, 'Infrastructure unavailable');
            else if (code) logger.info({ code, reqId: contextValue.req?.id, operationName, path: error.path }, error.message);
            else logger.error({ err: error.originalError ?? error, reqId: contextValue.req?.id, operationName }, 'GraphQL resolver failed');
          }
        },
        async willSendResponse({ response, contextValue }) {
          const body = response.body;
          if (body.kind !== 'single' || !body.singleResult.errors) return;
          const requestId = contextValue.req?.id;
          body.singleResult.errors = body.singleResult.errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId },
          }));
        },
      };
    },
  };
}
