import { useQuery } from '@apollo/client/react';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { graphql } from '../../gql/index.js';
import styles from '../pages.module.css';

const HomeLiveChats = graphql(`
  query HomeLiveChats {
    upcomingLiveChats(first: 3) {
      edges { node { id title startsAt organisationName myRegistration { id status } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Student and alumnus home: the next live chats open to them, soonest first, and whether they have a place. */
export function StudentLiveChatsSection() {
  const { data, loading, error, refetch } = useQuery(HomeLiveChats);
  // The cache merges pages of upcomingLiveChats (the live chats page may have loaded more): the soonest few only.
  const chats = data?.upcomingLiveChats.edges.slice(0, 3).map((e) => e.node) ?? [];
  return (
    <Card title="Upcoming live chats">
      <ListState loading={loading} error={error} empty={chats.length === 0} emptyText="No live chats coming up." onRetry={() => refetch()}>
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Upcoming live chats">
          {chats.map((c) => (
            <li key={c.id}>
              <Link href={`/live-chats/${c.id}`}>{c.title}</Link>
              <br />
              <span className={styles['muted']}>
                {c.organisationName ?? 'Unknown organisation'} · <DateTime value={c.startsAt} />
                {c.myRegistration?.status === 'REGISTERED' && ' · registered'}
                {c.myRegistration?.status === 'WAITLISTED' && ' · on the waitlist'}
              </span>
            </li>
          ))}
        </ul>
      </ListState>
      <p>
        <Link href="/live-chats">All live chats</Link>
      </p>
    </Card>
  );
}
