import { type DocumentNode, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';

/** A Relay connection as the api answers it (`first`/`after`, `edges`, `pageInfo`). */
export interface ConnectionLike<Node> {
  edges: ReadonlyArray<{ node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A paged list over a Relay connection: the first page, then `loadMore()` fetches the next with `after` and
 * the cache's relayStylePagination policy (lib/apollo.ts) appends it. `select` picks the connection out of
 * the data.
 */
export function usePagedQuery<Data, Vars extends OperationVariables, Node>(
  query: TypedDocumentNode<Data, Vars> | DocumentNode,
  options: { variables: Vars; select: (data: Data) => ConnectionLike<Node> | null | undefined; skip?: boolean },
) {
  const result = useQuery(query as TypedDocumentNode<Data, Vars>, {
    variables: options.variables,
    skip: options.skip,
    notifyOnNetworkStatusChange: true,
  } as useQuery.Options<Data, Vars>);
  const [loadingMore, setLoadingMore] = useState(false);
  const data = result.data as Data | undefined;
  const connection = data ? options.select(data) : undefined;
  const nodes = connection?.edges.map((e) => e.node) ?? [];
  const endCursor = connection?.pageInfo.endCursor;
  const { fetchMore } = result;
  const loadMore = useCallback(async () => {
    if (!endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: endCursor } as unknown as Partial<Vars> });
    } finally {
      setLoadingMore(false);
    }
  }, [endCursor, fetchMore]);
  return {
    nodes,
    hasMore: connection?.pageInfo.hasNextPage ?? false,
    loadMore,
    loadingMore,
    loading: result.loading && !connection,
    error: result.error,
    refetch: result.refetch,
  };
}
