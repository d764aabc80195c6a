import { useQuery } from '@apollo/client/react';
import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { graphql } from '../../gql/index.js';
import styles from '../pages.module.css';

const HomeAlumnusMentoring = graphql(`
  query HomeAlumnusMentoring {
    myMentorProfile { id acceptingRequests optedOut placesFree capacity }
    mentorRequests(first: 20) { edges { node { id } } pageInfo { hasNextPage endCursor } }
    questions(first: 3, filter: { unanswered: true }) {
      edges { node { id title tags } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Alumnus home, first: their mentoring at a glance (requests waiting, places free) and questions no one has answered yet. */
export function AlumnusMentoringSection() {
  const { data, loading, error, refetch } = useQuery(HomeAlumnusMentoring);
  const profile = data?.myMentorProfile;
  const waiting = data?.mentorRequests.edges.length ?? 0;
  const questions = data?.questions.edges.slice(0, 3).map((e) => e.node) ?? [];
  const mentoring = profile && !profile.optedOut;
  return (
    <>
      <Card title="Mentoring">
        {loading && !data ? (
          <p role="status">Loading…</p>
        ) : mentoring ? (
          <>
            <p>
              {waiting === 0 ? 'No requests waiting.' : <Link href="/mentoring/requests">{`${waiting}${data?.mentorRequests.pageInfo.hasNextPage ? '+' : ''} request${waiting === 1 ? '' : 's'} waiting for your answer`}</Link>}
            </p>
            <p className={styles['muted']}>
              {profile.acceptingRequests ? `${profile.placesFree} of ${profile.capacity} places free.` : 'Paused: students cannot ask you now.'}
            </p>
            <p>
              <Link href="/mentorships">Your mentorships</Link> · <Link href="/mentoring">Your mentor profile</Link>
            </p>
          </>
        ) : (
          <p>
            Students of your university would value your experience. <Link href="/mentoring">Offer mentoring</Link>: a question, a conversation or
            more, as you choose.
          </p>
        )}
      </Card>
      <Card title="Questions waiting for an answer">
        <ListState loading={loading} error={error} empty={questions.length === 0} emptyText="Every question has an answer. Thank you!" onRetry={() => refetch()}>
          <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Questions waiting for an answer">
            {questions.map((q) => (
              <li key={q.id}>
                <Link href={`/questions/${q.id}`}>{q.title}</Link>
                {q.tags.length > 0 && (
                  <>
                    <br />
                    <span className={styles['muted']}>{q.tags.join(', ')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </ListState>
        <p>
          <Link href="/questions?view=unanswered">All unanswered questions</Link>
        </p>
      </Card>
    </>
  );
}
