import { useCallback, useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { connectSocket } from '../../../lib/realtime.js';
import {
  hasGap,
  initialRoomState,
  liveRoomReducer,
  type LiveRoomState,
  type RoomAction,
  type RoomMessage,
  type RoomPresence,
  type RoomQuestion,
  type RoomRefusal,
  type RoomRole,
  type RoomSettings,
} from './liveRoomState.js';

// The socket side of the live room, as docs/live-chat-delivery.md's four rules and its reference client
// (docs/examples/live-chat-client.mjs) say: join and catch up after every (re)connect, show by seq (the reducer),
// send with a client id and retry with the same one, act on refusals.

const PAGE = 500;
const ACK_TIMEOUT = 5000;
/** How many older messages "Show earlier messages" reads at a time. */
const EARLIER_PAGE = 100;

/** A refusal thrown by `request`. */
export class RoomRefused extends Error {
  constructor(readonly refusal: RoomRefusal) {
    super(refusal.message);
    this.name = 'RoomRefused';
  }
}

type Answer = { ok: true; [key: string]: unknown } | { ok: false; error: RoomRefusal };

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether socket.io's `disconnect` details say the server refused the packet for its size (1009, or 413 on polling). */
function isRefusedPacket(details: unknown): boolean {
  const d = details as { context?: { code?: number }; description?: number } | undefined;
  return d?.context?.code === 1009 || d?.description === 413;
}

export interface LiveRoom {
  state: LiveRoomState;
  /** Sends a message (an answer to `questionId` for hosts); resolves with the refusal, or null once stored. */
  send(body: string, questionId?: string): Promise<RoomRefusal | null>;
  ask(body: string): Promise<RoomRefusal | null>;
  upvote(questionId: string): Promise<RoomRefusal | null>;
  answering(questionId: string): Promise<RoomRefusal | null>;
  dismiss(questionId: string): Promise<RoomRefusal | null>;
  deleteMessage(seq: number): Promise<RoomRefusal | null>;
  mute(userId: string, minutes: number): Promise<RoomRefusal | null>;
  remove(userId: string): Promise<RoomRefusal | null>;
  slowMode(seconds: number): Promise<RoomRefusal | null>;
  closeRoom(): Promise<RoomRefusal | null>;
  /** Reads the page of messages before the oldest shown. */
  loadEarlier(): Promise<RoomRefusal | null>;
  /** The person follows the newest messages again (the oldest may leave the page). */
  follow(): void;
}

/** The live room of event `eventId` over the `/live-chats` namespace, for as long as the component is mounted. */
export function useLiveRoom(eventId: string): LiveRoom {
  const [state, setState] = useState<LiveRoomState>(initialRoomState);
  // The reducer runs here, synchronously, so the socket code always reads the current lastSeq.
  const current = useRef<LiveRoomState>(initialRoomState);
  const dispatch = useCallback((action: RoomAction) => {
    const next = liveRoomReducer(current.current, action);
    if (next !== current.current) {
      current.current = next;
      setState(next);
    }
  }, []);
  const socketRef = useRef<Socket | null>(null);
  const readyRef = useRef<Promise<unknown>>(Promise.resolve());
  const closedRef = useRef(false);
  const closesRef = useRef(0);
  const refusedPacketRef = useRef(false);

  /**
   * Emits with an acknowledgement; on a timeout, a lost connection or UNAVAILABLE it sends the same payload
   * again (ids make every room request safe to repeat). With `joined`, it waits for this connection's join.
   */
  const request = useCallback(async (event: string, payload: object, { joined = false } = {}): Promise<Record<string, unknown>> => {
    for (let attempt = 0; ; attempt++) {
      const socket = socketRef.current;
      if (closedRef.current || !socket) throw new RoomRefused({ code: 'CLOSED', message: 'You left the room.' });
      if (!socket.connected) await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
      if (joined) await readyRef.current.catch(() => undefined);
      const closes = closesRef.current;
      let answer: Answer;
      try {
        answer = (await socket.timeout(ACK_TIMEOUT).emitWithAck(event, payload)) as Answer;
      } catch {
        if (closesRef.current !== closes && refusedPacketRef.current) {
          throw new RoomRefused({ code: 'TOO_LARGE', message: 'The server closed the connection on this message: it is larger than the server accepts. It was not sent; make it shorter.' });
        }
        // No answer on a connection that still looks open: the network under it went quiet (a dead Wi-Fi, a
        // tunnel), which socket.io would notice only at its next missed ping, up to 45 s on. Say so and connect
        // afresh now; the new connection joins and catches up, and this request goes again with its ids.
        if (closesRef.current === closes && socket.connected && socketRef.current === socket) {
          dispatch({ type: 'disconnected' });
          socket.io.engine.close();
        }
        await delay(Math.min(200 * 2 ** attempt, 5000));
        continue;
      }
      if (!answer.ok && answer.error.code === 'UNAVAILABLE') {
        await delay((answer.error.retryAfter ?? 5) * 1000);
        continue;
      }
      if (!answer.ok) throw new RoomRefused(answer.error);
      return answer;
    }
  }, [dispatch]);

  /**
   * Reads every message after the last one shown, page by page (rule 1). Right after a join it runs on that
   * connection; otherwise (a gap that stayed) it waits for the join. Loops running at once are harmless: the
   * reducer shows each message once.
   */
  const readSince = useCallback(
    async (afterJoin: boolean) => {
      for (;;) {
        const afterSeq = current.current.lastSeq ?? 0;
        const page = (await request('messages:since', { eventId, afterSeq, limit: PAGE }, { joined: !afterJoin })) as { messages: RoomMessage[]; hasMore: boolean };
        dispatch({ type: 'messages', messages: page.messages });
        if (!page.hasMore || page.messages.length === 0) break;
      }
    },
    [dispatch, eventId, request],
  );

  useEffect(() => {
    closedRef.current = false;
    const socket = connectSocket('/live-chats');
    socketRef.current = socket;
    let opensTimer: ReturnType<typeof setTimeout> | undefined;

    const join = async () => {
      const closes = closesRef.current;
      try {
        const joined = (await request('room:join', { eventId })) as { role: RoomRole; lastSeq: number; presence: RoomPresence; state: RoomSettings };
        dispatch({ type: 'joined', role: joined.role, lastSeq: joined.lastSeq, presence: joined.presence, settings: joined.state });
        const [, questions] = await Promise.all([
          joined.lastSeq > (current.current.lastSeq ?? 0) ? readSince(true) : undefined,
          request('questions:list', { eventId }) as Promise<{ questions: RoomQuestion[] }>,
        ]);
        dispatch({ type: 'questions', questions: questions.questions });
      } catch (error) {
        // request() throws only refusals; CLOSED: the page left.
        if (!(error instanceof RoomRefused) || error.refusal.code === 'CLOSED') return;
        // The connection dropped while joining (NOT_JOINED on the new one): the next connection's join takes over.
        if (closesRef.current !== closes) return;
        dispatch({ type: 'refused', refusal: error.refusal });
        // Not open yet: try again when it opens (if that is today).
        const opensAt = error.refusal.code === 'ROOM_NOT_OPEN' && error.refusal.opensAt ? Date.parse(error.refusal.opensAt) - Date.now() : NaN;
        if (opensAt > 0 && opensAt < 12 * 3_600_000) {
          clearTimeout(opensTimer);
          opensTimer = setTimeout(() => void (readyRef.current = join()), opensAt + 500);
        }
      }
    };
    const onConnect = () => {
      dispatch({ type: 'connecting' });
      readyRef.current = join();
    };
    const onDisconnect = (_reason: string, details?: unknown) => {
      closesRef.current++;
      refusedPacketRef.current = isRefusedPacket(details);
      dispatch({ type: 'disconnected' });
    };
    // A browser that knows it is offline says so at once; the socket would notice only when a ping is missed.
    const onOffline = () => {
      dispatch({ type: 'disconnected' });
      if (socket.connected) socket.io.engine.close();
    };
    const onOnline = () => {
      if (!socket.connected && socket.active) socket.connect();
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('message', (m: RoomMessage) => m.eventId === eventId && dispatch({ type: 'messages', messages: [m] }));
    socket.on('message:deleted', (d: { eventId: string; seq: number }) => d.eventId === eventId && dispatch({ type: 'deleted', seq: d.seq }));
    socket.on('presence', (p: RoomPresence) => p.eventId === eventId && dispatch({ type: 'presence', presence: p }));
    socket.on('question', (q: RoomQuestion) => q.eventId === eventId && dispatch({ type: 'question', question: q, mine: false }));
    socket.on('room:state', (s: RoomSettings) => s.eventId === eventId && dispatch({ type: 'settings', settings: s }));
    socket.on('room:sanction', (s: { eventId: string; kind: 'MUTE' | 'REMOVE'; until: string | null }) => {
      if (s.eventId !== eventId) return;
      dispatch({ type: 'sanction', kind: s.kind, until: s.until });
      if (s.kind === 'REMOVE') dispatch({ type: 'refused', refusal: { code: 'REMOVED', message: 'You were removed from this live chat by its hosts or careers staff.' } });
    });
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    return () => {
      closedRef.current = true;
      clearTimeout(opensTimer);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      if (socket.connected) socket.emit('room:leave', { eventId }, () => undefined);
      socket.close();
      socketRef.current = null;
      current.current = initialRoomState;
    };
  }, [dispatch, eventId, readSince, request]);

  // Rule 2: a gap that stays about a second is read from the server.
  const gap = hasGap(state);
  useEffect(() => {
    if (!gap) return;
    const timer = setTimeout(() => void readSince(false).catch(() => undefined), 1000);
    return () => clearTimeout(timer);
  }, [gap, state.lastSeq, readSince]);

  const attempt = useCallback(async (run: () => Promise<unknown>): Promise<RoomRefusal | null> => {
    try {
      await run();
      return null;
    } catch (error) {
      if (error instanceof RoomRefused) return error.refusal;
      throw error;
    }
  }, []);

  const questionAnswer = (answer: Record<string, unknown>) => dispatch({ type: 'question', question: answer['question'] as RoomQuestion, mine: true });

  return {
    state,
    async send(body, questionId) {
      const clientId = crypto.randomUUID();
      dispatch({ type: 'pending', pending: { clientId, body, questionId: questionId ?? null } });
      const refusal = await attempt(async () => {
        const answer = await request('message:send', { eventId, clientId, body, ...(questionId ? { questionId } : {}) }, { joined: true });
        dispatch({ type: 'messages', messages: [answer['message'] as RoomMessage] });
      });
      if (refusal) dispatch({ type: 'unpending', clientId });
      return refusal;
    },
    ask: (body) => attempt(async () => questionAnswer(await request('question:ask', { eventId, clientId: crypto.randomUUID(), body }, { joined: true }))),
    upvote: (questionId) => attempt(async () => questionAnswer(await request('question:upvote', { eventId, questionId }, { joined: true }))),
    answering: (questionId) => attempt(async () => questionAnswer(await request('question:answering', { eventId, questionId }, { joined: true }))),
    dismiss: (questionId) => attempt(async () => questionAnswer(await request('question:dismiss', { eventId, questionId }, { joined: true }))),
    deleteMessage: (seq) =>
      attempt(async () => {
        await request('message:delete', { eventId, seq }, { joined: true });
        dispatch({ type: 'deleted', seq });
      }),
    mute: (userId, minutes) => attempt(() => request('participant:mute', { eventId, userId, minutes }, { joined: true })),
    remove: (userId) => attempt(() => request('participant:remove', { eventId, userId }, { joined: true })),
    slowMode: (seconds) =>
      attempt(async () => {
        const answer = await request('room:slow-mode', { eventId, seconds }, { joined: true });
        dispatch({ type: 'settings', settings: answer['state'] as RoomSettings });
      }),
    closeRoom: () =>
      attempt(async () => {
        const answer = await request('room:close', { eventId }, { joined: true });
        dispatch({ type: 'settings', settings: answer['state'] as RoomSettings });
      }),
    loadEarlier: () =>
      attempt(async () => {
        const { firstSeq } = current.current;
        if (firstSeq <= 1) return;
        const afterSeq = Math.max(0, firstSeq - 1 - EARLIER_PAGE);
        const page = (await request('messages:since', { eventId, afterSeq, limit: firstSeq - 1 - afterSeq }, { joined: true })) as { messages: RoomMessage[] };
        dispatch({ type: 'earlier', messages: page.messages });
      }),
    follow: () => dispatch({ type: 'follow' }),
  };
}
