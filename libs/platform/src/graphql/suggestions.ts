import type { GraphQLFormattedError } from 'graphql';

// graphql-js 16 ends its messages about a misspelt field, argument, type, enum
// value or input field with `Did you mean "email"?`: enough, query after query,
// to rebuild a schema whose introspection is off.
const SUGGESTION = / ?Did you mean .*\?$/s;

/** The error without graphql-js's suggestion of names from the schema (production). */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return SUGGESTION.test(formatted.message) ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
}
