import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { Pager } from '../../components/Pager.js';
import { Tabs } from '../../components/Tabs.js';
import { graphql } from '../../gql/index.js';
import type { LiveChatRegistrationStatus, Role } from '../../gql/graphql.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';

const LiveChatDecisions = graphql(`
  query LiveChatDecisions($id: ID!) {
    liveChat(id: $id) { id audience { institutionId status reason decidedAt } }
    me { id institution { id name } organisation { id approvals { id institution { id name } } } }
  }
`);

export const LiveChatRegistrants = graphql(`
  query LiveChatRegistrants($eventId: ID!, $status: LiveChatRegistrationStatus!, $first: Int, $after: String) {
    liveChatRegistrations(eventId: $eventId, status: $status, first: $first, after: $after) {
      edges { node { id userId displayName status waitlistPlace createdAt updatedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const DECISION: Record<string, string> = { PENDING: 'Waiting for a decision', APPROVED: 'Approved', REJECTED: 'Rejected' };

function Registrants({ eventId, status }: { eventId: string; status: 'REGISTERED' | 'WAITLISTED' }) {
  const list = usePagedQuery(LiveChatRegistrants, { variables: { eventId, status: status as LiveChatRegistrationStatus, first: 20 }, select: (d) => d.liveChatRegistrations });
  const waitlist = status === 'WAITLISTED';
  return (
    <ListState
      loading={list.loading}
      error={list.error}
      empty={list.nodes.length === 0}
      emptyText={waitlist ? 'Nobody is waiting for a place.' : 'Nobody has registered yet.'}
      onRetry={() => list.refetch()}
    >
      <ol className={`${styles['list']} ${styles['stack']}`} aria-label={waitlist ? 'Waitlist' : 'Registered'}>
        {list.nodes.map((r) => (
          <li key={r.id} className={styles['row']}>
            {waitlist && <Badge>{`Place ${r.waitlistPlace ?? '?'}`}</Badge>}
            <Link href={`/people/${r.userId}`}>{r.displayName ?? 'Former member'}</Link>
            <span className={styles['muted']}>
              {waitlist ? 'waiting since' : 'registered'} <DateTime value={r.updatedAt} />
            </span>
          </li>
        ))}
      </ol>
      <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
    </ListState>
  );
}

/**
 * On `/live-chats/:id`, for the organisation's employers and careers staff: each institution's decision (staff:
 * their own, with a link to decide while it is pending), who registered and who waits, and the Edit link.
 */
export function HostPanel({ chat, role }: { chat: { id: string; title: string; status: string; startsAt: string }; role: Role }) {
  const decisions = useQuery(LiveChatDecisions, { variables: { id: chat.id } });
  const [tab, setTab] = useState('registered');
  const names = new Map<string, string>();
  for (const a of decisions.data?.me.organisation?.approvals ?? []) names.set(a.institution.id, a.institution.name);
  const own = decisions.data?.me.institution;
  if (own) names.set(own.id, own.name);
  const audience = decisions.data?.liveChat.audience ?? [];
  const editable = role === 'EMPLOYER' && chat.status !== 'CANCELLED' && new Date(chat.startsAt).getTime() > Date.now();
  return (
    <>
      {editable && (
        <p>
          <Link href={`/live-chats/${chat.id}/edit`}>Edit, reschedule or cancel this chat</Link>
        </p>
      )}
      <Card title={role === 'STAFF' ? "Your institution's decision" : 'Approval by institution'}>
        <ListState loading={decisions.loading} error={decisions.error} empty={audience.length === 0} emptyText="No institution is asked to decide." onRetry={() => decisions.refetch()}>
          <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Decisions by institution">
            {audience.map((a) => (
              <li key={a.institutionId}>
                <p className={styles['row']}>
                  <strong>{names.get(a.institutionId) ?? 'An institution'}</strong>
                  <Badge tone={a.status === 'APPROVED' ? 'success' : a.status === 'REJECTED' ? 'danger' : 'warning'}>{DECISION[a.status] ?? a.status}</Badge>
                  {a.decidedAt && (
                    <span className={styles['muted']}>
                      <DateTime value={a.decidedAt} />
                    </span>
                  )}
                </p>
                {a.reason && <p>Reason: {a.reason}</p>}
                {role === 'STAFF' && a.status === 'PENDING' && (
                  <p>
                    <Link href={`/approvals/live-chats#${chat.id}`}>Approve or reject it</Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </ListState>
      </Card>
      <Card title="Registrations">
        <Tabs
          aria-label="Registrations"
          selectedKey={tab}
          onSelectionChange={(k) => setTab(String(k))}
          items={[
            { id: 'registered', label: 'Registered', content: tab === 'registered' && <Registrants eventId={chat.id} status="REGISTERED" /> },
            { id: 'waitlist', label: 'Waitlist', content: tab === 'waitlist' && <Registrants eventId={chat.id} status="WAITLISTED" /> },
          ]}
        />
      </Card>
    </>
  );
}
