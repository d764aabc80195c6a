// The live chat room's socket events (namespace `/live-chats`), with their
// payloads. Every client request is acknowledged with `{ ok: true, … }` or
// `{ ok: false, error }`. See docs/live-chat-delivery.md.

export const LIVE_CHAT_NAMESPACE = '/live-chats';

export type LiveChatRoomRole = 'HOST' | 'STAFF' | 'REGISTERED';

/** Why the room refused a request; `message` is for people, `code` for programs. */
export type LiveChatRoomErrorCode =
  | 'UNAUTHENTICATED'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'NOT_JOINED'
  | 'ROOM_NOT_OPEN'
  | 'ROOM_CLOSED'
  | 'ROOM_FULL'
  | 'MUTED'
  | 'REMOVED'
  | 'SLOW_MODE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export interface LiveChatRoomError {
  code: LiveChatRoomErrorCode;
  message: string;
  /** MUTED: when the mute ends (ISO). */
  until?: string;
  /** SLOW_MODE, RATE_LIMITED, UNAVAILABLE: seconds to wait before trying again. */
  retryAfter?: number;
  /** ROOM_NOT_OPEN: when it opens to the caller (ISO). */
  opensAt?: string;
  /** BAD_USER_INPUT for a text that is too long: the most characters it may have (after trimming). */
  maxLength?: number;
}

export type RoomAck<T> = ({ ok: true } & T) | { ok: false; error: LiveChatRoomError };

/** A message as stored; a deleted one is a tombstone (`deleted: true`, `body: null`) keeping its place. */
export interface LiveChatMessagePayload {
  eventId: string;
  seq: number;
  clientId: string;
  authorId: string;
  authorName: string;
  authorRole: LiveChatRoomRole;
  body: string | null;
  deleted: boolean;
  /** The audience question this message answers. */
  questionId: string | null;
  createdAt: string;
}

export type LiveChatQuestionStatus = 'OPEN' | 'ANSWERING' | 'ANSWERED' | 'DISMISSED';

export interface LiveChatQuestionPayload {
  id: string;
  eventId: string;
  authorId: string;
  authorName: string;
  body: string;
  status: LiveChatQuestionStatus;
  upvotes: number;
  /** Whether the person receiving it has upvoted it (in acks and lists; false in broadcasts). */
  upvotedByMe: boolean;
  answerSeq: number | null;
  createdAt: string;
}

export interface LiveChatPresence {
  eventId: string;
  /** People in the room (each counted once, however many tabs). */
  count: number;
  hosts: { userId: string; name: string }[];
}

export interface LiveChatRoomState {
  eventId: string;
  slowModeSeconds: number;
  closed: boolean;
  /** The question the host is answering now, if any. */
  answeringQuestionId: string | null;
}

export interface LiveChatServerToClientEvents {
  /** A new message, with the room's sequence number. Messages may arrive out of order across servers: order by `seq`. */
  message: (message: LiveChatMessagePayload) => void;
  'message:deleted': (info: { eventId: string; seq: number }) => void;
  presence: (presence: LiveChatPresence) => void;
  question: (question: LiveChatQuestionPayload) => void;
  'room:state': (state: LiveChatRoomState) => void;
  /** To a muted or removed person. */
  'room:sanction': (info: { eventId: string; kind: 'MUTE' | 'REMOVE'; until: string | null }) => void;
}

export interface LiveChatClientToServerEvents {
  'room:join': (req: { eventId: string }, ack: (r: RoomAck<{ role: LiveChatRoomRole; lastSeq: number; presence: LiveChatPresence; state: LiveChatRoomState }>) => void) => void;
  'room:leave': (req: { eventId: string }, ack: (r: RoomAck<object>) => void) => void;
  'message:send': (req: { eventId: string; clientId: string; body: string; questionId?: string }, ack: (r: RoomAck<{ message: LiveChatMessagePayload }>) => void) => void;
  'messages:since': (req: { eventId: string; afterSeq: number; limit?: number }, ack: (r: RoomAck<{ messages: LiveChatMessagePayload[]; hasMore: boolean }>) => void) => void;
  'message:delete': (req: { eventId: string; seq: number }, ack: (r: RoomAck<object>) => void) => void;
  'questions:list': (req: { eventId: string }, ack: (r: RoomAck<{ questions: LiveChatQuestionPayload[] }>) => void) => void;
  'question:ask': (req: { eventId: string; clientId: string; body: string }, ack: (r: RoomAck<{ question: LiveChatQuestionPayload }>) => void) => void;
  'question:upvote': (req: { eventId: string; questionId: string }, ack: (r: RoomAck<{ question: LiveChatQuestionPayload }>) => void) => void;
  'question:answering': (req: { eventId: string; questionId: string }, ack: (r: RoomAck<{ question: LiveChatQuestionPayload }>) => void) => void;
  'question:dismiss': (req: { eventId: string; questionId: string }, ack: (r: RoomAck<{ question: LiveChatQuestionPayload }>) => void) => void;
  'participant:mute': (req: { eventId: string; userId: string; minutes: number }, ack: (r: RoomAck<{ until: string }>) => void) => void;
  'participant:remove': (req: { eventId: string; userId: string }, ack: (r: RoomAck<object>) => void) => void;
  'room:slow-mode': (req: { eventId: string; seconds: number }, ack: (r: RoomAck<{ state: LiveChatRoomState }>) => void) => void;
  'room:close': (req: { eventId: string }, ack: (r: RoomAck<{ state: LiveChatRoomState }>) => void) => void;
}

/** The socket.io room of one event's live chat, and of one person in it (to mute or remove them on every server). */
export const liveChatRoom = (eventId: string) => `live-chat:${eventId}`;
export const liveChatPersonRoom = (eventId: string, userId: string) => `live-chat:${eventId}:user:${userId}`;
