import { useQuery } from '@apollo/client/react';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { graphql } from '../../gql/index.js';
import styles from '../pages.module.css';
import { STATUS_NAMES, STATUS_TONES } from '../vacancies/status.js';

const RecentOrganisationVacancies = graphql(`
  query RecentOrganisationVacancies {
    organisationVacancies(first: 5) {
      edges { node { id title status } }
      pageInfo { hasNextPage }
    }
  }
`);

/** Employer home: the organisation's newest vacancies with their status, a link to all of them, and "Post a vacancy". */
export function EmployerVacanciesSection() {
  const { data, error, loading } = useQuery(RecentOrganisationVacancies, { fetchPolicy: 'cache-and-network' });
  const vacancies = data?.organisationVacancies.edges.map((e) => e.node) ?? [];
  return (
    <Card title="Vacancies">
      {error ? (
        <p role="alert">{error.message}</p>
      ) : loading && !data ? (
        <p role="status">Loading…</p>
      ) : vacancies.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Newest vacancies">
          {vacancies.map((v) => (
            <li key={v.id} className={styles['row']}>
              <Badge tone={STATUS_TONES[v.status]}>{STATUS_NAMES[v.status]}</Badge>
              <Link href={`/vacancies/${v.id}`}>{v.title}</Link>
            </li>
          ))}
        </ul>
      )}
      <p className={styles['row']}>
        <Link href="/employer/vacancies">All our vacancies</Link>
        <Link href="/vacancies/new">Post a vacancy</Link>
      </p>
    </Card>
  );
}
