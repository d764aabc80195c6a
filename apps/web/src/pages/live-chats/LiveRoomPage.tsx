import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { errorCode } from '../../lib/errors.js';
import { useSession } from '../../lib/session-context.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { Composer } from './room/Composer.js';
import { HostControls } from './room/HostControls.js';
import { shownMessages, type RoomRefusal } from './room/liveRoomState.js';
import { MessageList } from './room/MessageList.js';
import { QuestionsPanel } from './room/QuestionsPanel.js';
import { RefusalText } from './room/RefusalText.js';
import room from './room/Room.module.css';
import { useLiveRoom } from './room/useLiveRoom.js';

const LiveRoomChat = graphql(`
  query LiveRoomChat($id: ID!) {
    liveChat(id: $id) {
      id
      title
      startsAt
      endsAt
      organisationName
    }
  }
`);

/** `/live-chats/:id/room`: the live room, for the audience (messages, questions) and its hosts and staff (the controls). */
export default function LiveRoomPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(LiveRoomChat, { variables: { id } });
  if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  const chat = data?.liveChat;
  return (
    <ListState loading={loading} error={error} empty={!chat} emptyText="" onRetry={() => refetch()}>
      {chat && <Room chat={chat} />}
    </ListState>
  );
}

function Room({ chat }: { chat: { id: string; title: string; startsAt: string; endsAt: string; organisationName?: string | null } }) {
  const live = useLiveRoom(chat.id);
  const { state } = live;
  const { user } = useSession();
  const toast = useToast();
  const onProblem = useCallback(
    (refusal: RoomRefusal | null, done?: string) => {
      if (refusal) toast(refusal.message);
      else if (done) toast(done);
    },
    [toast],
  );
  const moderator = state.role === 'HOST' || state.role === 'STAFF';
  const messages = shownMessages(state);
  const presence = state.presence;
  const closed = state.settings?.closed || Date.now() >= Date.parse(chat.endsAt);
  const banner = state.connection === 'reconnecting' ? 'Reconnecting…' : state.connection === 'connecting' && state.lastSeq === null && !state.refusal ? 'Connecting…' : '';
  return (
    <>
      <PageHeader title={`${chat.title}: live room`}>
        <p className={`${styles['row']} ${styles['muted']}`}>
          <span>{chat.organisationName ?? 'Unknown organisation'}</span>
          <span>
            <DateTime value={chat.startsAt} /> to <DateTime value={chat.endsAt} format="time" />
          </span>
          {moderator && <Badge>{state.role === 'HOST' ? 'You are hosting' : 'Careers staff'}</Badge>}
          {closed && state.connection === 'joined' && <Badge tone="warning">Closed</Badge>}
        </p>
      </PageHeader>
      <div className={styles['stack']}>
        <p role="status" className={room['banner']}>
          {banner}
        </p>
        {state.connection === 'refused' && state.refusal && (
          <Card title={state.refusal.code === 'ROOM_NOT_OPEN' ? 'Not open yet' : 'You cannot enter this room'}>
            <p role="alert">
              <RefusalText refusal={state.refusal} />
            </p>
            <p>
              <Link href={`/live-chats/${chat.id}`}>Back to the live chat</Link>
            </p>
          </Card>
        )}
        {state.lastSeq !== null && state.connection !== 'refused' && (
          <div className={room['layout']}>
            <section aria-label="Chat" className={styles['stack']}>
              {presence && (
                <p className={styles['muted']} aria-label="Who is here">
                  {presence.count} {presence.count === 1 ? 'person' : 'people'} here
                  {presence.hosts.length > 0 && ` · Hosts here: ${presence.hosts.map((h) => h.name).join(', ')}`}
                </p>
              )}
              {state.settings && state.settings.slowModeSeconds > 0 && <p role="note">Slow mode: one message every {state.settings.slowModeSeconds} seconds for the audience.</p>}
              {state.sanction?.kind === 'MUTE' && state.sanction.until && Date.parse(state.sanction.until) > Date.now() && (
                <p role="note">
                  The hosts muted you until <DateTime value={state.sanction.until} format="time" />.
                </p>
              )}
              <MessageList
                messages={messages}
                pending={state.pending}
                questions={state.questions}
                hasEarlier={state.firstSeq > 1}
                onEarlier={live.loadEarlier}
                onFollow={live.follow}
                moderation={moderator ? live : null}
                myId={user?.id}
                onProblem={onProblem}
              />
              {closed ? <p>This live chat has ended: the room is read-only.</p> : <Composer label="Message" submitLabel="Send" maxLength={2000} onSend={(body) => live.send(body)} />}
            </section>
            <div className={styles['stack']}>
              {!closed && <QuestionsPanel state={state} actions={live} myId={user?.id} onProblem={onProblem} />}
              {moderator && <HostControls settings={state.settings} slowMode={live.slowMode} closeRoom={live.closeRoom} onProblem={onProblem} />}
            </div>
          </div>
        )}
      </div>
    </>
  );
}
