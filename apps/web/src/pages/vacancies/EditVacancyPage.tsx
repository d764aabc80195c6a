import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { errorCode } from '../../lib/errors.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { localDate } from './dates.js';
import { VacancyForm } from './VacancyForm.js';

const VacancyToEdit = graphql(`
  query VacancyToEdit($id: ID!) {
    vacancy(id: $id) { ...VacancyEditFields }
  }
`);

const UpdateVacancy = graphql(`
  mutation UpdateVacancy($input: UpdateVacancyInput!) {
    updateVacancy(input: $input) { ...VacancyEditFields }
  }
`);

const SubmitEditedVacancy = graphql(`
  mutation SubmitEditedVacancy($id: ID!) {
    submitVacancy(id: $id) { ...VacancyEditFields }
  }
`);

/**
 * The poster edits a vacancy (anyone else: the not-found page). A draft or a rejected vacancy can be saved and
 * submitted in one go; an edit of a pending or published one goes back to the institutions' staff.
 */
export default function EditVacancyPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const { data, loading, error, refetch } = useQuery(VacancyToEdit, { variables: { id } });
  const evictLists = {
    update: (cache: { evict: (o: { id: string; fieldName: string }) => boolean }) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'organisationVacancies' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'vacancies' });
    },
  };
  const [update] = useMutation(UpdateVacancy, evictLists);
  const [submit] = useMutation(SubmitEditedVacancy, evictLists);
  const v = data?.vacancy;
  if (errorCode(error) === 'NOT_FOUND' || (v && !v.viewerCanEdit)) return <NotFoundPage />;
  const resubmits = v?.status === 'DRAFT' || v?.status === 'REJECTED';
  const closed = v?.status === 'CLOSED' || v?.status === 'EXPIRED';
  return (
    <>
      <PageHeader title={v ? `Edit: ${v.title}` : 'Edit vacancy'}>
        {v && (
          <p className={styles['muted']}>
            {resubmits
              ? v.status === 'REJECTED'
                ? 'Every institution rejected it: change what their reasons ask for, then submit it again.'
                : 'A draft: nobody sees it until you submit it.'
              : 'A change to what students see goes back to the institutions’ careers staff for approval.'}
          </p>
        )}
      </PageHeader>
      <ListState loading={loading} error={error} empty={!v} emptyText="" onRetry={() => refetch()}>
        {v && closed && (
          <p>
            This vacancy has closed. <Link href={`/vacancies/${v.id}`}>Renew it</Link> with a new closing date to open it again, then edit it.
          </p>
        )}
        {v && !closed && (
          <>
            {v.targets.some((t) => t.reason) && (
              <Card title="What the institutions said">
                <ul className={styles['list']}>
                  {v.targets
                    .filter((t) => t.reason)
                    .map((t) => (
                      <li key={t.institutionId}>
                        {t.institutionName}: {t.reason}
                      </li>
                    ))}
                </ul>
              </Card>
            )}
            <VacancyForm
              vacancy={v}
              submitLabel={resubmits ? 'Save and submit' : 'Save'}
              secondaryLabel={resubmits ? 'Save' : undefined}
              onSubmit={async (input, intent) => {
                const { closesOn, expiresOn, closesAt, expiresAt, employerName: _n, ...rest } = input;
                // Dates are sent only when changed: the day shown is the instant's day, not the instant itself.
                const dates = {
                  ...(closesOn !== localDate(v.closesAt) ? { closesAt } : {}),
                  ...(expiresAt && expiresOn !== localDate(v.expiresAt) ? { expiresAt } : {}),
                };
                await update({ variables: { input: { id: v.id, ...rest, ...dates } } });
                if (resubmits && intent === 'main') await submit({ variables: { id: v.id } });
                toast(resubmits && intent === 'main' ? 'Saved and submitted for approval.' : 'Saved.');
                await navigate(`/vacancies/${v.id}`);
              }}
            />
          </>
        )}
      </ListState>
    </>
  );
}
