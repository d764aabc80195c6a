import { Badge } from '../../components/Badge.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { Tabs } from '../../components/Tabs.js';
import type { MentorshipStatus } from '../../gql/graphql.js';
import { useSession } from '../../lib/session-context.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import { MyMentorships } from './queries.js';
import { OFFER_LABELS, STATUS_TEXT } from './mentorshipText.js';


const TABS: { id: string; label: string; status?: MentorshipStatus; empty: string }[] = [
  { id: 'active', label: 'Active', status: 'ACTIVE', empty: 'No active mentorships.' },
  { id: 'requested', label: 'Requested', status: 'REQUESTED', empty: 'No requests waiting for a decision.' },
  { id: 'ended', label: 'Ended', status: 'ENDED', empty: 'No ended mentorships.' },
  { id: 'declined', label: 'Declined', status: 'DECLINED', empty: 'No declined requests.' },
  { id: 'expired', label: 'Expired', status: 'EXPIRED', empty: 'No expired requests.' },
  { id: 'withdrawn', label: 'Withdrawn', status: 'WITHDRAWN', empty: 'No withdrawn requests.' },
  { id: 'all', label: 'All', empty: 'Nothing yet.' },
];

/** `/mentorships` (students and alumni): your mentorships and requests, as mentee or mentor, by status. */
export default function MentorshipsPage() {
  const { role } = useSession();
  return (
    <>
      <PageHeader title="Mentorships">
        <p className={styles['muted']}>
          {role === 'ALUMNUS' ? (
            <>
              Mentorships you give, and any you asked for. Requests waiting for you are in <Link href="/mentoring/requests">your requests inbox</Link>.
            </>
          ) : (
            'Your requests to mentors and your mentorships, newest first.'
          )}
        </p>
      </PageHeader>
      <Tabs aria-label="Mentorships by status" items={TABS.map((t) => ({ id: t.id, label: t.label, content: <MentorshipList status={t.status} empty={t.empty} /> }))} />
    </>
  );
}

function MentorshipList({ status, empty }: { status?: MentorshipStatus; empty: string }) {
  const list = usePagedQuery(MyMentorships, { variables: { status: status ?? null, first: 20 }, select: (d) => d.myMentorships });
  return (
    <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText={empty} onRetry={() => list.refetch()}>
      <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Mentorships">
        {list.nodes.map((m) => {
          const other = m.myRole === 'MENTOR' ? m.mentee : m.mentor;
          const s = STATUS_TEXT[m.status];
          return (
            <li key={m.id}>
              <h2>
                <Link href={`/mentorships/${m.id}`}>{m.myRole === 'MENTOR' ? `Mentoring ${other.displayName}` : `With ${other.displayName}`}</Link>
              </h2>
              <p className={`${styles['row']} ${styles['muted']}`}>
                <Badge tone={s.tone}>{s.label}</Badge>
                <span>{m.myRole === 'MENTOR' ? 'You mentor' : 'You are the mentee'}</span>
                {m.asksFor && <span>{OFFER_LABELS[m.asksFor]}</span>}
                <span>
                  Asked <DateTime value={m.requestedAt} />
                </span>
              </p>
            </li>
          );
        })}
      </ul>
      <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
    </ListState>
  );
}
