import { useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { graphql } from '../../gql/index.js';
import type { VacancyStatus } from '../../gql/graphql.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import { DECISION_NAMES, STATUS_NAMES, STATUS_TONES } from '../vacancies/status.js';

export const OrganisationVacancyList = graphql(`
  query OrganisationVacancyList($first: Int, $after: String, $status: VacancyStatus) {
    organisationVacancies(first: $first, after: $after, status: $status) {
      edges {
        node {
          id title status closesAt location
          targets { institutionId institutionName decision reason decidedAt }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const FILTERS: { id: VacancyStatus | 'ALL'; label: string }[] = [
  { id: 'ALL', label: 'All' },
  { id: 'DRAFT', label: 'Drafts' },
  { id: 'PENDING_APPROVAL', label: 'Waiting' },
  { id: 'PUBLISHED', label: 'Published' },
  { id: 'REJECTED', label: 'Rejected' },
  { id: 'CLOSED', label: 'Closed' },
  { id: 'EXPIRED', label: 'Expired' },
];

/** Employers: their organisation's vacancies in any status (filtered by status, kept in `?status=`), each institution's decision. */
export default function EmployerVacanciesPage() {
  const [params] = useSearchParams();
  const wanted = params.get('status');
  const selected = FILTERS.find((f) => f.id === wanted)?.id ?? 'ALL';
  return (
    <>
      <PageHeader title="Our vacancies" actions={<Link href="/vacancies/new">Post a vacancy</Link>} />
      <nav aria-label="Vacancies by status" className={styles['row']}>
        {FILTERS.map((f) => (
          <Link key={f.id} variant="nav" href={f.id === 'ALL' ? '/employer/vacancies' : `/employer/vacancies?status=${f.id}`} aria-current={f.id === selected ? 'page' : undefined}>
            {f.label}
          </Link>
        ))}
      </nav>
      <VacancyList key={selected} status={selected === 'ALL' ? undefined : selected} />
    </>
  );
}

function VacancyList({ status }: { status?: VacancyStatus }) {
  const list = usePagedQuery(OrganisationVacancyList, { variables: { first: 20, status }, select: (d) => d.organisationVacancies });
  return (
    <ListState
      loading={list.loading}
      error={list.error}
      empty={list.nodes.length === 0}
      emptyText={status ? `No vacancies are ${STATUS_NAMES[status].toLowerCase()}.` : 'No vacancies yet: post your first one.'}
      onRetry={() => list.refetch()}
    >
      <ul className={styles['list']} aria-label="Vacancies">
        {list.nodes.map((v) => (
          <Card as="li" key={v.id}>
            <h2>
              <Link href={`/vacancies/${v.id}`}>{v.title}</Link>
            </h2>
            <p className={`${styles['row']} ${styles['muted']}`}>
              <Badge tone={STATUS_TONES[v.status]}>{STATUS_NAMES[v.status]}</Badge>
              <span>{v.location}</span>
              <span>
                Closes <DateTime value={v.closesAt} format="date" />
              </span>
            </p>
            {v.targets.length > 0 && (
              <ul className={styles['list']} aria-label={`Decisions on ${v.title}`}>
                {v.targets.map((t) => (
                  <li key={t.institutionId}>
                    {t.institutionName}: {v.status === 'DRAFT' ? 'not asked yet (a draft)' : DECISION_NAMES[t.decision]}
                    {t.reason && <> — “{t.reason}”</>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
    </ListState>
  );
}
