import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { toFormError } from '../../lib/errors.js';
import styles from '../pages.module.css';
import { MentorRequests, MyMentorships } from './queries.js';


const AcceptMentorship = graphql(`
  mutation AcceptMentorship($id: ID!) {
    acceptMentorship(id: $id) { id status decidedAt startedAt expiresAt }
  }
`);

const DeclineMentorship = graphql(`
  mutation DeclineMentorship($input: DeclineMentorshipInput!) {
    declineMentorship(input: $input) { id status decidedAt declineReason expiresAt }
  }
`);


/** Accept, or decline with an optional reason: the mentor's two answers to a request (its page and the inbox). */
export function DecideRequest({ id, menteeName, onDone }: { id: string; menteeName: string; onDone?: () => unknown }) {
  const toast = useToast();
  const refetchQueries = [MyMentorships, MentorRequests];
  const [accept, accepting] = useMutation(AcceptMentorship, { refetchQueries });
  const [decline] = useMutation(DeclineMentorship, { refetchQueries });
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={styles['stack']}>
      <div className={styles['row']}>
        <Button
          isPending={accepting.loading}
          aria-label={`Accept ${menteeName}'s request`}
          onPress={() => {
            setError(null);
            void accept({ variables: { id } })
              .then(async () => {
                toast(`You now mentor ${menteeName}`);
                await onDone?.();
              })
              .catch((e: unknown) => setError(toFormError(e).message));
          }}
        >
          Accept
        </Button>
        <Dialog trigger={<Button variant="secondary" aria-label={`Decline ${menteeName}'s request`}>Decline</Button>} title={`Decline ${menteeName}'s request?`}>
          {(close) => (
            <Form
              submitLabel="Decline request"
              aria-label="Decline the request"
              onSubmit={async (values) => {
                const reason = String(values.get('reason') ?? '').trim();
                await decline({ variables: { input: { id, reason: reason || null } } });
                close();
                toast('Request declined');
                await onDone?.();
              }}
            >
              <TextArea label="Reason (optional)" name="reason" maxLength={1000} rows={3} description={`${menteeName} reads it. Up to 1,000 characters.`} />
            </Form>
          )}
        </Dialog>
      </div>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
