import { useMutation } from '@apollo/client/react';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Dialog } from '../../components/Dialog.js';
import { TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import { domainsProblem, parseDomains } from './domains.js';

export const InstitutionList = graphql(`
  query InstitutionList($first: Int, $after: String) {
    institutions(first: $first, after: $after) {
      edges { node { id name emailDomains createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const CreateInstitution = graphql(`
  mutation CreateInstitution($input: CreateInstitutionInput!) {
    createInstitution(input: $input) { id name emailDomains createdAt }
  }
`);

const UpdateInstitution = graphql(`
  mutation UpdateInstitution($id: ID!, $input: UpdateInstitutionInput!) {
    updateInstitution(id: $id, input: $input) { id name emailDomains }
  }
`);

const DOMAINS_HELP = 'One per line or separated by commas. Students and alumni with an email there (or under it) join this institution.';

/** Admins: the institutions of this installation, by name, paged; add one; change a name or its email domains. */
export default function InstitutionsPage() {
  const list = usePagedQuery(InstitutionList, { variables: { first: 20 }, select: (d) => d.institutions });
  const [create] = useMutation(CreateInstitution, { refetchQueries: [InstitutionList] });
  const toast = useToast();
  return (
    <>
      <PageHeader title="Institutions">
        <p className={styles['muted']}>Universities and colleges whose careers services use this installation.</p>
      </PageHeader>
      <section aria-labelledby="new-institution" className={styles['narrow']}>
        <h2 id="new-institution">Add an institution</h2>
        <Form
          key={list.nodes.length}
          submitLabel="Add institution"
          aria-label="Add an institution"
          onSubmit={async (values) => {
            const name = String(values.get('name') ?? '').trim();
            const emailDomains = parseDomains(String(values.get('emailDomains') ?? ''));
            await create({ variables: { input: { name, emailDomains } } });
            toast(`${name} added.`);
          }}
        >
          <TextField label="Name" name="name" isRequired maxLength={200} description='Such as "University of Leeds".' />
          <TextArea label="Email domains" name="emailDomains" isRequired rows={2} description={DOMAINS_HELP} validate={(v) => domainsProblem(v)} />
        </Form>
      </section>
      <section aria-labelledby="all-institutions" className={styles['results']}>
        <h2 id="all-institutions">All institutions</h2>
        <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="No institution yet: add the first above." onRetry={() => list.refetch()}>
          <ul className={`${styles['list']} ${styles['grid']}`} aria-label="Institutions">
            {list.nodes.map((i) => (
              <Card as="li" key={i.id} title={i.name}>
                <p>{i.emailDomains.join(', ')}</p>
                <p className={styles['muted']}>
                  Added <DateTime value={i.createdAt} format="date" />
                </p>
                <EditInstitution institution={i} />
              </Card>
            ))}
          </ul>
          <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
        </ListState>
      </section>
    </>
  );
}

function EditInstitution({ institution }: { institution: { id: string; name: string; emailDomains: readonly string[] } }) {
  const [update] = useMutation(UpdateInstitution);
  const toast = useToast();
  return (
    <Dialog trigger={<Button variant="secondary" aria-label={`Edit ${institution.name}`}>Edit…</Button>} title={`Edit ${institution.name}`}>
      {(close) => (
        <Form
          submitLabel="Save"
          actions={
            <Button variant="quiet" onPress={close}>
              Cancel
            </Button>
          }
          onSubmit={async (values) => {
            const name = String(values.get('name') ?? '').trim();
            const emailDomains = parseDomains(String(values.get('emailDomains') ?? ''));
            await update({ variables: { id: institution.id, input: { name, emailDomains } } });
            toast(`${name} saved.`);
            close();
          }}
        >
          <TextField label="Name" name="name" isRequired maxLength={200} defaultValue={institution.name} />
          <TextArea label="Email domains" name="emailDomains" isRequired rows={3} description={DOMAINS_HELP} defaultValue={institution.emailDomains.join('\n')} validate={(v) => domainsProblem(v)} autoFocus />
        </Form>
      )}
    </Dialog>
  );
}
