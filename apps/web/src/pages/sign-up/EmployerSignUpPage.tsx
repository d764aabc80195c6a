import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Select, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { graphql } from '../../gql/index.js';
import { useAcceptGrant } from '../../lib/session-context.js';
import styles from '../pages.module.css';

const Institutions = graphql(`
  query SignUpInstitutions($after: String) {
    institutions(first: 100, after: $after) {
      edges { node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const SignUpEmployer = graphql(`
  mutation SignUpEmployer($input: SignUpEmployerInput!) {
    signUpEmployer(input: $input) {
      accessToken
      expiresIn
    }
  }
`);

/** An employer's account and a new organisation, which the careers staff of the chosen institution approve. */
export default function EmployerSignUpPage() {
  const institutions = useQuery(Institutions, { variables: {} });
  const [signUp] = useMutation(SignUpEmployer);
  const acceptGrant = useAcceptGrant();
  const navigate = useNavigate();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const options = institutions.data?.institutions.edges.map((e) => ({ id: e.node.id, label: e.node.name })) ?? [];
  return (
    <div className={styles['narrow']}>
      <PageHeader title="Sign up as an employer">
        <p>Your organisation can reach students once the careers service you choose approves it.</p>
      </PageHeader>
      <ListState loading={institutions.loading} error={institutions.error} empty={options.length === 0} emptyText="No institution takes employers yet." onRetry={() => institutions.refetch()}>
        <Form
          submitLabel="Create the account"
          onSubmit={async (values) => {
            const website = String(values.get('website') ?? '').trim();
            const { data } = await signUp({
              variables: {
                input: {
                  email: String(values.get('email')),
                  password: String(values.get('password')),
                  displayName: String(values.get('displayName')),
                  organisationName: String(values.get('organisationName')),
                  website: website || null,
                  institutionId: institutionId ?? '',
                },
              },
            });
            if (!data) return;
            await acceptGrant(data.signUpEmployer);
            await navigate('/', { replace: true });
          }}
        >
          <TextField label="Your name" name="displayName" autoComplete="name" isRequired maxLength={100} />
          <TextField label="Work email" name="email" type="email" autoComplete="email" isRequired maxLength={254} description="You sign in with it." />
          <TextField label="Password" name="password" type="password" autoComplete="new-password" isRequired minLength={10} maxLength={256} description="At least 10 characters." />
          <TextField label="Organisation" name="organisationName" autoComplete="organization" isRequired maxLength={200} />
          <TextField label="Website" name="website" type="url" autoComplete="url" maxLength={500} description="Optional; starting with https://." />
          <Select
            label="Careers service to approve you"
            name="institutionId"
            options={options}
            selectedKey={institutionId}
            onSelectionChange={(key) => setInstitutionId(key === null ? null : String(key))}
            isRequired
          />
        </Form>
      </ListState>
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
