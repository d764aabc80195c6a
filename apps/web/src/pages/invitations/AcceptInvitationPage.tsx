import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { DateTime } from '../../components/DateTime.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { graphql } from '../../gql/index.js';
import { errorCode } from '../../lib/errors.js';
import { useAcceptGrant } from '../../lib/session-context.js';
import styles from '../pages.module.css';

const Invitation = graphql(`
  query MentorInvitationPreview($token: String!) {
    mentorInvitation(token: $token) { email displayName institutionName note expiresAt }
  }
`);

const Accept = graphql(`
  mutation AcceptMentorInvitation($input: AcceptMentorInvitationInput!) {
    acceptMentorInvitation(input: $input) { accessToken expiresIn }
  }
`);

/** The link of a mentor invitation from careers staff: it makes the person's account, then takes them to their mentor profile. */
export default function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const invitation = useQuery(Invitation, { variables: { token } });
  const [accept] = useMutation(Accept);
  const acceptGrant = useAcceptGrant();
  const navigate = useNavigate();
  const found = invitation.data?.mentorInvitation;

  if (errorCode(invitation.error) === 'NOT_FOUND') {
    return (
      <div className={styles['narrow']}>
        <PageHeader title="This invitation does not work any more" />
        <p>It was used already, withdrawn, or has expired. Ask the careers service that invited you for a new one.</p>
        <p>
          Made your account already? <Link href="/sign-in">Sign in</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className={styles['narrow']}>
      <ListState loading={invitation.loading} error={invitation.error} empty={!found} emptyText="" onRetry={() => invitation.refetch()}>
        {found && (
          <>
            <PageHeader title={`Mentor ${found.institutionName}'s students`}>
              <p>
                {found.institutionName}'s careers service invites you to answer students' questions and, if you wish, to mentor a few of them. Make your
                account to start; you sign in with <strong>{found.email}</strong>.
              </p>
              {found.note && <blockquote className={styles['quote']}>{found.note}</blockquote>}
              <p className={styles['muted']}>
                This link works until <DateTime value={found.expiresAt} format="date" />.
              </p>
            </PageHeader>
            <Form
              submitLabel="Make my account"
              onSubmit={async (values) => {
                const { data } = await accept({
                  variables: { input: { token, password: String(values.get('password')), displayName: String(values.get('displayName')) } },
                });
                if (!data) return;
                await acceptGrant(data.acceptMentorInvitation);
                await navigate('/mentoring', { replace: true });
              }}
            >
              <TextField label="Your name" name="displayName" autoComplete="name" isRequired maxLength={100} defaultValue={found.displayName} description="As students see it." />
              <TextField label="Password" name="password" type="password" autoComplete="new-password" isRequired minLength={10} maxLength={256} description="At least 10 characters." />
            </Form>
          </>
        )}
      </ListState>
    </div>
  );
}
