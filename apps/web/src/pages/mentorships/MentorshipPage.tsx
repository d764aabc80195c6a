import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Confirm, Dialog } from '../../components/Dialog.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { errorCode, toFormError } from '../../lib/errors.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import own from './Mentorships.module.css';
import { DecideRequest } from './MentorshipActions.js';
import { MyMentorships } from './queries.js';
import { OFFER_LABELS, STATUS_TEXT } from './mentorshipText.js';

const MentorshipDetail = graphql(`
  query MentorshipDetail($id: ID!) {
    mentorship(id: $id) {
      id
      status
      myRole
      message
      asksFor
      requestedAt
      expiresAt
      decidedAt
      declineReason
      startedAt
      endedAt
      endedById
      endFeedback
      mentor { id displayName course }
      mentee { id displayName course }
    }
  }
`);

const WithdrawMentorshipRequest = graphql(`
  mutation WithdrawMentorshipRequest($id: ID!) {
    withdrawMentorshipRequest(id: $id) { id status endedAt expiresAt }
  }
`);

const EndMentorship = graphql(`
  mutation EndMentorship($input: EndMentorshipInput!) {
    endMentorship(input: $input) { id status endedAt endedById endFeedback }
  }
`);

const BlockPerson = graphql(`
  mutation BlockPerson($userId: ID!) {
    blockPerson(userId: $userId)
  }
`);

/** `/mentorships/:id`: one mentorship, its two sides, message and dates, and what the caller may do with it now. */
export default function MentorshipPage() {
  const { id = '' } = useParams();
  const toast = useToast();
  const { data, loading, error, refetch } = useQuery(MentorshipDetail, { variables: { id } });
  const [withdraw] = useMutation(WithdrawMentorshipRequest, { refetchQueries: [MyMentorships] });
  const [end] = useMutation(EndMentorship, { refetchQueries: [MyMentorships] });
  const [block] = useMutation(BlockPerson, { refetchQueries: [MyMentorships] });
  const [actionError, setActionError] = useState<string | null>(null);
  if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  const m = data?.mentorship;
  const act = async (run: () => Promise<unknown>, done: string) => {
    setActionError(null);
    try {
      await run();
      toast(done);
      await refetch();
    } catch (e) {
      setActionError(toFormError(e).message);
    }
  };
  const other = m && (m.myRole === 'MENTOR' ? m.mentee : m.mentor);
  const party = (p: { displayName: string; course?: string | null }) => (p.course ? `${p.displayName} (${p.course})` : p.displayName);
  return (
    <ListState loading={loading} error={error} empty={!m} emptyText="" onRetry={() => refetch()}>
      {m && (
        <>
          <PageHeader title={m.myRole === 'MENTOR' ? `Mentoring ${m.mentee.displayName}` : m.myRole === 'MENTEE' ? `Mentorship with ${m.mentor.displayName}` : `${m.mentor.displayName} and ${m.mentee.displayName}`}>
            <p className={`${styles['row']} ${styles['muted']}`}>
              <Badge tone={STATUS_TEXT[m.status].tone}>{STATUS_TEXT[m.status].label}</Badge>
              {m.asksFor && <span>Asked for: {OFFER_LABELS[m.asksFor]}</span>}
            </p>
          </PageHeader>
          <div className={styles['stack']}>
            {m.status === 'ACTIVE' && m.myRole && (
              <p>
                <Link href={`/mentorships/${m.id}/conversation`}>Conversation</Link>
              </p>
            )}
            <Card title="Who">
              <dl>
                <dt>Mentor</dt>
                <dd>{party(m.mentor)}</dd>
                <dt>Mentee</dt>
                <dd>{party(m.mentee)}</dd>
              </dl>
            </Card>
            {m.message && (
              <Card title="The request">
                <p className={own['prewrap']}>{m.message}</p>
              </Card>
            )}
            <Card title="Dates">
              <ul>
                <li>
                  Asked <DateTime value={m.requestedAt} />
                </li>
                {m.expiresAt && (
                  <li>
                    Expires <DateTime value={m.expiresAt} /> unless the mentor answers first
                  </li>
                )}
                {m.decidedAt && (
                  <li>
                    {m.status === 'DECLINED' ? 'Declined' : 'Accepted'} <DateTime value={m.decidedAt} />
                  </li>
                )}
                {m.endedAt && (
                  <li>
                    {STATUS_TEXT[m.status].label} <DateTime value={m.endedAt} />
                  </li>
                )}
              </ul>
              {m.declineReason && <p role="note">Their reason: {m.declineReason}</p>}
              {m.endFeedback && (
                <p role="note">
                  Feedback from {m.endedById === m.mentor.id ? m.mentor.displayName : m.mentee.displayName}: {m.endFeedback}
                </p>
              )}
            </Card>
            {m.myRole === 'MENTOR' && m.status === 'REQUESTED' && (
              <Card title="Your answer">
                <DecideRequest id={m.id} menteeName={m.mentee.displayName} onDone={() => refetch()} />
              </Card>
            )}
            {m.myRole && other && (
              <div className={styles['row']}>
                {m.myRole === 'MENTEE' && m.status === 'REQUESTED' && (
                  <Confirm
                    label="Withdraw request"
                    title="Withdraw your request?"
                    message={`${m.mentor.displayName} will no longer see it. You can ask again later.`}
                    onConfirm={() => act(() => withdraw({ variables: { id: m.id } }), 'Request withdrawn')}
                  />
                )}
                {m.status === 'ACTIVE' && (
                  <Dialog trigger={<Button variant="secondary">End mentorship</Button>} title="End this mentorship?">
                    {(close) => (
                      <Form
                        submitLabel="End mentorship"
                        aria-label="End the mentorship"
                        onSubmit={async (values) => {
                          const feedback = String(values.get('feedback') ?? '').trim();
                          await end({ variables: { input: { id: m.id, feedback: feedback || null } } });
                          close();
                          toast('Mentorship ended');
                          await refetch();
                        }}
                      >
                        <TextArea label="Feedback (optional)" name="feedback" maxLength={2000} rows={4} description={`${other.displayName} can read it on this page. Up to 2,000 characters.`} />
                      </Form>
                    )}
                  </Dialog>
                )}
                <Confirm
                  label={`Block ${other.displayName}`}
                  title={`Block ${other.displayName}?`}
                  message="Anything open between you ends, and neither of you sees the other in mentoring from then on. They are not told."
                  confirmLabel="Block"
                  onConfirm={() => act(() => block({ variables: { userId: other.id } }), `${other.displayName} is blocked`)}
                />
              </div>
            )}
            {actionError && <p role="alert">{actionError}</p>}
            <p>
              <Link href="/mentorships">All your mentorships</Link>
            </p>
          </div>
        </>
      )}
    </ListState>
  );
}
