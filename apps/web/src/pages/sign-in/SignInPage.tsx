import { useMutation } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { PageHeader } from '../../components/PageHeader.js';
import { graphql } from '../../gql/index.js';
import { useAcceptGrant } from '../../lib/session-context.js';
import styles from '../pages.module.css';

const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      expiresIn
    }
  }
`);

/** Where to go after signing in: `?next=` when it is a path of ours, else home. */
export function nextPath(params: URLSearchParams): string {
  const next = params.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const [signIn] = useMutation(SignIn);
  const acceptGrant = useAcceptGrant();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <div className={styles['narrow']}>
      <PageHeader title="Sign in" />
      <Form
        submitLabel="Sign in"
        onSubmit={async (values) => {
          const { data } = await signIn({ variables: { input: { email: String(values.get('email')), password: String(values.get('password')) } } });
          if (!data) return;
          await acceptGrant(data.signIn);
          await navigate(nextPath(params), { replace: true });
        }}
      >
        <TextField label="Email" name="email" type="email" autoComplete="username" isRequired maxLength={254} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" isRequired maxLength={256} />
      </Form>
      <p>
        New here? <Link href="/sign-up">Sign up with your university email</Link> or <Link href="/sign-up/employer">sign up as an employer</Link>.
      </p>
    </div>
  );
}
