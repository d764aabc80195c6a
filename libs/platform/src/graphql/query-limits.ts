import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors/app-error.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/** A list field costs its page size times what one item costs: `first: 100` of a user with a profile is 100 × 2. */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = args['first'];
  if (typeof first === 'number' && first > 0) return 1 + childComplexity * first;
  return undefined;
};

function refuse(message: string, limit: Record<string, number>): never {
  throw new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, limit } });
}

function measure(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): { depth: number; aliases: number } {
  let depth = 0;
  let aliases = 0;
  for (const sel of set.selections) {
    let inner: { depth: number; aliases: number } = { depth: 0, aliases: 0 };
    if (sel.kind === Kind.FIELD) {
      if (sel.alias) aliases++;
      if (sel.selectionSet) inner = measure(sel.selectionSet, fragments, visiting);
      depth = Math.max(depth, 1 + inner.depth);
    } else {
      let child: SelectionSetNode | undefined;
      if (sel.kind === Kind.INLINE_FRAGMENT) child = sel.selectionSet;
      else if (!visiting.has(sel.name.value)) child = fragments.get(sel.name.value)?.selectionSet;
      if (child) {
        if (sel.kind === Kind.FRAGMENT_SPREAD) visiting.add(sel.name.value);
        inner = measure(child, fragments, visiting);
        if (sel.kind === Kind.FRAGMENT_SPREAD) visiting.delete(sel.name.value);
      }
      depth = Math.max(depth, inner.depth);
    }
    aliases += inner.aliases;
  }
  return { depth, aliases };
}

// `__typename` is not introspection: it resolves anywhere, so an operation of
// 1,000 aliased `__typename`s is as heavy as any other.
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
const isIntrospection = (op: OperationDefinitionNode) => {
  const roots = op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : ''));
  return roots.some((name) => INTROSPECTION_ROOTS.has(name)) && roots.every((name) => INTROSPECTION_ROOTS.has(name) || name === '__typename');
};

// Apollo keeps parsed documents, so the same query text arrives as the same objects:
// what was measured once is not measured again (the cost per variables' values).
const measured = new WeakMap<OperationDefinitionNode, { depth: number; aliases: number; costs: Map<string, number> }>();
const MAX_COSTS_PER_OPERATION = 100;

/** Throws BAD_USER_INPUT when an operation is deeper, more aliased or costlier than the limits. */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): void {
  let known = measured.get(operation);
  if (!known) {
    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((f) => [f.name.value, f]),
    );
    known = { ...measure(operation.selectionSet, fragments, new Set()), costs: new Map() };
    measured.set(operation, known);
  }
  const { depth, aliases, costs } = known;
  // Introspection is off in production; elsewhere tools need its deep queries (`ofType { ofType { … } }`),
  // so only its depth goes unchecked: its aliases and cost count like any other operation's.
  if (depth > limits.maxDepth && !isIntrospection(operation)) refuse(`The query is ${depth} levels deep; the limit is ${limits.maxDepth}.`, { maxDepth: limits.maxDepth });
  if (aliases > limits.maxAliases) refuse(`The query uses ${aliases} aliases; the limit is ${limits.maxAliases}.`, { maxAliases: limits.maxAliases });
  const variablesKey = JSON.stringify(variables);
  let cost = costs.get(variablesKey);
  if (cost === undefined) {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    if (costs.size < MAX_COSTS_PER_OPERATION && variablesKey.length < 1000) costs.set(variablesKey, cost);
  }
  if (cost > limits.maxCost) refuse(`The query would cost ${cost}; the limit is ${limits.maxCost}. Ask for smaller pages or fewer fields.`, { maxCost: limits.maxCost });
}

export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          checkQueryLimits(schema, document, operation, request.variables ?? {}, limits);
        },
      };
    },
  };
}
