import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { DateTime } from '../../components/DateTime.js';
import { Confirm } from '../../components/Dialog.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { toFormError } from '../../lib/errors.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import own from './Alerts.module.css';
import { FREQUENCY_NAMES, channelsText, searchText } from './alertText.js';
import { MatchList } from './MatchList.js';

export const MyAlerts = graphql(`
  query MyAlerts($first: Int, $after: String) {
    alertSubscriptions(first: $first, after: $after) {
      edges {
        node {
          id name keywords location sector types remote salaryMin salaryCurrency
          frequency inApp email paused lastMatchedAt lastEmailedAt
          webhook { state }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const PauseAlert = graphql(`
  mutation PauseAlert($id: ID!, $paused: Boolean!) {
    updateAlertSubscription(input: { id: $id, paused: $paused }) { id paused }
  }
`);

const DeleteAlert = graphql(`
  mutation DeleteAlert($id: ID!) {
    deleteAlertSubscription(id: $id)
  }
`);

/** `/alerts`: the person's vacancy alerts (pause, resume, delete, edit) and the vacancies that matched them. */
export default function AlertsPage() {
  const toast = useToast();
  const list = usePagedQuery(MyAlerts, { variables: { first: 20 }, select: (d) => d.alertSubscriptions });
  const [pause] = useMutation(PauseAlert);
  const [remove] = useMutation(DeleteAlert, { refetchQueries: [MyAlerts] });
  const [actionError, setActionError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>, done: string) => {
    setActionError(null);
    try {
      await run();
      toast(done);
    } catch (e) {
      setActionError(toFormError(e).message);
    }
  };
  return (
    <>
      <PageHeader title="Vacancy alerts" actions={<Link href="/alerts/new">New alert</Link>}>
        <p className={styles['muted']}>
          Saved searches: new vacancies that match reach you in the app, by email, in a feed or at a webhook. Or start from a{' '}
          <Link href="/vacancies">vacancy search</Link>.
        </p>
      </PageHeader>
      {actionError && (
        <p role="alert" className={own['error']}>
          {actionError}
        </p>
      )}
      <section aria-labelledby="your-alerts" className={own['section']}>
        <h2 id="your-alerts">Your alerts</h2>
        <ListState
          loading={list.loading}
          error={list.error}
          empty={list.nodes.length === 0}
          emptyText="No alerts yet. Search vacancies and choose “Create an alert from this search”, or make a new alert."
          onRetry={() => list.refetch()}
        >
          <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Your alerts">
            {list.nodes.map((a) => (
              <li key={a.id} className={own['item']} aria-labelledby={`alert-${a.id}`}>
                <div className={styles['row']}>
                  <h3 id={`alert-${a.id}`} className={own['title']}>
                    <Link href={`/alerts/${a.id}`}>{a.name}</Link>
                  </h3>
                  {a.paused && <Badge tone="warning">Paused</Badge>}
                  {a.webhook?.state === 'DISABLED' && <Badge tone="danger">Webhook turned off</Badge>}
                </div>
                <p className={own['wrap']}>{searchText(a)}</p>
                <p className={`${styles['row']} ${styles['muted']}`}>
                  <span>Channels: {channelsText(a)}</span>
                  <span>Email: {a.email ? FREQUENCY_NAMES[a.frequency].toLowerCase() : 'off'}</span>
                  <span>Last match: {a.lastMatchedAt ? <DateTime value={a.lastMatchedAt} /> : 'none yet'}</span>
                  {a.email && <span>Last email: {a.lastEmailedAt ? <DateTime value={a.lastEmailedAt} /> : 'none yet'}</span>}
                </p>
                <div className={styles['row']}>
                  <Button variant="secondary" onPress={() => void act(() => pause({ variables: { id: a.id, paused: !a.paused } }), a.paused ? `Resumed “${a.name}”` : `Paused “${a.name}”`)}>
                    {a.paused ? 'Resume' : 'Pause'}
                    <span className="visually-hidden">: {a.name}</span>
                  </Button>
                  <Confirm
                    label={`Delete`}
                    title={`Delete “${a.name}”?`}
                    message="Nothing more is sent for it, and its feed addresses stop working. This cannot be undone."
                    confirmLabel="Delete the alert"
                    onConfirm={() => act(() => remove({ variables: { id: a.id } }), `Deleted “${a.name}”`)}
                  />
                </div>
              </li>
            ))}
          </ul>
          <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
        </ListState>
      </section>
      <section aria-labelledby="matches" id="matches" className={own['section']}>
        <h2 id="matches">Recent matches</h2>
        <MatchList label="Vacancies that matched your alerts" />
      </section>
    </>
  );
}
