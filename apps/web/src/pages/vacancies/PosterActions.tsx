import { useMutation } from '@apollo/client/react';
import { Button } from '../../components/Button.js';
import { Confirm, Dialog } from '../../components/Dialog.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { VacancyStatus } from '../../gql/graphql.js';
import { toFormError } from '../../lib/errors.js';
import { endOfDay, localDate } from './dates.js';

// Each answers the fields the vacancy page shows, so the page updates from the cache.
const SubmitVacancy = graphql(`
  mutation SubmitVacancy($id: ID!) {
    submitVacancy(id: $id) { id status updatedAt targets { institutionId institutionName decision reason decidedAt } }
  }
`);
const CloseVacancy = graphql(`
  mutation CloseVacancy($id: ID!) {
    closeVacancy(id: $id) { id status closesAt updatedAt }
  }
`);
const RenewVacancy = graphql(`
  mutation RenewVacancy($input: RenewVacancyInput!) {
    renewVacancy(input: $input) { id status closesAt expiresAt updatedAt }
  }
`);

const evictLists = {
  update: (cache: { evict: (o: { id: string; fieldName: string }) => boolean }) => {
    cache.evict({ id: 'ROOT_QUERY', fieldName: 'organisationVacancies' });
    cache.evict({ id: 'ROOT_QUERY', fieldName: 'vacancies' });
  },
};

/** The poster's actions on the vacancy page, as its status allows: edit, submit, close (confirmed), renew (a new closing date). */
export function PosterActions({ vacancy }: { vacancy: { id: string; title: string; status: VacancyStatus; closesAt: string } }) {
  const toast = useToast();
  const [submit, submitting] = useMutation(SubmitVacancy, evictLists);
  const [close] = useMutation(CloseVacancy, evictLists);
  const [renew] = useMutation(RenewVacancy, evictLists);
  const { id, status } = vacancy;
  const failed = (e: unknown) => toast(toFormError(e).message, 'error');
  const open = status === 'DRAFT' || status === 'REJECTED' || status === 'PENDING_APPROVAL' || status === 'PUBLISHED';
  return (
    <>
      {open && <Link href={`/vacancies/${id}/edit`}>Edit</Link>}
      {(status === 'DRAFT' || status === 'REJECTED') && (
        <Button isPending={submitting.loading} onPress={() => void submit({ variables: { id } }).then(() => toast('Submitted for approval.'), failed)}>
          Submit for approval
        </Button>
      )}
      {status === 'PUBLISHED' && (
        <Confirm
          label="Close"
          title={`Close “${vacancy.title}”?`}
          message="It stops taking applications now and leaves the search. You can renew it later with a new closing date."
          confirmLabel="Close vacancy"
          onConfirm={() => close({ variables: { id } }).then(() => toast('Closed.'), failed)}
        />
      )}
      {(status === 'PUBLISHED' || status === 'CLOSED' || status === 'EXPIRED') && (
        <Dialog trigger={<Button variant="secondary">Renew</Button>} title={`Renew “${vacancy.title}”`}>
          {(done) => (
            <Form
              submitLabel="Renew"
              aria-label="Renew"
              actions={
                <Button variant="secondary" onPress={done}>
                  Cancel
                </Button>
              }
              onSubmit={async (values) => {
                const closesOn = String(values.get('closesAt'));
                await renew({ variables: { input: { id, closesAt: endOfDay(closesOn) } } });
                toast('Renewed.');
                done();
              }}
            >
              <p>It opens again until the new closing date; the institutions that approved it keep their approval.</p>
              <TextField
                label="New closing date"
                name="closesAt"
                type="date"
                isRequired
                autoFocus
                defaultValue={status === 'PUBLISHED' ? localDate(vacancy.closesAt) : undefined}
                validate={(value) => (value && value < localDate(new Date()) ? 'Give a closing date today or later.' : null)}
              />
            </Form>
          )}
        </Dialog>
      )}
    </>
  );
}
