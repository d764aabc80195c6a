import { Badge } from '../../components/Badge.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { graphql } from '../../gql/index.js';
import type { LiveChatRegistrationStatus } from '../../gql/graphql.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import { useSession } from '../../lib/session-context.js';
import styles from '../pages.module.css';
import { EmployerLiveChats } from './OrganisationLiveChats.js';

export const UpcomingLiveChats = graphql(`
  query UpcomingLiveChats($first: Int, $after: String) {
    upcomingLiveChats(first: $first, after: $after) {
      edges {
        node {
          id
          title
          startsAt
          endsAt
          organisationName
          placesLeft
          myRegistration { id status waitlistPlace }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Your place in one chat, in words. */
export function registrationText(status: LiveChatRegistrationStatus | undefined, waitlistPlace?: number | null): string | null {
  if (status === 'REGISTERED') return 'Registered';
  if (status === 'WAITLISTED') return waitlistPlace ? `Waitlist: place ${waitlistPlace}` : 'Waitlisted';
  return null;
}

/** `/live-chats`: the live chats open to you that have not ended, soonest first, paged; for employers, their organisation's. */
export default function LiveChatsPage() {
  const { role } = useSession();
  return role === 'EMPLOYER' ? <EmployerLiveChats /> : <UpcomingList />;
}

function UpcomingList() {
  const list = usePagedQuery(UpcomingLiveChats, { variables: { first: 20 }, select: (d) => d.upcomingLiveChats });
  return (
    <>
      <PageHeader title="Live chats">
        <p className={styles['muted']}>Employers answer your questions live. Register to get a place and a reminder.</p>
      </PageHeader>
      <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="No live chats are coming up for you yet." onRetry={() => list.refetch()}>
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Upcoming live chats">
          {list.nodes.map((chat) => {
            const mine = registrationText(chat.myRegistration?.status, chat.myRegistration?.waitlistPlace);
            return (
              <li key={chat.id}>
                <h2>
                  <Link href={`/live-chats/${chat.id}`}>{chat.title}</Link>
                </h2>
                <p className={`${styles['row']} ${styles['muted']}`}>
                  <span>{chat.organisationName ?? 'Unknown organisation'}</span>
                  <DateTime value={chat.startsAt} />
                  <span>{chat.placesLeft > 0 ? `${chat.placesLeft} places left` : 'Full: waitlist open'}</span>
                  {mine && <Badge tone="success">{mine}</Badge>}
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
