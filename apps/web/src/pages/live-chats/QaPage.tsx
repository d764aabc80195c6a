import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Confirm } from '../../components/Dialog.js';
import { TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { errorCode, toFormError } from '../../lib/errors.js';
import { useSession } from '../../lib/session-context.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import own from './LiveChat.module.css';

const QaChat = graphql(`
  query QaChat($id: ID!) {
    liveChat(id: $id) { id title status startsAt endsAt organisationName hosts { id displayName } }
  }
`);

const QaPageItems = graphql(`
  query QaPageItems($eventId: ID!, $first: Int, $after: String) {
    liveChatQaPage(eventId: $eventId) {
      eventId
      signedOffAt
      publishedAt
      items(first: $first, after: $after) {
        edges { node { id position question answer } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

const QaFollowUps = graphql(`
  query QaFollowUps($eventId: ID!, $first: Int, $after: String) {
    liveChatQaPage(eventId: $eventId) {
      eventId
      followUps(first: $first, after: $after) {
        edges { node { id question answer askerName answererName answeredAt createdAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

const SignOffQa = graphql(`
  mutation SignOffLiveChatQa($eventId: ID!) {
    signOffLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }
  }
`);

const PublishQa = graphql(`
  mutation PublishLiveChatQa($eventId: ID!) {
    publishLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }
  }
`);

const AskFollowUp = graphql(`
  mutation AskLiveChatFollowUp($eventId: ID!, $question: String!) {
    askLiveChatFollowUp(eventId: $eventId, question: $question) { id question answer createdAt }
  }
`);

const AnswerFollowUp = graphql(`
  mutation AnswerLiveChatFollowUp($id: ID!, $answer: String!) {
    answerLiveChatFollowUp(id: $id, answer: $answer) { id answer answeredAt answererName }
  }
`);

const SearchQa = graphql(`
  query SearchLiveChatQa($query: String!, $first: Int, $after: String) {
    searchLiveChatQa(query: $query, first: $first, after: $after) {
      edges { node { id question answer event { id title } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Text from people, kept as written: paragraphs and line breaks, escaped by React. */
const Prose = ({ text }: { text: string }) => <p className={own['prewrap']}>{text}</p>;

function Items({ eventId }: { eventId: string }) {
  const list = usePagedQuery(QaPageItems, { variables: { eventId, first: 50 }, select: (d) => d.liveChatQaPage.items });
  return (
    <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="No question was answered in the room. Ask a follow-up below." onRetry={() => list.refetch()}>
      <ol className={`${styles['list']} ${styles['stack']}`} aria-label="Questions answered in the chat">
        {list.nodes.map((item) => (
          <li key={item.id}>
            <Card as="div" title={item.question} headingLevel={3}>
              <Prose text={item.answer} />
            </Card>
          </li>
        ))}
      </ol>
      <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
    </ListState>
  );
}

function FollowUps({ eventId, canAsk, canAnswer }: { eventId: string; canAsk: boolean; canAnswer: boolean }) {
  const list = usePagedQuery(QaFollowUps, { variables: { eventId, first: 20 }, select: (d) => d.liveChatQaPage.followUps });
  const [ask] = useMutation(AskFollowUp, { refetchQueries: [QaFollowUps] });
  const [answer] = useMutation(AnswerFollowUp);
  const [formKey, setFormKey] = useState(0);
  const toast = useToast();
  const { hash } = useLocation();
  const count = list.nodes.length;
  // Links in notifications point at one follow-up (`#<id>`): show it once it has loaded.
  useEffect(() => {
    const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
    }
  }, [hash, count]);
  return (
    <section className={styles['stack']} aria-labelledby="follow-ups">
      <h2 id="follow-ups">Follow-up questions</h2>
      <ListState
        loading={list.loading}
        error={list.error}
        empty={list.nodes.length === 0}
        emptyText={canAsk ? 'No follow-up questions yet: be the first to ask.' : 'No follow-up questions yet.'}
        onRetry={() => list.refetch()}
      >
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Follow-up questions">
          {list.nodes.map((f) => (
            <li key={f.id} id={f.id} tabIndex={-1}>
              <Card as="div" title={f.question} headingLevel={3}>
                <p className={`${styles['row']} ${styles['muted']}`}>
                  <span>
                    Asked by {f.askerName ?? 'a former member'} <DateTime value={f.createdAt} />
                  </span>
                  {!f.answer && <Badge tone="warning">Waiting for an answer</Badge>}
                </p>
                {f.answer ? (
                  <>
                    <Prose text={f.answer} />
                    <p className={styles['muted']}>
                      Answered by {f.answererName ?? 'a host'}
                      {f.answeredAt && (
                        <>
                          {' '}
                          <DateTime value={f.answeredAt} />
                        </>
                      )}
                    </p>
                  </>
                ) : (
                  canAnswer && (
                    <Form
                      submitLabel="Send answer"
                      aria-label={`Answer: ${f.question}`}
                      onSubmit={async (values) => {
                        await answer({ variables: { id: f.id, answer: String(values.get('answer') ?? '').trim() } });
                        toast('Answer sent: the student is told');
                      }}
                    >
                      <TextArea label="Your answer" name="answer" isRequired maxLength={10_000} />
                    </Form>
                  )
                )}
              </Card>
            </li>
          ))}
        </ul>
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
      </ListState>
      {canAsk && (
        <Card title="Ask a follow-up question">
          <Form
            key={formKey}
            submitLabel="Ask"
            aria-label="Ask a follow-up question"
            onSubmit={async (values) => {
              await ask({ variables: { eventId, question: String(values.get('question') ?? '').trim() } });
              setFormKey((k) => k + 1);
              toast('Question sent: the hosts are told, and you are when they answer');
            }}
          >
            <TextArea label="Your question" name="question" isRequired minLength={5} maxLength={2000} description="The hosts answer here; everyone who can see this page reads it." />
          </Form>
        </Card>
      )}
    </section>
  );
}

function Search() {
  const [query, setQuery] = useState('');
  const list = usePagedQuery(SearchQa, { variables: { query, first: 10 }, select: (d) => d.searchLiveChatQa, skip: query.length < 2 });
  return (
    <Card title="Search all Q&A pages">
      <Form submitLabel="Search" aria-label="Search questions and answers" onSubmit={async (values) => setQuery(String(values.get('q') ?? '').trim())}>
        <TextField label="Words" name="q" type="search" isRequired minLength={2} maxLength={200} description='Parts of words work too: "intern" finds "internships".' />
      </Form>
      {query.length >= 2 && (
        <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="Nothing on the Q&A pages you can see matches." onRetry={() => list.refetch()}>
          <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Search results">
            {list.nodes.map((r) => (
              <li key={r.id}>
                <p>
                  <strong>{r.question}</strong>
                </p>
                <p className={own['prewrap']}>{r.answer}</p>
                <p className={styles['muted']}>
                  From <Link href={`/live-chats/${r.event.id}/qa`}>{r.event.title}</Link>
                </p>
              </li>
            ))}
          </ul>
          <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
        </ListState>
      )}
    </Card>
  );
}

/**
 * `/live-chats/:id/qa`: a chat's Q&A page after it. Before publication its host signs it off and careers staff
 * publish it; then everyone who may see the chat reads the answered questions, students ask follow-ups and
 * hosts answer them. Emails link here (`#<follow-up id>`).
 */
export default function QaPage() {
  const { id = '' } = useParams();
  const { user, role } = useSession();
  const toast = useToast();
  const chatQuery = useQuery(QaChat, { variables: { id } });
  const page = useQuery(QaPageItems, { variables: { eventId: id, first: 50 } });
  const [signOff, signing] = useMutation(SignOffQa, { refetchQueries: [QaPageItems] });
  const [publish] = useMutation(PublishQa, { refetchQueries: [QaPageItems, QaFollowUps] });
  const [actionError, setActionError] = useState<string | null>(null);
  if (errorCode(chatQuery.error) === 'NOT_FOUND' || errorCode(chatQuery.error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  const chat = chatQuery.data?.liveChat;
  const publication = page.data?.liveChatQaPage;
  const missing = errorCode(page.error) === 'NOT_FOUND';
  const isHost = !!chat && !!user && chat.hosts.some((h) => h.id === user.id);
  const isStaff = role === 'STAFF' || role === 'ADMIN';
  const act = async (run: () => Promise<unknown>, done: string) => {
    setActionError(null);
    try {
      await run();
      toast(done);
    } catch (e) {
      setActionError(toFormError(e).message);
    }
  };
  const pageLoading = page.loading && !publication && !page.error;
  return (
    <ListState loading={chatQuery.loading} error={chatQuery.error} empty={!chat} emptyText="" onRetry={() => chatQuery.refetch()}>
      {chat && (
        <>
          <PageHeader title={`Questions and answers: ${chat.title}`}>
            <p className={`${styles['row']} ${styles['muted']}`}>
              <span>{chat.organisationName ?? 'Unknown organisation'}</span>
              <DateTime value={chat.startsAt} />
              <Link href={`/live-chats/${chat.id}`}>About the chat</Link>
            </p>
          </PageHeader>
          <div className={styles['stack']}>
            {pageLoading && <p role="status">Loading…</p>}
            {page.error && !missing && (
              <div role="alert">
                <p>{toFormError(page.error).message}</p>
                <Button variant="secondary" onPress={() => void page.refetch()}>
                  Try again
                </Button>
              </div>
            )}
            {(missing || (publication && !publication.publishedAt)) && (
              <Card title="Not published yet">
                {missing && isHost && (
                  <>
                    <p>When you sign off, careers staff may publish the questions answered in the room as this page, for students to read and ask follow-ups.</p>
                    <Button isPending={signing.loading} onPress={() => void act(() => signOff({ variables: { eventId: chat.id } }), 'Signed off: careers staff can publish the page')}>
                      Sign off for publication
                    </Button>
                  </>
                )}
                {missing && !isHost && <p>{isStaff ? 'A host has not signed off this page yet: ask the employer to.' : 'This chat’s Q&A page is not published yet. Come back later.'}</p>}
                {publication && (
                  <p>
                    Signed off by a host <DateTime value={publication.signedOffAt} />. {isStaff ? 'Publish it once the chat is over.' : 'Waiting for careers staff to publish it.'}
                  </p>
                )}
                {publication && isStaff && (
                  <Confirm
                    label="Publish the Q&A page"
                    title="Publish the Q&A page?"
                    message="The questions answered in the room are copied onto the page as they are now, for every student who may see the chat."
                    confirmLabel="Publish"
                    variant="primary"
                    onConfirm={() => act(() => publish({ variables: { eventId: chat.id } }), 'Q&A page published')}
                  />
                )}
                {actionError && (
                  <p role="alert" className={own['error']}>
                    {actionError}
                  </p>
                )}
              </Card>
            )}
            {publication?.publishedAt && (
              <>
                <p className={styles['muted']}>
                  Published <DateTime value={publication.publishedAt} />.
                </p>
                <section className={styles['stack']} aria-labelledby="answered">
                  <h2 id="answered">Answered in the chat</h2>
                  <Items eventId={chat.id} />
                </section>
                <FollowUps eventId={chat.id} canAsk={role === 'STUDENT'} canAnswer={isHost} />
              </>
            )}
            {role === 'STUDENT' && <Search />}
          </div>
        </>
      )}
    </ListState>
  );
}
