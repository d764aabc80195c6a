import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { DateTime } from '../../components/DateTime.js';
import { Switch } from '../../components/fields.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { UnreadCountQuery } from '../../components/NotificationBell.js';
import { graphql } from '../../gql/index.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import own from './InboxPage.module.css';
import { kindName } from './kinds.js';

const Inbox = graphql(`
  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges {
        node { id kind title body link createdAt readAt }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const MarkRead = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) { id readAt }
  }
`);

const MarkAllRead = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

/** Links the api sends are paths of this client; anything else is not followed. */
const internal = (link: string | null | undefined) => (link && link.startsWith('/') && !link.startsWith('//') ? link : null);

export default function InboxPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = usePagedQuery(Inbox, { variables: { first: 20, unreadOnly }, select: (d) => d.notifications });
  const [markRead] = useMutation(MarkRead, { refetchQueries: [UnreadCountQuery] });
  const [markAll, markingAll] = useMutation(MarkAllRead, { refetchQueries: [UnreadCountQuery, Inbox] });
  return (
    <>
      <PageHeader
        title="Notifications"
        actions={
          <>
            <Button variant="secondary" onPress={() => void markAll()} isPending={markingAll.loading}>
              Mark all read
            </Button>
            <Link href="/settings/notifications">Preferences</Link>
          </>
        }
      />
      <Switch isSelected={unreadOnly} onChange={setUnreadOnly}>
        Unread only
      </Switch>
      <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText={unreadOnly ? 'Nothing unread.' : 'No notifications yet.'} onRetry={() => list.refetch()}>
        <ul className={styles['list']} aria-label="Notifications">
          {list.nodes.map((n) => {
            const href = internal(n.link);
            return (
              <li key={n.id} className={`${own['item']} ${n.readAt ? '' : own['unread']}`}>
                <div className={own['head']}>
                  <h2 className={own['title']}>{href ? <Link href={href} onPress={() => void (n.readAt || markRead({ variables: { id: n.id } }))}>{n.title}</Link> : n.title}</h2>
                  {!n.readAt && <Badge>Unread</Badge>}
                </div>
                <p>{n.body}</p>
                <p className={`${styles['row']} ${styles['muted']}`}>
                  <DateTime value={n.createdAt} />
                  <span>{kindName(n.kind)}</span>
                  {!n.readAt && (
                    <Button variant="quiet" onPress={() => void markRead({ variables: { id: n.id } })}>
                      Mark read<span className="visually-hidden">: {n.title}</span>
                    </Button>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
      </ListState>
    </>
  );
}
