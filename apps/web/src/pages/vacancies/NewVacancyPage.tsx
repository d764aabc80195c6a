import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../../lib/session-context.js';
import styles from '../pages.module.css';
import { VacancyForm } from './VacancyForm.js';

const PostVacancy = graphql(`
  mutation PostVacancy($input: PostVacancyInput!) {
    postVacancy(input: $input) { id status }
  }
`);

/**
 * Employers write a vacancy and save it as a draft or submit it to the institutions they chose; careers staff
 * post one directly (their own institution's students see it at once; any other institution decides).
 */
export default function NewVacancyPage() {
  const { role } = useSession();
  const staff = role !== 'EMPLOYER';
  const navigate = useNavigate();
  const toast = useToast();
  const [post] = useMutation(PostVacancy, {
    update: (cache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'organisationVacancies' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'vacancies' });
    },
  });
  return (
    <>
      <PageHeader title="Post a vacancy">
        <p className={styles['muted']}>
          {staff
            ? 'It is published for your institution’s students as soon as you post it.'
            : 'Save a draft to finish later, or submit it: each institution’s careers staff approve it for their students.'}
        </p>
      </PageHeader>
      <VacancyForm
        submitLabel={staff ? 'Publish' : 'Submit for approval'}
        secondaryLabel="Save draft"
        onSubmit={async (input, intent) => {
          const { closesOn: _c, expiresOn: _e, expiresAt, ...rest } = input;
          const result = await post({ variables: { input: { ...rest, ...(expiresAt ? { expiresAt } : {}), submit: intent === 'main' } } });
          const v = result.data!.postVacancy;
          toast(intent === 'main' ? (staff ? 'Published.' : 'Submitted for approval.') : 'Draft saved.');
          await navigate(`/vacancies/${v.id}`);
        }}
      />
    </>
  );
}
