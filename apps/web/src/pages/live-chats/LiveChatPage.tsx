import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Confirm } from '../../components/Dialog.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { errorCode, toFormError } from '../../lib/errors.js';
import { useSession } from '../../lib/session-context.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { HostPanel } from './HostPanel.js';
import own from './LiveChat.module.css';
import { registrationText, UpcomingLiveChats } from './LiveChatsPage.js';

const LiveChatDetail = graphql(`
  query LiveChatDetail($id: ID!) {
    liveChat(id: $id) {
      id
      title
      description
      startsAt
      endsAt
      status
      statusReason
      capacity
      placesLeft
      registeredCount
      organisationName
      icsUrl
      hosts { id displayName }
      myRegistration { id status waitlistPlace }
    }
  }
`);

const RegisterForLiveChat = graphql(`
  mutation RegisterForLiveChat($eventId: ID!) {
    registerForLiveChat(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }
  }
`);

const CancelLiveChatRegistration = graphql(`
  mutation CancelLiveChatRegistration($eventId: ID!) {
    cancelLiveChatRegistration(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }
  }
`);

const RegenerateCalendarFeed = graphql(`
  mutation RegenerateLiveChatCalendarFeed {
    regenerateLiveChatCalendarFeed { url createdAt }
  }
`);

/** Links from the api are followed only when they are http(s) or paths of ours. */
const safeHref = (url: string | null | undefined) => (url && (/^https?:\/\//i.test(url) || (url.startsWith('/') && !url.startsWith('//'))) ? url : null);

/** `/live-chats/:id`: one live chat; register, see your waitlist place, cancel, add it to your calendar, join the room. */
export default function LiveChatPage() {
  const { id = '' } = useParams();
  const { role } = useSession();
  const toast = useToast();
  const { data, loading, error, refetch } = useQuery(LiveChatDetail, { variables: { id } });
  const [register, registering] = useMutation(RegisterForLiveChat, { refetchQueries: [UpcomingLiveChats] });
  const [cancel] = useMutation(CancelLiveChatRegistration, { refetchQueries: [UpcomingLiveChats] });
  const [regenerate, regenerating] = useMutation(RegenerateCalendarFeed);
  const [actionError, setActionError] = useState<string | null>(null);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  const chat = data?.liveChat;
  const now = Date.now();
  const isOn = chat && chat.status === 'APPROVED' && new Date(chat.startsAt).getTime() <= now && now < new Date(chat.endsAt).getTime();
  const isOver = chat && new Date(chat.endsAt).getTime() <= now;
  const reg = chat?.myRegistration;
  const holdsPlace = reg && reg.status !== 'CANCELLED';
  const mine = registrationText(reg?.status, reg?.waitlistPlace);
  const student = role === 'STUDENT' || role === 'ALUMNUS';
  const act = async (run: () => Promise<unknown>, done: string) => {
    setActionError(null);
    try {
      await run();
      toast(done);
    } catch (e) {
      setActionError(toFormError(e).message);
    }
  };
  const ics = safeHref(chat?.icsUrl);
  return (
    <ListState loading={loading} error={error} empty={!chat} emptyText="" onRetry={() => refetch()}>
      {chat && (
        <>
          <PageHeader title={chat.title}>
            <p className={`${styles['row']} ${styles['muted']}`}>
              <span>{chat.organisationName ?? 'Unknown organisation'}</span>
              <span>
                <DateTime value={chat.startsAt} /> to <DateTime value={chat.endsAt} format="time" />
              </span>
              {chat.status !== 'APPROVED' && <Badge tone={chat.status === 'PENDING' ? 'warning' : 'danger'}>{chat.status.toLowerCase()}</Badge>}
              {isOn && <Badge tone="success">On now</Badge>}
              {mine && <Badge tone="success">{mine}</Badge>}
            </p>
          </PageHeader>
          <div className={styles['stack']}>
            {chat.statusReason && <p role="note">Reason: {chat.statusReason}</p>}
            {isOn && (holdsPlace || !student) && (
              <p>
                <Link href={`/live-chats/${chat.id}/room`}>Join the live room</Link>
              </p>
            )}
            {isOver && (
              <p>
                <Link href={`/live-chats/${chat.id}/qa`}>Questions and answers from this chat</Link>
              </p>
            )}
            <Card title="About this chat">
              {chat.description.split(/\n{2,}/).map((para, i) => (
                <p key={i} className={own['prewrap']}>
                  {para}
                </p>
              ))}
              <p className={styles['muted']}>
                Hosts: {chat.hosts.map((h) => h.displayName).join(', ') || 'to be announced'}. {chat.registeredCount} of {chat.capacity} places taken
                {chat.placesLeft === 0 ? '; new registrations join the waitlist.' : '.'}
              </p>
            </Card>
            {role && (role === 'EMPLOYER' || role === 'STAFF' || role === 'ADMIN') && <HostPanel chat={chat} role={role} />}
            {student && chat.status === 'APPROVED' && !isOver && (
              <Card title="Your place">
                {reg?.status === 'WAITLISTED' && (
                  <p>You are number {reg.waitlistPlace ?? '?'} on the waitlist. You move up automatically when someone cancels.</p>
                )}
                {reg?.status === 'REGISTERED' && <p>You have a place.</p>}
                <div className={styles['row']}>
                  {holdsPlace ? (
                    <Confirm
                      label="Cancel registration"
                      title="Cancel your registration?"
                      message="Your place goes to the first person on the waitlist."
                      confirmLabel="Cancel registration"
                      onConfirm={() => act(() => cancel({ variables: { eventId: chat.id } }), 'Registration cancelled')}
                    />
                  ) : (
                    <Button isPending={registering.loading} onPress={() => void act(() => register({ variables: { eventId: chat.id } }), 'Registered')}>
                      {chat.placesLeft > 0 ? 'Register' : 'Join the waitlist'}
                    </Button>
                  )}
                </div>
                {actionError && (
                  <p role="alert" className={own['error']}>
                    {actionError}
                  </p>
                )}
              </Card>
            )}
            {(ics || student) && (
              <Card title="Add to your calendar">
                {ics && (
                  <p>
                    <Link href={ics} download>
                      Download this chat (.ics)
                    </Link>
                  </p>
                )}
                <p className={styles['muted']}>Or subscribe to your personal feed of the chats you registered for. Treat its address like a password: making a new one stops the old one.</p>
                <div className={styles['row']}>
                  <Button
                    variant="secondary"
                    isPending={regenerating.loading}
                    onPress={() =>
                      void act(async () => {
                        const r = await regenerate();
                        setFeedUrl(r.data?.regenerateLiveChatCalendarFeed.url ?? null);
                      }, 'New calendar feed address made')
                    }
                  >
                    {feedUrl ? 'Make a new feed address' : 'Get my calendar feed address'}
                  </Button>
                  {feedUrl && (
                    <Button variant="secondary" onPress={() => void navigator.clipboard.writeText(feedUrl).then(() => toast('Copied'), () => toast('Copy failed: select the address and copy it'))}>
                      Copy address
                    </Button>
                  )}
                </div>
                {feedUrl && (
                  <p>
                    <code className={own['wrapAnywhere']} aria-label="Your calendar feed address">
                      {feedUrl}
                    </code>
                  </p>
                )}
              </Card>
            )}
          </div>
        </>
      )}
    </ListState>
  );
}
