import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { graphql } from '../../gql/index.js';
import { errorCode } from '../../lib/errors.js';
import { useSession } from '../../lib/session-context.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { REMOTE_NAMES, TYPE_NAMES, salaryText } from './labels.js';
import { DECISION_NAMES, STATUS_NAMES, STATUS_TONES } from './status.js';
import { PosterActions } from './PosterActions.js';

const VacancyDetail = graphql(`
  query VacancyDetail($id: ID!) {
    vacancy(id: $id) {
      id title employerName organisationId location remote type sector status
      descriptionHtml applyUrl applyEmail closesAt expiresAt publishedAt viewerCanEdit
      salary { currency min max }
      targets { institutionId institutionName decision reason decidedAt }
    }
  }
`);

const VacancyFigures = graphql(`
  query VacancyFigures($id: ID!) {
    vacancy(id: $id) { id alertFigures { matched inApp email feed } }
  }
`);


/** Only http(s) addresses are followed as apply links. */
const webUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);

/** A vacancy: what students see, the apply link; for its poster and staff, decisions and alert reach. */
export default function VacancyPage() {
  const { id = '' } = useParams();
  const { role } = useSession();
  const { data, loading, error, refetch } = useQuery(VacancyDetail, { variables: { id } });
  const manages = role === 'EMPLOYER' || role === 'STAFF' || role === 'ADMIN';
  const figures = useQuery(VacancyFigures, { variables: { id }, skip: !manages || !data });
  if (errorCode(error) === 'NOT_FOUND') return <NotFoundPage />;
  const v = data?.vacancy;
  const apply = webUrl(v?.applyUrl);
  return (
    <>
      <PageHeader title={v?.title ?? 'Vacancy'} actions={v?.viewerCanEdit && <PosterActions vacancy={v} />} />
      <ListState loading={loading} error={error} empty={!v} emptyText="" onRetry={() => refetch()}>
        {v && (
          <div className={styles['stack']}>
            <p>
              {v.employerName} · {v.location}
            </p>
            <p className={`${styles['row']} ${styles['muted']}`}>
              <Badge>{TYPE_NAMES[v.type]}</Badge>
              <Badge>{REMOTE_NAMES[v.remote]}</Badge>
              {manages && <Badge tone={STATUS_TONES[v.status]}>{STATUS_NAMES[v.status]}</Badge>}
              <span>{v.sector}</span>
              {salaryText(v.salary) && <span>{salaryText(v.salary)}</span>}
              <span>
                Closes <DateTime value={v.closesAt} />
              </span>
            </p>
            {/* descriptionHtml is the api's sanitised rendering of the poster's Markdown: the only HTML we insert. */}
            <div dangerouslySetInnerHTML={{ __html: v.descriptionHtml }} />
            <Card title="Apply">
              <p className={styles['row']}>
                {apply && <Link href={apply} target="_blank" rel="noopener noreferrer">Apply on the employer’s site</Link>}
                {v.applyEmail && <Link href={`mailto:${v.applyEmail}`}>Apply by email: {v.applyEmail}</Link>}
              </p>
            </Card>
            {manages && v.targets.length > 0 && (
              <Card title="Decisions by institution">
                <ul className={styles['list']}>
                  {v.targets.map((t) => (
                    <li key={t.institutionId}>
                      {t.institutionName}: {v.status === 'DRAFT' ? 'not asked yet (a draft)' : DECISION_NAMES[t.decision]}
                      {t.decidedAt && (
                        <>
                          {' '}
                          (<DateTime value={t.decidedAt} />)
                        </>
                      )}
                      {t.reason && <> — “{t.reason}”</>}
                    </li>
                  ))}
                </ul>
              </Card>
            )}
            {manages && figures.data && (
              <Card title="Alert reach">
                <p className={styles['row']}>
                  <span>Matched: {figures.data.vacancy.alertFigures.matched}</span>
                  <span>In app: {figures.data.vacancy.alertFigures.inApp}</span>
                  <span>Email: {figures.data.vacancy.alertFigures.email}</span>
                  <span>Feed: {figures.data.vacancy.alertFigures.feed}</span>
                </p>
              </Card>
            )}
          </div>
        )}
      </ListState>
    </>
  );
}
