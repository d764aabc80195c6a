import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Card.js';
import { DateTime } from '../../../components/DateTime.js';
import { TextArea, TextField } from '../../../components/fields.js';
import { Form } from '../../../components/Form.js';
import { Link } from '../../../components/Link.js';
import { ListState } from '../../../components/ListState.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useToast } from '../../../components/Toast.js';
import { graphql } from '../../../gql/index.js';
import type { MentorshipConversationViewQuery, MentorshipMessagesPageQuery } from '../../../gql/graphql.js';
import { errorCode, toFormError } from '../../../lib/errors.js';
import NotFoundPage from '../../not-found/NotFoundPage.js';
import styles from './Conversation.module.css';

const ConversationView = graphql(`
  query MentorshipConversationView($mentorshipId: ID!) {
    mentorshipConversation(mentorshipId: $mentorshipId) {
      mentorshipId
      status
      writable
      yourSide
      otherPartyId
      otherPartyName
      unreadCount
      otherReadUpToId
      goals { id text status proposedByYou createdAt agreedAt completedAt }
    }
  }
`);

const MessagesPage = graphql(`
  query MentorshipMessagesPage($mentorshipId: ID!, $first: Int, $after: String) {
    mentorshipMessages(mentorshipId: $mentorshipId, first: $first, after: $after) {
      edges { cursor node { id senderId sentByYou body clientId readByRecipient createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const SendMessage = graphql(`
  mutation SendMentorshipMessageFromPage($input: SendMentorshipMessageInput!) {
    sendMentorshipMessage(input: $input) { id senderId sentByYou body clientId readByRecipient createdAt }
  }
`);

const MarkRead = graphql(`
  mutation MarkMentorshipReadFromPage($mentorshipId: ID!, $upToMessageId: ID!) {
    markMentorshipRead(mentorshipId: $mentorshipId, upToMessageId: $upToMessageId) { mentorshipId unreadCount }
  }
`);

const ProposeGoal = graphql(`
  mutation ProposeMentorshipGoalFromPage($input: ProposeMentorshipGoalInput!) {
    proposeMentorshipGoal(input: $input) { id }
  }
`);
const AgreeGoal = graphql(`
  mutation AgreeMentorshipGoalFromPage($goalId: ID!) {
    agreeMentorshipGoal(goalId: $goalId) { id }
  }
`);
const CompleteGoal = graphql(`
  mutation CompleteMentorshipGoalFromPage($goalId: ID!) {
    completeMentorshipGoal(goalId: $goalId) { id }
  }
`);
const RemoveGoal = graphql(`
  mutation RemoveMentorshipGoalFromPage($goalId: ID!) {
    removeMentorshipGoal(goalId: $goalId) { id }
  }
`);

type Message = MentorshipMessagesPageQuery['mentorshipMessages']['edges'][number]['node'];
type Goal = MentorshipConversationViewQuery['mentorshipConversation']['goals'][number];
interface Pushed {
  mentorshipId: string;
  id: string;
  senderId: string;
  body: string;
  clientId: string;
  createdAt: string;
}

const PAGE = 30;
const newClientId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9_-]/g, '');

/** Oldest first, each message once (a push and a re-read may both bring it). */
function merge(current: Message[], more: Message[]): Message[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of more) byId.set(m.id, { ...byId.get(m.id), ...m, readByRecipient: m.readByRecipient || (byId.get(m.id)?.readByRecipient ?? false) });
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * A mentorship's private conversation, for its two parties: the messages (newest at the bottom, older ones on
 * "Show older messages"), the composer, the other party's messages arriving over the socket, read ticks, and the
 * goals the pair agree on. After every (re)connect it reads the newest page again, so nothing pushed meanwhile is
 * missed.
 */
export default function ConversationPage() {
  const { id = '' } = useParams();
  const client = useApolloClient();
  const toast = useToast();
  const view = useQuery(ConversationView, { variables: { mentorshipId: id }, fetchPolicy: 'cache-and-network' });
  const [messages, setMessages] = useState<Message[]>([]);
  const [older, setOlder] = useState<{ cursor: string | null; more: boolean }>({ cursor: null, more: false });
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState('');
  const clientId = useRef(newClientId());
  const listEnd = useRef<HTMLDivElement>(null);
  const [send] = useMutation(SendMessage);
  const [markRead] = useMutation(MarkRead);
  const lastMarked = useRef<string | null>(null);
  const conversation = view.data?.mentorshipConversation;
  const otherPartyId = useRef<string | null>(null);
  otherPartyId.current = conversation?.otherPartyId ?? null;

  const readNewest = useCallback(async () => {
    try {
      const { data } = await client.query({ query: MessagesPage, variables: { mentorshipId: id, first: PAGE }, fetchPolicy: 'network-only' });
      if (!data) return;
      const page = data.mentorshipMessages;
      setMessages((current) => merge(current, page.edges.map((e) => e.node)));
      setOlder((o) => (o.cursor ? o : { cursor: page.pageInfo.endCursor ?? null, more: page.pageInfo.hasNextPage }));
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    } finally {
      setLoading(false);
    }
  }, [client, id]);

  const readOlder = async () => {
    if (!older.cursor) return;
    const { data } = await client.query({ query: MessagesPage, variables: { mentorshipId: id, first: PAGE, after: older.cursor }, fetchPolicy: 'network-only' });
    if (!data) return;
    setMessages((current) => merge(current, data.mentorshipMessages.edges.map((e) => e.node)));
    setOlder({ cursor: data.mentorshipMessages.pageInfo.endCursor ?? null, more: data.mentorshipMessages.pageInfo.hasNextPage });
  };

  // The socket: new messages, receipts and goal changes of this mentorship; a re-read after each (re)connect.
  useEffect(() => {
    let closed = false;
    let close = () => undefined as void;
    void import('../../../lib/realtime.js').then(({ connectSocket }) => {
      if (closed) return;
      const socket = connectSocket('/');
      socket.on('connect', () => {
        void readNewest();
        void view.refetch();
      });
      socket.on('mentorship:message', (m: Pushed) => {
        if (m.mentorshipId !== id) return;
        const other = otherPartyId.current;
        if (other) setMessages((current) => merge(current, [{ ...m, sentByYou: m.senderId !== other, readByRecipient: false }]));
        else void readNewest();
      });
      socket.on('mentorship:read', (r: { mentorshipId: string; upToMessageId: string }) => {
        if (r.mentorshipId !== id) return;
        setMessages((current) => {
          const upTo = current.findIndex((m) => m.id === r.upToMessageId);
          return upTo < 0 ? current : current.map((m, i) => (i <= upTo && m.sentByYou ? { ...m, readByRecipient: true } : m));
        });
      });
      socket.on('mentorship:goals', (g: { mentorshipId: string }) => {
        if (g.mentorshipId === id) void view.refetch();
      });
      close = () => void socket.close();
    });
    void readNewest();
    return () => {
      closed = true;
      close();
    };
  }, [id, readNewest]);

  // The newest message of the other party, once shown, is read: the other party sees the tick.
  const newestFromOther = [...messages].reverse().find((m) => !m.sentByYou);
  useEffect(() => {
    if (!newestFromOther || lastMarked.current === newestFromOther.id || document.visibilityState === 'hidden') return;
    lastMarked.current = newestFromOther.id;
    void markRead({ variables: { mentorshipId: id, upToMessageId: newestFromOther.id } }).catch(() => {
      lastMarked.current = null;
    });
  }, [newestFromOther, id, markRead]);

  // Follow the newest message.
  const newestId = messages.at(-1)?.id;
  useEffect(() => {
    listEnd.current?.scrollIntoView?.({ block: 'end' });
  }, [newestId]);

  if (errorCode(view.error) === 'NOT_FOUND' || errorCode(view.error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  if (!conversation) {
    return (
      <>
        <PageHeader title="Conversation" />
        <ListState loading={view.loading} error={view.error} empty emptyText="" onRetry={() => view.refetch()}>
          {null}
        </ListState>
      </>
    );
  }

  const submit = async () => {
    const body = draft.trim();
    // The text stays in the box until the api stored it; a retry sends the same client id, so it is stored once.
    const { data } = await send({ variables: { input: { mentorshipId: id, body, clientId: clientId.current } } });
    if (data) setMessages((current) => merge(current, [data.sendMentorshipMessage]));
    setDraft('');
    clientId.current = newClientId();
  };

  return (
    <>
      <PageHeader title={`Conversation with ${conversation.otherPartyName}`}>
        <p className={styles['meta']}>
          {conversation.yourSide === 'MENTEE' ? 'Your mentor' : 'Your mentee'} · <Link href={`/mentorships/${id}`}>The mentorship</Link>
          {!conversation.writable && <> · <Badge>Ended: read only</Badge></>}
        </p>
      </PageHeader>
      <div className={styles['layout']}>
        <section aria-labelledby="messages-heading" className={styles['conversation']}>
          <h2 id="messages-heading" className={styles['visuallyHidden']}>
            Messages
          </h2>
          {older.more && (
            <Button variant="secondary" onPress={() => void readOlder().catch((e: unknown) => toast(toFormError(e).message))}>
              Show older messages
            </Button>
          )}
          <ListState loading={loading} error={loadError} empty={messages.length === 0} emptyText="No messages yet: say hello." onRetry={readNewest}>
            <ol className={styles['messages']} aria-live="polite" aria-relevant="additions">
              {messages.map((m) => (
                <li key={m.id} className={`${styles['message']} ${m.sentByYou ? styles['mine'] : styles['theirs']}`} data-testid="message">
                  <span className={styles['sender']}>{m.sentByYou ? 'You' : conversation.otherPartyName}</span>
                  <p className={styles['body']}>{m.body}</p>
                  <span className={styles['when']}>
                    <DateTime value={m.createdAt} format="time" />
                    {m.sentByYou && (
                      <span className={styles['tick']} data-testid="read-tick" data-read={m.readByRecipient ? 'true' : 'false'}>
                        {m.readByRecipient ? ' · Read' : ' · Sent'}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          </ListState>
          <div ref={listEnd} />
          {conversation.writable && (
            <Form submitLabel="Send" onSubmit={submit} aria-label="Write a message">
              <TextArea
                label="Your message"
                name="body"
                isRequired
                maxLength={4000}
                rows={3}
                value={draft}
                onChange={setDraft}
                description="Only you and the other party can read this conversation."
              />
            </Form>
          )}
        </section>
        <Goals goals={conversation.goals} mentorshipId={id} writable={conversation.writable} onChange={() => void view.refetch()} />
      </div>
    </>
  );
}

function Goals({ goals, mentorshipId, writable, onChange }: { goals: Goal[]; mentorshipId: string; writable: boolean; onChange: () => void }) {
  const toast = useToast();
  const [propose] = useMutation(ProposeGoal);
  const [agree] = useMutation(AgreeGoal);
  const [complete] = useMutation(CompleteGoal);
  const [remove] = useMutation(RemoveGoal);
  const [text, setText] = useState('');
  const act = (run: () => Promise<unknown>) => () =>
    void run().then(onChange, (e: unknown) => toast(toFormError(e).message));
  return (
    <Card title="Goals">
      {goals.length === 0 ? (
        <p className={styles['meta']}>No goals yet. Propose one: the other party agrees to it.</p>
      ) : (
        <ul className={styles['goals']}>
          {goals.map((g) => (
            <li key={g.id} className={styles['goal']} data-testid="goal">
              <span className={styles['goalText']}>{g.text}</span>
              <Badge tone={g.status === 'COMPLETED' ? 'success' : g.status === 'AGREED' ? 'neutral' : 'warning'}>
                {g.status === 'PROPOSED' ? (g.proposedByYou ? 'Waiting for agreement' : 'Proposed to you') : g.status === 'AGREED' ? 'Agreed' : 'Completed'}
              </Badge>
              {writable && (
                <span className={styles['goalActions']}>
                  {g.status === 'PROPOSED' && !g.proposedByYou && (
                    <Button variant="secondary" onPress={act(() => agree({ variables: { goalId: g.id } }))}>
                      Agree
                    </Button>
                  )}
                  {g.status === 'AGREED' && (
                    <Button variant="secondary" onPress={act(() => complete({ variables: { goalId: g.id } }))}>
                      Mark complete
                    </Button>
                  )}
                  <Button variant="quiet" aria-label={`Remove goal: ${g.text}`} onPress={act(() => remove({ variables: { goalId: g.id } }))}>
                    Remove
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {writable && goals.length < 20 && (
        <Form
          submitLabel="Propose"
          aria-label="Propose a goal"
          onSubmit={async () => {
            await propose({ variables: { input: { mentorshipId, text: text.trim() } } });
            setText('');
            onChange();
          }}
        >
          <TextField label="A goal for you both" name="text" isRequired maxLength={300} value={text} onChange={setText} />
        </Form>
      )}
    </Card>
  );
}
