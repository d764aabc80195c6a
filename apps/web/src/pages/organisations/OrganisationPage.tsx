import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { errorCode } from '../../lib/errors.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';

const MyOrganisation = graphql(`
  query MyOrganisation {
    me {
      id
      organisation {
        id name website description createdAt
        approvals { id status reason createdAt decidedAt institution { id name } }
      }
    }
  }
`);

const UpdateOrganisation = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) { id name website description }
  }
`);

const AskAgain = graphql(`
  mutation RequestOrganisationApproval($institutionId: ID!) {
    requestOrganisationApproval(institutionId: $institutionId) { id status reason createdAt decidedAt institution { id name } }
  }
`);

const STATUS: Record<string, string> = { PENDING: 'Waiting for a decision', APPROVED: 'Approved', REJECTED: 'Rejected' };

/** Employers: their organisation, each institution's decision on it, the editor, and asking again. */
export default function OrganisationPage() {
  const { id } = useParams();
  const result = useQuery(MyOrganisation);
  const [update] = useMutation(UpdateOrganisation);
  const [ask, asking] = useMutation(AskAgain, { refetchQueries: [MyOrganisation] });
  const toast = useToast();
  const org = result.data?.me.organisation;
  if (errorCode(result.error) === 'NOT_FOUND' || (result.data && (!org || org.id !== id))) return <NotFoundPage />;
  return (
    <>
      <PageHeader title={org?.name ?? 'Organisation'} />
      <ListState loading={result.loading} error={result.error} empty={false} emptyText="" onRetry={() => result.refetch()}>
        {org && (
          <div className={styles['grid']}>
            <Card title="Approval by institution">
              {org.approvals.length === 0 ? (
                <p>No institution has been asked yet.</p>
              ) : (
                <ul className={styles['list']} aria-label="Approvals">
                  {org.approvals.map((a) => (
                    <li key={a.id} className={styles['stack']}>
                      <p className={styles['row']}>
                        <strong>{a.institution.name}</strong>
                        <Badge>{STATUS[a.status] ?? a.status}</Badge>
                      </p>
                      <p className={styles['muted']}>
                        Asked <DateTime value={a.createdAt} />
                        {a.decidedAt && (
                          <>
                            {' · decided '}
                            <DateTime value={a.decidedAt} />
                          </>
                        )}
                      </p>
                      {a.status === 'REJECTED' && (
                        <>
                          {a.reason && <p>Reason: {a.reason}</p>}
                          <p>
                            <Button
                              isPending={asking.loading}
                              onPress={() =>
                                void ask({ variables: { institutionId: a.institution.id } }).then(
                                  () => toast(`Asked ${a.institution.name} again.`),
                                  (e: unknown) => toast(e instanceof Error ? e.message : 'Could not ask again.', 'error'),
                                )
                              }
                            >
                              Ask {a.institution.name} again
                            </Button>
                          </p>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title="Details">
              <Form
                submitLabel="Save"
                aria-label="Organisation details"
                onSubmit={async (values) => {
                  const website = String(values.get('website') ?? '').trim();
                  const description = String(values.get('description') ?? '').trim();
                  await update({ variables: { input: { name: String(values.get('name') ?? '').trim(), website: website || null, description: description || null } } });
                  toast('Saved.');
                }}
              >
                <TextField label="Name" name="name" defaultValue={org.name} isRequired maxLength={200} />
                <TextField label="Website" name="website" type="url" defaultValue={org.website ?? ''} maxLength={500} />
                <TextArea label="Description" name="description" defaultValue={org.description ?? ''} maxLength={5000} rows={6} />
              </Form>
            </Card>
          </div>
        )}
      </ListState>
    </>
  );
}
