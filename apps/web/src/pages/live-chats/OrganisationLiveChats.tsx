import { useState } from 'react';
import { Badge } from '../../components/Badge.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { Tabs } from '../../components/Tabs.js';
import { graphql } from '../../gql/index.js';
import type { LiveChatPeriod, LiveChatStatus } from '../../gql/graphql.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';

export const OrganisationLiveChats = graphql(`
  query OrganisationLiveChats($period: LiveChatPeriod, $first: Int, $after: String) {
    organisationLiveChats(period: $period, first: $first, after: $after) {
      edges {
        node { id title status startsAt endsAt capacity registeredCount }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const STATUS: Record<LiveChatStatus, { text: string; tone: 'neutral' | 'success' | 'warning' | 'danger' }> = {
  PENDING: { text: 'Waiting for approval', tone: 'warning' },
  APPROVED: { text: 'Approved', tone: 'success' },
  REJECTED: { text: 'Rejected', tone: 'danger' },
  CANCELLED: { text: 'Cancelled', tone: 'danger' },
};

/** An organisation's chat's status in words, with its tone. */
export const statusBadge = (status: LiveChatStatus) => <Badge tone={STATUS[status].tone}>{STATUS[status].text}</Badge>;

function ChatList({ period }: { period: LiveChatPeriod }) {
  const list = usePagedQuery(OrganisationLiveChats, { variables: { period, first: 20 }, select: (d) => d.organisationLiveChats });
  const now = Date.now();
  return (
    <ListState
      loading={list.loading}
      error={list.error}
      empty={list.nodes.length === 0}
      emptyText={period === 'PAST' ? 'None of your live chats is over yet.' : 'Your organisation has no live chats coming up. Schedule one.'}
      onRetry={() => list.refetch()}
    >
      <ul className={`${styles['list']} ${styles['stack']}`} aria-label={period === 'PAST' ? 'Past live chats' : 'Live chats to come'}>
        {list.nodes.map((chat) => {
          const editable = period === 'UPCOMING' && chat.status !== 'CANCELLED' && new Date(chat.startsAt).getTime() > now;
          return (
            <li key={chat.id}>
              <h3>
                <Link href={`/live-chats/${chat.id}`}>{chat.title}</Link>
              </h3>
              <p className={`${styles['row']} ${styles['muted']}`}>
                <span>
                  <DateTime value={chat.startsAt} /> to <DateTime value={chat.endsAt} format="time" />
                </span>
                <span>
                  {chat.registeredCount} of {chat.capacity} places taken
                </span>
                {statusBadge(chat.status)}
                {editable && <Link href={`/live-chats/${chat.id}/edit`} aria-label={`Edit ${chat.title}`}>Edit</Link>}
                {period === 'PAST' && chat.status === 'APPROVED' && <Link href={`/live-chats/${chat.id}/qa`} aria-label={`Q&A page of ${chat.title}`}>Q&A page</Link>}
              </p>
            </li>
          );
        })}
      </ul>
      <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
    </ListState>
  );
}

/** `/live-chats` for employers: their organisation's chats in every status, to come and past, and scheduling a new one. */
export function EmployerLiveChats() {
  const [tab, setTab] = useState<string>('upcoming');
  return (
    <>
      <PageHeader title="Live chats" actions={<Link href="/live-chats/new">Schedule a live chat</Link>}>
        <p className={styles['muted']}>Your organisation&apos;s live chats: waiting for approval, approved, cancelled and past.</p>
      </PageHeader>
      <Tabs
        aria-label="Which live chats"
        selectedKey={tab}
        onSelectionChange={(k) => setTab(String(k))}
        items={[
          { id: 'upcoming', label: 'To come', content: tab === 'upcoming' && <ChatList period="UPCOMING" /> },
          { id: 'past', label: 'Past', content: tab === 'past' && <ChatList period="PAST" /> },
        ]}
      />
    </>
  );
}
