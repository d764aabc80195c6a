import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import own from './Mentorships.module.css';
import { DecideRequest } from './MentorshipActions.js';
import { MentorRequests } from './queries.js';
import { OFFER_LABELS } from './mentorshipText.js';

/** `/mentoring/requests` (alumni): requests waiting for your decision, oldest first, with accept and decline inline. */
export default function MentorRequestsPage() {
  const list = usePagedQuery(MentorRequests, { variables: { first: 20 }, select: (d) => d.mentorRequests });
  return (
    <>
      <PageHeader title="Mentoring requests">
        <p className={styles['muted']}>Students who asked you, oldest first. A request you do not answer in time expires. Your mentorships are in <Link href="/mentorships">Mentorships</Link>.</p>
      </PageHeader>
      <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="No requests are waiting for you." onRetry={() => list.refetch()}>
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Requests waiting for you">
          {list.nodes.map((r) => (
            <Card key={r.id} as="li" title={<Link href={`/mentorships/${r.id}`}>{r.mentee.course ? `${r.mentee.displayName} (${r.mentee.course})` : r.mentee.displayName}</Link>}>
              <p className={`${styles['row']} ${styles['muted']}`}>
                {r.asksFor && <span>Asks for: {OFFER_LABELS[r.asksFor]}</span>}
                <span>
                  Asked <DateTime value={r.requestedAt} />
                </span>
                {r.expiresAt && (
                  <span>
                    Expires <DateTime value={r.expiresAt} format="date" />
                  </span>
                )}
              </p>
              {r.message && <p className={own['prewrap']}>{r.message}</p>}
              <DecideRequest id={r.id} menteeName={r.mentee.displayName} onDone={() => list.refetch()} />
            </Card>
          ))}
        </ul>
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
      </ListState>
    </>
  );
}
