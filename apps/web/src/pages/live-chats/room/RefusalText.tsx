import { DateTime } from '../../../components/DateTime.js';
import type { RoomRefusal } from './liveRoomState.js';

const seconds = (n: number) => `${n} second${n === 1 ? '' : 's'}`;

/**
 * A refusal of the room in words, for every code docs/live-chat-delivery.md lists: the api's own message, with
 * the times it carries shown in the reader's time zone and the wait it asks for.
 */
export function RefusalText({ refusal }: { refusal: RoomRefusal }) {
  switch (refusal.code) {
    case 'ROOM_NOT_OPEN':
      return refusal.opensAt ? (
        <>
          The room is not open yet: it opens at <DateTime value={refusal.opensAt} />.
        </>
      ) : (
        <>{refusal.message}</>
      );
    case 'MUTED':
      return refusal.until ? (
        <>
          You are muted in this live chat until <DateTime value={refusal.until} format="time" />: your message was not sent.
        </>
      ) : (
        <>{refusal.message}</>
      );
    case 'SLOW_MODE':
      return <>{refusal.message}</>; // "Slow mode is on: one message every 30 seconds. Try again in 12 seconds."
    case 'RATE_LIMITED':
      return (
        <>
          {refusal.message}
          {refusal.retryAfter ? ` Try again in ${seconds(refusal.retryAfter)}.` : ''}
        </>
      );
    case 'BAD_USER_INPUT':
      return refusal.maxLength ? <>Too long: a message may have at most {refusal.maxLength.toLocaleString()} characters.</> : <>{refusal.message}</>;
    case 'ROOM_CLOSED':
    case 'REMOVED':
    case 'ROOM_FULL':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'NOT_JOINED':
    case 'UNAUTHENTICATED':
    case 'UNAVAILABLE':
    case 'INTERNAL_SERVER_ERROR':
    case 'TOO_LARGE':
    case 'CLOSED':
      return <>{refusal.message}</>;
  }
}
