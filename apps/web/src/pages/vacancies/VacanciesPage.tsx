import { useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { DateTime } from '../../components/DateTime.js';
import { Checkbox, NumberField, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../../lib/session-context.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import { REMOTE_NAMES, TYPE_NAMES, salaryText } from './labels.js';
import { REMOTES, TYPES, searchFromParams } from './search.js';

export const VacancySearch = graphql(`
  query VacancySearch($first: Int, $after: String, $query: String, $filter: VacancyFilter) {
    vacancies(first: $first, after: $after, query: $query, filter: $filter) {
      edges {
        node { id title employerName location remote type sector closesAt salary { currency min max } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Vacancy search for students and alumni: every filter the api offers, kept in the address, ranked, paged. */
export default function VacanciesPage() {
  const [params, setParams] = useSearchParams();
  const { role } = useSession();
  const { query, filter } = searchFromParams(params);
  const list = usePagedQuery(VacancySearch, { variables: { first: 20, query, filter }, select: (d) => d.vacancies });

  const search = async (values: FormData) => {
    const next = new URLSearchParams();
    for (const key of ['q', 'location', 'sector', 'salaryMin', 'currency']) {
      const v = String(values.get(key) ?? '').trim();
      if (v && !(key === 'currency' && !values.get('salaryMin'))) next.set(key, v);
    }
    for (const r of values.getAll('remote')) next.append('remote', String(r));
    for (const t of values.getAll('type')) next.append('type', String(t));
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title="Vacancies"
        actions={
          (role === 'STUDENT' || role === 'ALUMNUS') && (
            <Link href={`/alerts/new${params.size ? `?${params.toString()}` : ''}`}>Create an alert from this search</Link>
          )
        }
      />
      <Form key={params.toString()} submitLabel="Search" onSubmit={search} aria-label="Search vacancies">
        <TextField label="Keywords" name="q" type="search" maxLength={200} defaultValue={params.get('q') ?? ''} />
        <div className={styles['grid']}>
          <TextField label="Town or city" name="location" maxLength={100} defaultValue={params.get('location') ?? ''} />
          <TextField label="Sector" name="sector" maxLength={100} defaultValue={params.get('sector') ?? ''} />
          <NumberField label="Pays at least" name="salaryMin" minValue={0} maxValue={10_000_000} defaultValue={params.get('salaryMin') ? Number(params.get('salaryMin')) : undefined} />
          <TextField label="Currency" name="currency" description="ISO code, such as GBP" maxLength={3} minLength={3} pattern="[A-Za-z]{3}" defaultValue={params.get('currency') ?? 'GBP'} />
        </div>
        <fieldset className={styles['row']}>
          <legend>Type</legend>
          {TYPES.map((t) => (
            <Checkbox key={t} name="type" value={t} defaultSelected={filter.types?.includes(t)}>
              {TYPE_NAMES[t]}
            </Checkbox>
          ))}
        </fieldset>
        <fieldset className={styles['row']}>
          <legend>Where</legend>
          {REMOTES.map((r) => (
            <Checkbox key={r} name="remote" value={r} defaultSelected={filter.remote?.includes(r)}>
              {REMOTE_NAMES[r]}
            </Checkbox>
          ))}
        </fieldset>
      </Form>
      <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="No vacancies match this search. Try fewer filters or other words." onRetry={() => list.refetch()}>
        <ul className={`${styles['list']} ${styles['stack']} ${styles['results']}`} aria-label="Vacancies">
          {list.nodes.map((v) => (
            <li key={v.id}>
              <h2>
                <Link href={`/vacancies/${v.id}`}>{v.title}</Link>
              </h2>
              <p>
                {v.employerName} · {v.location}
              </p>
              <p className={`${styles['row']} ${styles['muted']}`}>
                <Badge>{TYPE_NAMES[v.type]}</Badge>
                <Badge>{REMOTE_NAMES[v.remote]}</Badge>
                <span>{v.sector}</span>
                {salaryText(v.salary) && <span>{salaryText(v.salary)}</span>}
                <span>
                  Closes <DateTime value={v.closesAt} format="date" />
                </span>
              </p>
            </li>
          ))}
        </ul>
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
      </ListState>
    </>
  );
}
