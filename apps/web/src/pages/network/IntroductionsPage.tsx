import { useMutation } from '@apollo/client/react';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import own from './Network.module.css';

export const ReceivedIntroductions = graphql(`
  query ReceivedIntroductions($first: Int, $after: String) {
    introductionRequests(first: $first, after: $after) {
      edges { node { id studentId studentName wantKind wantValue message status note createdAt answeredAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const Answer = graphql(`
  mutation AnswerIntroduction($i: AnswerIntroductionInput!) { answerIntroduction(input: $i) { id status note answeredAt } }
`);

/** `/mentoring/introductions` (alumni): students' introduction requests, newest first, to accept or decline. */
export default function IntroductionsPage() {
  const list = usePagedQuery(ReceivedIntroductions, { variables: { first: 20 }, select: (d) => d.introductionRequests });
  const [answer] = useMutation(Answer);
  const toast = useToast();
  return (
    <>
      <PageHeader title="Introduction requests">
        <p className={styles['muted']}>Students whose network you fill ask you to introduce them. Accept or decline; they are told, with your note.</p>
      </PageHeader>
      <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="No student has asked you for an introduction yet." onRetry={() => list.refetch()}>
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Introduction requests">
          {list.nodes.map((r) => (
            <li key={r.id} id={r.id}>
              <Card as="div" headingLevel={2} title={<Link href={`/people/${r.studentId}`}>{r.studentName}</Link>}>
                <p className={`${styles['row']} ${styles['muted']}`}>
                  <span>
                    {r.wantValue ? `About ${r.wantValue} · ` : ''}
                    <DateTime value={r.createdAt} />
                  </span>
                  {r.status === 'OPEN' ? <Badge tone="warning">Waiting for you</Badge> : <Badge tone={r.status === 'ACCEPTED' ? 'success' : 'neutral'}>{r.status === 'ACCEPTED' ? 'Accepted' : 'Declined'}</Badge>}
                </p>
                <p className={own['prewrap']}>{r.message}</p>
                {r.status === 'OPEN' ? (
                  <Form
                    submitLabel="Accept"
                    aria-label={`Answer ${r.studentName}`}
                    actions={
                      <Button type="submit" variant="secondary" name="decision" value="decline">
                        Decline
                      </Button>
                    }
                    onSubmit={async (values) => {
                      const accept = values.get('decision') !== 'decline';
                      await answer({ variables: { i: { id: r.id, accept, note: String(values.get('note') ?? '').trim() || null } } });
                      toast(accept ? 'Accepted: the student is told' : 'Declined: the student is told');
                    }}
                  >
                    <TextArea label="A note for the student (optional)" name="note" maxLength={1000} rows={2} />
                  </Form>
                ) : (
                  r.note && <p className={styles['muted']}>Your note: {r.note}</p>
                )}
              </Card>
            </li>
          ))}
        </ul>
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
      </ListState>
    </>
  );
}
