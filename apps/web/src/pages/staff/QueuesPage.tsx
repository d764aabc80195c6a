import { useMutation, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { toFormError } from '../../lib/errors.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import own from './QueuesPage.module.css';

export const QueueStates = graphql(`
  query QueueStates {
    queues { name waiting active delayed failed completed }
  }
`);

const FailedJobs = graphql(`
  query FailedJobs($queue: String!, $first: Int, $after: String) {
    failedJobs(queue: $queue, first: $first, after: $after) {
      edges { node { id name failedReason attemptsMade failedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const RetryJob = graphql(`
  mutation RetryJob($queue: String!, $id: ID!) {
    retryJob(queue: $queue, id: $id)
  }
`);

const COUNTS = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Admins: job counts of every queue; `?queue=<name>` lists that queue's failed jobs, each with a retry. */
export default function QueuesPage() {
  const [params] = useSearchParams();
  const queue = params.get('queue');
  const states = useQuery(QueueStates, { fetchPolicy: 'cache-and-network' });
  const queues = states.data?.queues ?? [];
  const known = queue ? queues.find((q) => q.name === queue) : undefined;
  return (
    <>
      <PageHeader title="Queues" actions={<Button variant="secondary" onPress={() => void states.refetch()}>Refresh</Button>}>
        <p className={styles['muted']}>Background jobs: alert matching, notifications, emails, reminders. Failed jobs are kept a week.</p>
      </PageHeader>
      <ListState loading={states.loading} error={states.error} empty={queues.length === 0} emptyText="No queues are defined." onRetry={() => states.refetch()}>
        <ul className={`${styles['list']} ${styles['grid']}`} aria-label="Queues">
          {queues.map((q) => (
            <Card as="li" key={q.name} title={q.name} headingLevel={2}>
              <dl className={own['counts']}>
                {COUNTS.map((c) => (
                  <div key={c}>
                    <dt>{c}</dt>
                    <dd>{q[c]}</dd>
                  </div>
                ))}
              </dl>
              {q.failed > 0 && (
                <p>
                  <Link href={`/staff/queues?queue=${encodeURIComponent(q.name)}`} aria-current={q.name === queue ? 'page' : undefined}>
                    {q.failed} failed in {q.name}
                  </Link>
                </p>
              )}
            </Card>
          ))}
        </ul>
      </ListState>
      {queue && (states.loading || known) && <FailedList queue={queue} onRetried={() => void states.refetch()} />}
      {queue && !states.loading && queues.length > 0 && !known && <p role="alert">There is no queue named {queue}.</p>}
    </>
  );
}

function FailedList({ queue, onRetried }: { queue: string; onRetried: () => void }) {
  const list = usePagedQuery(FailedJobs, { variables: { queue, first: 20 }, select: (d) => d.failedJobs });
  const [retry] = useMutation(RetryJob, { refetchQueries: [FailedJobs] });
  const toast = useToast();
  return (
    <section aria-labelledby="failed-heading" className={styles['results']}>
      <h2 id="failed-heading">Failed jobs in {queue}</h2>
      <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="No failed jobs in this queue." onRetry={() => list.refetch()}>
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label={`Failed jobs in ${queue}`}>
          {list.nodes.map((job) => (
            <Card as="li" key={job.id} title={`${job.name} (${job.id})`} headingLevel={3}>
              <p className={own['reason']}>{job.failedReason}</p>
              <p className={`${styles['row']} ${styles['muted']}`}>
                <span>
                  Failed <DateTime value={job.failedAt} />
                </span>
                <span>after {job.attemptsMade} {job.attemptsMade === 1 ? 'attempt' : 'attempts'}</span>
              </p>
              <Button
                variant="secondary"
                aria-label={`Retry ${job.name} (${job.id})`}
                onPress={() => {
                  retry({ variables: { queue, id: job.id } }).then(
                    () => {
                      toast(`${job.name} (${job.id}) is queued again.`);
                      onRetried();
                    },
                    (e: unknown) => toast(toFormError(e).message, 'error'),
                  );
                }}
              >
                Retry
              </Button>
            </Card>
          ))}
        </ul>
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
      </ListState>
    </section>
  );
}
