import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../gql/index.js';
import { Link } from './Link.js';
import styles from './NotificationBell.module.css';
import { useToast } from './Toast.js';

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

interface Pushed {
  id: string;
  kind: string;
  title: string;
}

/**
 * The bell in the header: the unread count, kept current by the notifications socket. A push or a reconnect
 * refetches the count and drops the cached inbox (the list is the truth, pushes are best effort).
 */
export function NotificationBell() {
  const client = useApolloClient();
  const toast = useToast();
  const { data, refetch } = useQuery(UnreadCountQuery, { fetchPolicy: 'cache-and-network' });
  useEffect(() => {
    let closed = false;
    let close = () => undefined as void;
    // socket.io-client loads after the page (its own chunk): the first page does not wait for it.
    void import('../lib/realtime.js').then(({ connectSocket }) => {
      if (closed) return;
      const socket = connectSocket('/');
      const catchUp = () => {
        void refetch();
        client.cache.evict({ fieldName: 'notifications' });
        client.cache.gc();
      };
      socket.on('connect', catchUp);
      socket.on('notification', (n: Pushed) => {
        catchUp();
        toast(n.title);
      });
      close = () => void socket.close();
    });
    return () => {
      closed = true;
      close();
    };
  }, [client, refetch, toast]);
  const count = data?.unreadNotificationCount ?? 0;
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`;
  return (
    <Link href="/notifications" variant="nav" aria-label={label}>
      <span aria-hidden="true" className={styles['bell']}>
        <svg viewBox="0 0 24 24" width="22" height="22" focusable="false" className={styles['icon']}>
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {count > 0 && <span className={styles['count']} data-testid="unread-count">{count > 99 ? '99+' : count}</span>}
      </span>
    </Link>
  );
}
