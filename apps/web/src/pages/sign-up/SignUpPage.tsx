import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { NumberField, Select, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { PageHeader } from '../../components/PageHeader.js';
import { graphql } from '../../gql/index.js';
import type { Role } from '../../gql/graphql.js';
import { useAcceptGrant } from '../../lib/session-context.js';
import styles from '../pages.module.css';

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      expiresIn
    }
  }
`);

const ROLES = [
  { id: 'STUDENT', label: 'I study here' },
  { id: 'ALUMNUS', label: 'I graduated from here' },
];

/** Students and alumni join the institution of their university email's domain. */
export default function SignUpPage() {
  const [signUp] = useMutation(SignUp);
  const acceptGrant = useAcceptGrant();
  const navigate = useNavigate();
  const [role, setRole] = useState<Role>('STUDENT');
  return (
    <div className={styles['narrow']}>
      <PageHeader title="Sign up">
        <p>With your university email: it decides which careers service you join.</p>
      </PageHeader>
      <Form
        submitLabel="Create my account"
        onSubmit={async (values) => {
          const year = values.get('graduationYear');
          const { data } = await signUp({
            variables: {
              input: {
                email: String(values.get('email')),
                password: String(values.get('password')),
                displayName: String(values.get('displayName')),
                role,
                graduationYear: year ? Number(year) : null,
              },
            },
          });
          if (!data) return;
          await acceptGrant(data.signUp);
          await navigate('/profile', { replace: true });
        }}
      >
        <TextField label="Your name" name="displayName" autoComplete="name" isRequired maxLength={100} description="As others see it." />
        <TextField label="University email" name="email" type="email" autoComplete="email" isRequired maxLength={254} />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" isRequired minLength={10} maxLength={256} description="At least 10 characters." />
        <Select label="You are" name="role" options={ROLES} selectedKey={role} onSelectionChange={(key) => setRole(key as Role)} isRequired />
        <NumberField label="Graduation year" name="graduationYear" minValue={1950} maxValue={2100} formatOptions={{ useGrouping: false }} description="Optional. Some live chats are open to certain years only." />
      </Form>
      <p>
        Recruiting? <Link href="/sign-up/employer">Sign up as an employer</Link>. Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
