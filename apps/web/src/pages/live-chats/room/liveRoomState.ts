// The live room's state in the browser, and the pure reducer that keeps it (docs/live-chat-delivery.md, "The
// client's four rules"): messages keyed by `seq`, shown once each, in order, with no gaps. The socket side is
// useLiveRoom.ts; this file has no React and no socket so that it can be tested on its own (liveRoomState.spec.ts).
// The payload shapes are the api's own types (libs/contracts/src/live-chat-room.ts), imported as types only.

import type {
  LiveChatMessagePayload,
  LiveChatPresence,
  LiveChatQuestionPayload,
  LiveChatQuestionStatus,
  LiveChatRoomError,
  LiveChatRoomErrorCode,
  LiveChatRoomRole,
  LiveChatRoomState,
} from '@careers/contracts';

export type RoomRole = LiveChatRoomRole;

/** The room's codes, and ours: the transport closed the connection on the packet itself (rule 3), or the page left. */
export type RoomErrorCode = LiveChatRoomErrorCode | 'TOO_LARGE' | 'CLOSED';

/** A refusal as the room sends it (`{ ok: false, error }`), with what it carries. */
export type RoomRefusal = Omit<LiveChatRoomError, 'code'> & { code: RoomErrorCode };

export type RoomMessage = LiveChatMessagePayload;
export type QuestionStatus = LiveChatQuestionStatus;
export type RoomQuestion = LiveChatQuestionPayload;
export type RoomPresence = LiveChatPresence;
export type RoomSettings = LiveChatRoomState;

/** One of the person's own messages on its way: shown as "Sending…" until the room has it in order. */
export interface PendingMessage {
  clientId: string;
  body: string;
  questionId: string | null;
}

export type Connection = 'connecting' | 'joined' | 'reconnecting' | 'refused';

export interface LiveRoomState {
  connection: Connection;
  /** Why joining was refused (not open yet, not registered, removed…). */
  refusal: RoomRefusal | null;
  role: RoomRole | null;
  /** The highest `seq` shown: every message from `firstSeq` to it is held, once. Null until the first join. */
  lastSeq: number | null;
  /** The lowest `seq` held; older ones are read on request (`earlier`). 1 when the room's start is held. */
  firstSeq: number;
  /** Shown messages, by `seq` (firstSeq ≤ seq ≤ lastSeq). */
  messages: Record<number, RoomMessage>;
  /** Messages that arrived ahead of a gap (another api process broadcast n+1 before n): held until it fills. */
  ahead: Record<number, RoomMessage>;
  pending: PendingMessage[];
  questions: Record<string, RoomQuestion>;
  settings: RoomSettings | null;
  presence: RoomPresence | null;
  /** A mute or removal the hosts gave this person. */
  sanction: { kind: 'MUTE' | 'REMOVE'; until: string | null } | null;
  /** True once the person asked for older messages: trimming the oldest waits until they follow the newest again. */
  keepEarlier: boolean;
}

/** How many messages a first join shows (older ones on request), and how many are kept before the oldest go. */
export const FIRST_WINDOW = 200;
export const MAX_KEPT = 500;

export type RoomAction =
  | { type: 'connecting' }
  | { type: 'disconnected' }
  | { type: 'joined'; role: RoomRole; lastSeq: number; presence: RoomPresence; settings: RoomSettings }
  | { type: 'refused'; refusal: RoomRefusal }
  /** Messages from a broadcast, an acknowledgement or a catch-up page, in any order, maybe seen already. */
  | { type: 'messages'; messages: RoomMessage[] }
  /** A page of older messages, from `firstSeq - messages.length` to `firstSeq - 1`. */
  | { type: 'earlier'; messages: RoomMessage[] }
  /** Following the newest again: the oldest may go. */
  | { type: 'follow' }
  | { type: 'deleted'; seq: number }
  | { type: 'pending'; pending: PendingMessage }
  | { type: 'unpending'; clientId: string }
  | { type: 'questions'; questions: RoomQuestion[] }
  /** One question, from a broadcast (`mine` false: its `upvotedByMe` says nothing) or an acknowledgement. */
  | { type: 'question'; question: RoomQuestion; mine: boolean }
  | { type: 'presence'; presence: RoomPresence }
  | { type: 'settings'; settings: RoomSettings }
  | { type: 'sanction'; kind: 'MUTE' | 'REMOVE'; until: string | null };

export const initialRoomState: LiveRoomState = {
  connection: 'connecting',
  refusal: null,
  role: null,
  lastSeq: null,
  firstSeq: 1,
  messages: {},
  ahead: {},
  pending: [],
  questions: {},
  settings: null,
  presence: null,
  sanction: null,
  keepEarlier: false,
};

/** Holds `incoming` by seq and shows every one that now follows `lastSeq` without a gap (rule 2). */
function receive(state: LiveRoomState, incoming: RoomMessage[]): LiveRoomState {
  if (state.lastSeq === null) return state; // not joined yet: the catch-up after joining brings them
  let lastSeq = state.lastSeq;
  let ahead: Record<number, RoomMessage> | null = null;
  for (const m of incoming) {
    if (m.seq <= lastSeq || state.ahead[m.seq] || ahead?.[m.seq]) continue; // seen already
    ahead ??= { ...state.ahead };
    ahead[m.seq] = m;
  }
  if (!ahead) return state;
  let messages: Record<number, RoomMessage> | null = null;
  const shown = new Set<string>();
  while (ahead[lastSeq + 1]) {
    const next = ahead[lastSeq + 1]!;
    delete ahead[lastSeq + 1];
    messages ??= { ...state.messages };
    messages[next.seq] = next;
    shown.add(next.clientId);
    lastSeq = next.seq;
  }
  if (!messages) return { ...state, ahead };
  const pending = state.pending.some((p) => shown.has(p.clientId)) ? state.pending.filter((p) => !shown.has(p.clientId)) : state.pending;
  return trim({ ...state, ahead, messages, lastSeq, pending });
}

/** Drops the oldest messages over MAX_KEPT (they can be read again with `earlier`), unless the person reads them. */
function trim(state: LiveRoomState): LiveRoomState {
  if (state.keepEarlier || state.lastSeq === null) return state;
  const held = state.lastSeq - state.firstSeq + 1;
  if (held <= MAX_KEPT) return state;
  const firstSeq = state.lastSeq - MAX_KEPT + 1;
  const messages: Record<number, RoomMessage> = {};
  for (let seq = firstSeq; seq <= state.lastSeq; seq++) if (state.messages[seq]) messages[seq] = state.messages[seq]!;
  return { ...state, firstSeq, messages };
}

export function liveRoomReducer(state: LiveRoomState, action: RoomAction): LiveRoomState {
  switch (action.type) {
    case 'connecting':
      return state.connection === 'connecting' ? state : { ...state, connection: 'connecting' };
    case 'disconnected':
      // Only a room that was joined is "reconnecting"; before that the page still says it is connecting.
      return state.connection === 'joined' ? { ...state, connection: 'reconnecting' } : state;
    case 'joined': {
      // The first join shows the last FIRST_WINDOW messages; a rejoin keeps lastSeq and catches up from it (rule 1).
      const lastSeq = state.lastSeq ?? Math.max(0, action.lastSeq - FIRST_WINDOW);
      const firstSeq = state.lastSeq === null ? lastSeq + 1 : state.firstSeq;
      return { ...state, connection: 'joined', refusal: null, role: action.role, lastSeq, firstSeq, presence: action.presence, settings: action.settings };
    }
    case 'refused':
      return { ...state, connection: 'refused', refusal: action.refusal };
    case 'messages':
      return receive(state, action.messages);
    case 'earlier': {
      const older = action.messages.filter((m) => m.seq < state.firstSeq);
      if (older.length === 0) return state;
      const messages = { ...state.messages };
      let firstSeq = state.firstSeq;
      // Only a run that ends right before firstSeq is taken, so the held messages stay without holes.
      const bySeq = new Map(older.map((m) => [m.seq, m]));
      while (bySeq.has(firstSeq - 1)) {
        firstSeq--;
        messages[firstSeq] = bySeq.get(firstSeq)!;
      }
      return firstSeq === state.firstSeq ? state : { ...state, messages, firstSeq, keepEarlier: true };
    }
    case 'follow':
      return state.keepEarlier ? trim({ ...state, keepEarlier: false }) : state;
    case 'deleted': {
      const m = state.messages[action.seq] ?? state.ahead[action.seq];
      if (!m || m.deleted) return state;
      const tombstone = { ...m, deleted: true, body: null };
      return state.messages[action.seq]
        ? { ...state, messages: { ...state.messages, [action.seq]: tombstone } }
        : { ...state, ahead: { ...state.ahead, [action.seq]: tombstone } };
    }
    case 'pending':
      return { ...state, pending: [...state.pending, action.pending] };
    case 'unpending':
      return state.pending.some((p) => p.clientId === action.clientId) ? { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) } : state;
    case 'questions': {
      const questions: Record<string, RoomQuestion> = {};
      for (const q of action.questions) questions[q.id] = q;
      return { ...state, questions };
    }
    case 'question': {
      const known = state.questions[action.question.id];
      // A broadcast does not know who receives it: keep what this person's own answers said about their upvote.
      const upvotedByMe = action.mine ? action.question.upvotedByMe : (known?.upvotedByMe ?? false);
      return { ...state, questions: { ...state.questions, [action.question.id]: { ...action.question, upvotedByMe } } };
    }
    case 'presence':
      return { ...state, presence: action.presence };
    case 'settings':
      return { ...state, settings: action.settings };
    case 'sanction':
      return { ...state, sanction: { kind: action.kind, until: action.until } };
  }
}

/** The shown messages, oldest first. */
export function shownMessages(state: LiveRoomState): RoomMessage[] {
  if (state.lastSeq === null) return [];
  const list: RoomMessage[] = [];
  for (let seq = state.firstSeq; seq <= state.lastSeq; seq++) {
    const m = state.messages[seq];
    if (m) list.push(m);
  }
  return list;
}

/** Whether the room holds a gap that waits to be filled (rule 2: catch up if it stays). */
export const hasGap = (state: LiveRoomState) => Object.keys(state.ahead).length > 0;

/** Questions ranked as the queue shows them: the one being answered first, then open ones by upvotes, then oldest. */
export function rankedQuestions(state: LiveRoomState, status: ReadonlyArray<QuestionStatus> = ['OPEN', 'ANSWERING']): RoomQuestion[] {
  return Object.values(state.questions)
    .filter((q) => status.includes(q.status))
    .sort((a, b) => {
      const answering = Number(b.status === 'ANSWERING') - Number(a.status === 'ANSWERING');
      if (answering !== 0) return answering;
      if (b.upvotes !== a.upvotes) return b.upvotes - a.upvotes;
      return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
    });
}
