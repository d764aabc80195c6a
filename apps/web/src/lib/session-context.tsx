import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { graphql } from '../gql/index.js';
import { type Grant, accept, getStatus, resume, signOut, subscribe } from './session.js';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      institution { id name }
      organisation { id name }
    }
  }
`);

/** Resumes the session of the refresh cookie once, on load; drops the cache when the session ends. */
export function useSessionLifecycle(): void {
  const client = useApolloClient();
  useEffect(() => {
    void resume();
    let previous = getStatus();
    return subscribe(() => {
      const now = getStatus();
      // Only a session that ended (here or in another tab) leaves data to drop; clearing while resuming would
      // cancel the first page's queries in flight.
      if (previous === 'signed-in' && now === 'signed-out') void client.clearStore();
      previous = now;
    });
  }, [client]);
}

/** The signed-in person (the `me` query) and their role; `status` is 'resuming' until the first refresh answered. */
export function useSession() {
  const status = useSyncExternalStore(subscribe, getStatus);
  const { data, error } = useQuery(MeQuery, { skip: status !== 'signed-in', fetchPolicy: 'cache-first' });
  const user = status === 'signed-in' ? (data?.me ?? null) : null;
  return {
    status,
    user,
    role: user?.role ?? null,
    /** True until we know whether someone is signed in and who. */
    loading: status === 'resuming' || (status === 'signed-in' && !data && !error),
  };
}

/** Starts the session a sign-in mutation answered with (AuthPayload), then loads `me` fresh. */
export function useAcceptGrant() {
  const client = useApolloClient();
  return useCallback(
    async (grant: Grant) => {
      await client.clearStore();
      accept(grant);
    },
    [client],
  );
}

export function useSignOut() {
  const client = useApolloClient();
  return useCallback(async () => {
    await signOut();
    await client.clearStore();
  }, [client]);
}
