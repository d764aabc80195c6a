import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { useAcceptGrant, useSession, useSignOut } from '../../lib/session-context.js';
import styles from '../pages.module.css';

const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      accessToken
      expiresIn
    }
  }
`);

export default function AccountPage() {
  const { user } = useSession();
  const [changePassword] = useMutation(ChangePassword);
  const acceptGrant = useAcceptGrant();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <div className={styles['narrow']}>
      <PageHeader title="Account">
        <p className={styles['muted']}>
          Signed in as {user?.displayName} ({user?.email})
        </p>
      </PageHeader>
      <Card title="Change password">
        <Form
          submitLabel="Change password"
          onSubmit={async (values) => {
            const { data } = await changePassword({
              variables: { input: { currentPassword: String(values.get('currentPassword')), newPassword: String(values.get('newPassword')) } },
            });
            if (!data) return;
            // Every other session ends; this one continues with the new grant.
            await acceptGrant(data.changePassword);
            toast('Password changed. You were signed out everywhere else.');
          }}
        >
          <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" isRequired maxLength={256} />
          <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" isRequired minLength={10} maxLength={256} description="At least 10 characters, different from the current one." />
        </Form>
      </Card>
      <Card title="Sign out">
        <p>Ends this session in every tab of this browser.</p>
        <Button
          variant="secondary"
          onPress={() => void signOut().then(() => navigate('/sign-in', { replace: true }))}
        >
          Sign out
        </Button>
      </Card>
    </div>
  );
}
