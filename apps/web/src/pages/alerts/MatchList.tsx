import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { Pager } from '../../components/Pager.js';
import { graphql } from '../../gql/index.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';

export const AlertMatches = graphql(`
  query AlertMatches($first: Int, $after: String, $alertId: ID) {
    alertMatches(first: $first, after: $after, alertId: $alertId) {
      edges {
        node { alertId alertName why matchedAt vacancy { id title employerName location closesAt } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** The vacancies that matched the person's alerts (or one alert's), newest first, paged. */
export function MatchList({ alertId, label }: { alertId?: string; label: string }) {
  const list = usePagedQuery(AlertMatches, { variables: { first: 10, alertId }, select: (d) => d.alertMatches });
  return (
    <ListState
      loading={list.loading}
      error={list.error}
      empty={list.nodes.length === 0}
      emptyText="No matches yet: vacancies that match appear here as soon as they are published."
      onRetry={() => list.refetch()}
    >
      <ul className={`${styles['list']} ${styles['stack']}`} aria-label={label}>
        {list.nodes.map((m) => (
          <li key={m.vacancy.id}>
            <h3>
              <Link href={`/vacancies/${m.vacancy.id}`}>{m.vacancy.title}</Link>
            </h3>
            <p>
              {m.vacancy.employerName} · {m.vacancy.location}
            </p>
            <p className={`${styles['row']} ${styles['muted']}`}>
              <span>Why: {m.why}</span>
              {!alertId && <span>Alert: {m.alertName}</span>}
              <span>
                Matched <DateTime value={m.matchedAt} />
              </span>
              <span>
                Closes <DateTime value={m.vacancy.closesAt} format="date" />
              </span>
            </p>
          </li>
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
    </ListState>
  );
}
