import { useQuery } from '@apollo/client/react';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { graphql } from '../../gql/index.js';
import styles from '../pages.module.css';

const HomeAlertMatches = graphql(`
  query HomeAlertMatches {
    alertMatches(first: 4) {
      edges { node { why matchedAt vacancy { id title employerName location } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Student and alumnus home: the newest vacancies that matched their alerts, with links to all of them. */
export function StudentAlertMatchesSection() {
  const { data, loading, error, refetch } = useQuery(HomeAlertMatches);
  // The cache merges pages of alertMatches (the alerts page may have loaded more): the newest few only.
  const matches = data?.alertMatches.edges.slice(0, 4).map((e) => e.node) ?? [];
  return (
    <Card title="New vacancies for your alerts">
      <ListState loading={loading} error={error} empty={matches.length === 0} emptyText="Nothing new yet." onRetry={() => refetch()}>
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label="New vacancies for your alerts">
          {matches.map((m) => (
            <li key={m.vacancy.id}>
              <Link href={`/vacancies/${m.vacancy.id}`}>{m.vacancy.title}</Link>
              <br />
              <span className={styles['muted']}>
                {m.vacancy.employerName} · {m.vacancy.location} · matched <DateTime value={m.matchedAt} />
              </span>
            </li>
          ))}
        </ul>
      </ListState>
      <p>
        <Link href="/alerts#matches">All matches</Link> · <Link href="/alerts">Your alerts</Link> · <Link href="/vacancies">Search vacancies</Link>
      </p>
    </Card>
  );
}
