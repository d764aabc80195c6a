import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Dialog } from '../../components/Dialog.js';
import { TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { QuestionPageQuery } from '../../gql/graphql.js';
import { errorCode, toFormError } from '../../lib/errors.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { Prose, splitTags, TagList } from './questionParts.js';
import own from './Questions.module.css';

const QuestionPageQueryDoc = graphql(`
  query QuestionPage($id: ID!) {
    question(id: $id) {
      id title body tags visibility answerCount hasAcceptedAnswer viewCount mine canAnswer createdAt editedAt
      author { id displayName }
      mentor { id displayName }
      revisions { title body tags writtenAt }
      answers { id body score myVote accepted mine createdAt editedAt author { id displayName } revisions { body writtenAt } }
    }
  }
`);

const AnswerQuestion = graphql(`
  mutation AnswerQuestion($questionId: ID!, $body: String!) {
    answerQuestion(questionId: $questionId, body: $body) { id }
  }
`);

const EditQuestion = graphql(`
  mutation EditQuestion($input: EditQuestionInput!) {
    editQuestion(input: $input) { id title body tags editedAt }
  }
`);

const EditAnswer = graphql(`
  mutation EditAnswer($id: ID!, $body: String!) {
    editAnswer(id: $id, body: $body) { id body editedAt }
  }
`);

const VoteAnswer = graphql(`
  mutation VoteAnswer($answerId: ID!, $up: Boolean!) {
    voteAnswer(answerId: $answerId, up: $up) { id score myVote }
  }
`);

const UnvoteAnswer = graphql(`
  mutation UnvoteAnswer($answerId: ID!) {
    unvoteAnswer(answerId: $answerId) { id score myVote }
  }
`);

const AcceptAnswer = graphql(`
  mutation AcceptAnswer($answerId: ID!) {
    acceptAnswer(answerId: $answerId) { id accepted }
  }
`);

type Q = QuestionPageQuery['question'];
type A = Q['answers'][number];

/** How often the page asks for new answers while it is visible (docs/mentoring.md: why polling). */
const POLL_MS = 10_000;

/**
 * `/questions/:id`: the question, its answers (accepted first, then by score), the answer form for who may answer,
 * votes, the asker's accept button, edits with their history. New answers appear without a reload: the page polls
 * while it is visible. Notification links point at one answer (`#answer-<id>`).
 */
export default function QuestionPage() {
  const { id = '' } = useParams();
  const query = useQuery(QuestionPageQueryDoc, { variables: { id }, pollInterval: POLL_MS });
  const { startPolling, stopPolling } = query;
  useEffect(() => {
    const onVisibility = () => (document.visibilityState === 'visible' ? startPolling(POLL_MS) : stopPolling());
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [startPolling, stopPolling]);
  const { hash } = useLocation();
  const q = query.data?.question;
  const answers = q?.answers.length ?? 0;
  useEffect(() => {
    const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target) target.scrollIntoView({ block: 'center' });
  }, [hash, answers]);
  if (errorCode(query.error) === 'NOT_FOUND' || errorCode(query.error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  return (
    <ListState loading={query.loading && !q} error={q ? undefined : query.error} empty={!q} emptyText="" onRetry={() => query.refetch()}>
      {q && <QuestionView q={q} />}
    </ListState>
  );
}

function QuestionView({ q }: { q: Q }) {
  return (
    <>
      <PageHeader title={q.title} actions={q.mine && <EditQuestionDialog q={q} />}>
        <p className={`${styles['row']} ${styles['muted']}`}>
          <span>Asked by {q.author.displayName}</span>
          <DateTime value={q.createdAt} />
          {q.visibility === 'PRIVATE' && <Badge tone="warning">Private{q.mentor ? ` to ${q.mentor.displayName}` : ''}</Badge>}
          <span>{q.viewCount === 1 ? '1 view' : `${q.viewCount} views`}</span>
          {q.editedAt && <History title="Earlier versions of the question" items={q.revisions.map((r) => ({ ...r, heading: r.title }))} editedAt={q.editedAt} />}
          <Link href="/questions">All questions</Link>
        </p>
      </PageHeader>
      <div className={styles['stack']}>
        <TagList tags={q.tags} label="Tags" />
        <Prose text={q.body} />
        <section className={styles['stack']} aria-labelledby="answers">
          <h2 id="answers">{q.answers.length === 1 ? '1 answer' : `${q.answers.length} answers`}</h2>
          {q.answers.length === 0 && <p className={styles['muted']}>No answers yet. {q.mine ? 'You will be told when someone answers.' : ''}</p>}
          <ol className={`${styles['list']} ${styles['stack']}`} aria-label="Answers">
            {q.answers.map((a) => (
              <AnswerCard key={a.id} a={a} asker={q.mine} />
            ))}
          </ol>
        </section>
        {q.canAnswer && <AnswerForm questionId={q.id} />}
      </div>
    </>
  );
}

function AnswerCard({ a, asker }: { a: A; asker: boolean }) {
  const [vote] = useMutation(VoteAnswer);
  const [unvote] = useMutation(UnvoteAnswer);
  const [accept] = useMutation(AcceptAnswer, { refetchQueries: [QuestionPageQueryDoc] });
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const act = async (run: () => Promise<unknown>, done?: string) => {
    setError(null);
    try {
      await run();
      if (done) toast(done);
    } catch (e) {
      setError(toFormError(e).message);
    }
  };
  return (
    <li id={`answer-${a.id}`} aria-label={`Answer by ${a.author.displayName}`}>
      <Card as="div">
        <p className={`${styles['row']} ${styles['muted']}`}>
          <span>{a.author.displayName}</span>
          <DateTime value={a.createdAt} />
          {a.accepted && <Badge tone="success">Accepted answer</Badge>}
          {a.editedAt && <History title="Earlier versions of the answer" items={a.revisions} editedAt={a.editedAt} />}
        </p>
        <Prose text={a.body} />
        <div className={styles['row']}>
          <span className={own['votes']}>
            {!a.mine && a.myVote === null && (
              <>
                <Button variant="secondary" aria-label={`Vote up the answer by ${a.author.displayName}`} onPress={() => void act(() => vote({ variables: { answerId: a.id, up: true } }))}>
                  ▲ Helpful
                </Button>
                <Button variant="quiet" aria-label={`Vote down the answer by ${a.author.displayName}`} onPress={() => void act(() => vote({ variables: { answerId: a.id, up: false } }))}>
                  ▼ Not helpful
                </Button>
              </>
            )}
            <span className={own['score']} aria-label={`Score ${a.score}`}>
              {a.score}
            </span>
            {a.myVote !== null && (
              <Button variant="quiet" onPress={() => void act(() => unvote({ variables: { answerId: a.id } }))}>
                Take back my {a.myVote ? 'up' : 'down'} vote
              </Button>
            )}
          </span>
          {asker && !a.accepted && (
            <Button aria-label={`Accept the answer by ${a.author.displayName}`} onPress={() => void act(() => accept({ variables: { answerId: a.id } }), 'Answer accepted: its author is told')}>
              Accept this answer
            </Button>
          )}
          {a.mine && <EditAnswerDialog a={a} />}
        </div>
        {error && (
          <p role="alert" className={styles['muted']}>
            {error}
          </p>
        )}
      </Card>
    </li>
  );
}

function AnswerForm({ questionId }: { questionId: string }) {
  const [answer] = useMutation(AnswerQuestion, { refetchQueries: [QuestionPageQueryDoc] });
  const [formKey, setFormKey] = useState(0);
  const toast = useToast();
  return (
    <Card title="Your answer">
      <Form
        key={formKey}
        submitLabel="Send answer"
        aria-label="Answer the question"
        onSubmit={async (values) => {
          await answer({ variables: { questionId, body: String(values.get('body') ?? '').trim() } });
          setFormKey((k) => k + 1);
          toast('Answer sent: the student is told');
        }}
      >
        <TextArea label="Answer" name="body" isRequired maxLength={10_000} rows={6} description="Plain text, up to 10,000 characters." />
      </Form>
    </Card>
  );
}

function EditQuestionDialog({ q }: { q: Q }) {
  const [edit] = useMutation(EditQuestion, { refetchQueries: [QuestionPageQueryDoc] });
  const toast = useToast();
  return (
    <Dialog trigger={<Button variant="secondary">Edit question</Button>} title="Edit your question">
      {(close) => (
        <Form
          submitLabel="Save"
          actions={
            <Button variant="quiet" onPress={close}>
              Cancel
            </Button>
          }
          onSubmit={async (values) => {
            await edit({
              variables: {
                input: { id: q.id, title: String(values.get('title') ?? '').trim(), body: String(values.get('body') ?? '').trim(), tags: splitTags(String(values.get('tags') ?? '')) },
              },
            });
            toast('Question saved: the earlier version is kept');
            close();
          }}
        >
          <TextField label="Title" name="title" isRequired minLength={5} maxLength={200} defaultValue={q.title} />
          <TextArea label="Your question" name="body" isRequired maxLength={10_000} rows={8} defaultValue={q.body} />
          <TextField label="Tags" name="tags" maxLength={220} defaultValue={q.tags.join(', ')} description="Up to 5, separated by commas." />
        </Form>
      )}
    </Dialog>
  );
}

function EditAnswerDialog({ a }: { a: A }) {
  const [edit] = useMutation(EditAnswer, { refetchQueries: [QuestionPageQueryDoc] });
  const toast = useToast();
  return (
    <Dialog trigger={<Button variant="quiet">Edit answer</Button>} title="Edit your answer">
      {(close) => (
        <Form
          submitLabel="Save"
          actions={
            <Button variant="quiet" onPress={close}>
              Cancel
            </Button>
          }
          onSubmit={async (values) => {
            await edit({ variables: { id: a.id, body: String(values.get('body') ?? '').trim() } });
            toast('Answer saved: the earlier version is kept');
            close();
          }}
        >
          <TextArea label="Answer" name="body" isRequired maxLength={10_000} rows={8} defaultValue={a.body} />
        </Form>
      )}
    </Dialog>
  );
}

/** "Edited …" with a dialog listing the earlier versions, oldest first. */
function History({ title, items, editedAt }: { title: string; items: { body: string; writtenAt: string; heading?: string }[]; editedAt: string }) {
  return (
    <Dialog
      trigger={
        <Button variant="quiet" aria-label={`${title} (edited)`}>
          Edited (history)
        </Button>
      }
      title={title}
    >
      {(close) => (
        <div className={styles['stack']}>
          <p className={styles['muted']}>
            Last edited <DateTime value={editedAt} />. Earlier versions, oldest first:
          </p>
          <ol className={`${styles['list']} ${styles['stack']}`}>
            {items.map((r) => (
              <li key={r.writtenAt} className={own['revision']}>
                <p className={styles['muted']}>
                  <DateTime value={r.writtenAt} />
                </p>
                {r.heading && (
                  <p>
                    <strong>{r.heading}</strong>
                  </p>
                )}
                <Prose text={r.body} />
              </li>
            ))}
          </ol>
          <Button variant="secondary" onPress={close}>
            Close
          </Button>
        </div>
      )}
    </Dialog>
  );
}
