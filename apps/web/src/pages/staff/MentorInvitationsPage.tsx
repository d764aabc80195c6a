import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { MentorInvitationStatus } from '../../gql/graphql.js';
import { toFormError } from '../../lib/errors.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';

const Invitations = graphql(`
  query MentorInvitationList($first: Int, $after: String) {
    mentorInvitations(first: $first, after: $after) {
      edges { node { id email displayName note status createdAt expiresAt acceptedAt acceptedUserId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const Invite = graphql(`
  mutation InviteMentor($input: InviteMentorInput!) {
    inviteMentor(input: $input) { id email }
  }
`);

const Revoke = graphql(`
  mutation RevokeMentorInvitation($id: ID!) {
    revokeMentorInvitation(id: $id) { id status }
  }
`);

const STATUS: Record<MentorInvitationStatus, { label: string; tone: 'neutral' | 'success' | 'warning' | 'danger' }> = {
  PENDING: { label: 'Waiting', tone: 'warning' },
  ACCEPTED: { label: 'Joined', tone: 'success' },
  REVOKED: { label: 'Withdrawn', tone: 'neutral' },
  EXPIRED: { label: 'Expired', tone: 'neutral' },
};

/** Careers staff invite professionals who are not alumni to mentor their students, and follow their invitations. */
export default function MentorInvitationsPage() {
  const list = usePagedQuery(Invitations, { variables: { first: 20 }, select: (d) => d.mentorInvitations });
  const [invite] = useMutation(Invite, { refetchQueries: [Invitations] });
  const [revoke] = useMutation(Revoke);
  const toast = useToast();
  // A new key empties the form once an invitation is sent; after an error it keeps what was typed.
  const [sent, setSent] = useState(0);
  return (
    <>
      <PageHeader title="Mentor invitations">
        <p className={styles['muted']}>
          Alumni offer mentoring themselves. Invite a professional who is not an alumnus: they get an email with a link, valid for 14 days, that
          makes them an alumni account of your institution, from which they offer mentoring.
        </p>
      </PageHeader>
      <section aria-labelledby="invite-heading" className={styles['narrow']}>
        <h2 id="invite-heading">Invite a mentor</h2>
        <Form
          key={sent}
          submitLabel="Send the invitation"
          onSubmit={async (values) => {
            const input = {
              displayName: String(values.get('displayName') ?? '').trim(),
              email: String(values.get('email') ?? '').trim(),
              note: String(values.get('note') ?? '').trim() || null,
            };
            await invite({ variables: { input } });
            toast(`Invitation sent to ${input.email}.`);
            setSent((n) => n + 1);
          }}
        >
          <TextField label="Name" name="displayName" isRequired maxLength={100} />
          <TextField label="Email" name="email" type="email" autoComplete="off" isRequired maxLength={254} description="Any address: it need not be of your university." />
          <TextArea label="A note for them" name="note" maxLength={1000} description="Optional, up to 1,000 characters; it goes in the email." />
        </Form>
      </section>
      <section aria-labelledby="sent-heading" className={styles['results']}>
        <h2 id="sent-heading">Sent</h2>
        <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="No invitations yet." onRetry={() => list.refetch()}>
          <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Mentor invitations">
            {list.nodes.map((i) => (
              <Card as="li" key={i.id} title={i.displayName}>
                <p>{i.email}</p>
                <p className={`${styles['row']} ${styles['muted']}`}>
                  <Badge tone={STATUS[i.status].tone}>{STATUS[i.status].label}</Badge>
                  <span>
                    Sent <DateTime value={i.createdAt} format="date" />
                  </span>
                  {i.status === 'PENDING' && (
                    <span>
                      Link works until <DateTime value={i.expiresAt} format="date" />
                    </span>
                  )}
                  {i.acceptedAt && (
                    <span>
                      Joined <DateTime value={i.acceptedAt} format="date" />
                    </span>
                  )}
                </p>
                {i.note && <p className={styles['quote']}>{i.note}</p>}
                {i.status === 'PENDING' && (
                  <Button
                    variant="secondary"
                    aria-label={`Withdraw the invitation to ${i.email}`}
                    onPress={() =>
                      void revoke({ variables: { id: i.id } }).then(
                        () => toast(`The invitation to ${i.email} is withdrawn: its link no longer works.`),
                        (e: unknown) => toast(toFormError(e).message),
                      )
                    }
                  >
                    Withdraw
                  </Button>
                )}
              </Card>
            ))}
          </ul>
          <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
        </ListState>
      </section>
    </>
  );
}
