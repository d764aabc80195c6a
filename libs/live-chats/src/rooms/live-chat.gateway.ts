// Over 300 lines on purpose: it is the room's whole socket protocol in one place, one short handler per client event
// in one route table, sharing the per-socket state (joined roles, requests in flight, token buckets) that the
// handshake sets up. The rules are in the room's services and the SQL in its repositories; splitting the table would
// only spread that state across files.
import { Inject, type OnModuleDestroy } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  LIVE_CHAT_NAMESPACE,
  type LiveChatClientToServerEvents,
  type LiveChatRoomRole,
  type LiveChatServerToClientEvents,
  liveChatPersonRoom,
  liveChatRoom,
  type Principal,
} from '@careers/contracts';
import { AccessTokens, APP_CONFIG, type AppConfig, handshakeAuth, isTransientInfrastructureError, ROOT_LOGGER, unavailable } from '@careers/platform';
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import { RoomError, roomError } from './room-error.js';
import { RoomFanOut } from './room-fan-out.js';
import { RoomPresence } from './room-presence.js';
import { RoomControlsService } from './room-controls.service.js';
import { RoomQuestionsService } from './room-questions.service.js';
import { parse, schemas, sendLimitRule } from './room-requests.js';
import { RoomsService } from './rooms.service.js';
import { TokenBuckets } from './token-buckets.js';

interface SocketData {
  principal: Principal;
  expiresAt: Date;
  name?: string;
  /** The rooms this socket joined, with its role in each (plain data: remote servers read it through fetchSockets). */
  roles: Record<string, LiveChatRoomRole>;
}
type RoomSocket = Socket<LiveChatClientToServerEvents, LiveChatServerToClientEvents, Record<string, never>, SocketData>;
type RoomNamespace = Namespace<LiveChatClientToServerEvents, LiveChatServerToClientEvents, Record<string, never>, SocketData>;

/** An answer with what to do once the caller has it: a message is acknowledged, then broadcast. */
class AnswerThen {
  constructor(
    readonly answer: object,
    readonly next: () => void,
  ) {}
}

/** Requests one socket may have in flight; more are refused at once. */
const MAX_IN_FLIGHT = 4;

/**
 * The live room over socket.io (namespace `/live-chats`). The handshake
 * carries the access token, as on the main namespace; every request checks
 * the caller's role in the event afresh (RoomsService) and is acknowledged
 * with `{ ok: true, … }` or `{ ok: false, error: { code, message } }`.
 * Floods are refused before any database work (per-person token bucket, a
 * cap on requests in flight per socket, packet size capped by the adapter:
 * SOCKET_MAX_PACKET, far above the largest valid request, so an oversized
 * body is answered with BAD_USER_INPUT rather than a closed socket).
 * Rooms span api processes through the platform's Redis adapter.
 */
@WebSocketGateway({ namespace: LIVE_CHAT_NAMESPACE, cors: { origin: true, credentials: false } })
export class LiveChatGateway implements OnGatewayInit, OnModuleDestroy {
  @WebSocketServer() private readonly nsp!: RoomNamespace;
  private readonly sends: TokenBuckets;
  private readonly requests = new TokenBuckets(20, 10);
  private readonly inFlight = new WeakMap<RoomSocket, number>();
  private readonly presence = new RoomPresence(
    async (eventId) =>
      (await this.nsp.in(liveChatRoom(eventId)).fetchSockets()).map((s) => {
        const data = s.data as SocketData;
        return { userId: data.principal.id, role: data.roles?.[eventId], name: data.name };
      }),
    (eventId, p) => this.fanOut.emit(eventId, 'presence', p),
    (error) => this.logger.warn({ err: error }, 'live chat presence failed'),
  );

  constructor(
    private readonly rooms: RoomsService,
    private readonly asked: RoomQuestionsService,
    private readonly controls: RoomControlsService,
    private readonly fanOut: RoomFanOut,
    private readonly tokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.sends = new TokenBuckets(config.LIVE_CHAT_SEND_LIMIT, config.LIVE_CHAT_SEND_LIMIT / config.LIVE_CHAT_SEND_WINDOW);
  }

  /** The requests, by event name. */
  private readonly routes: Record<string, (socket: RoomSocket, payload: unknown) => Promise<object | AnswerThen>> = {
    'room:join': (s, p) => this.join(s, p),
    'room:leave': (s, p) => this.leave(s, p),
    'message:send': (s, p) => this.send(s, p),
    'messages:since': (s, p) => this.since(s, p),
    'message:delete': (s, p) => this.deleteMessage(s, p),
    'questions:list': (s, p) => this.questions(s, p),
    'question:ask': (s, p) => this.ask(s, p),
    'question:upvote': (s, p) => this.upvote(s, p),
    'question:answering': (s, p) => this.answering(s, p),
    'question:dismiss': (s, p) => this.dismiss(s, p),
    'participant:mute': (s, p) => this.mute(s, p),
    'participant:remove': (s, p) => this.remove(s, p),
    'room:slow-mode': (s, p) => this.slowMode(s, p),
    'room:close': (s, p) => this.close(s, p),
  };

  afterInit(nsp: RoomNamespace): void {
    this.fanOut.attach(nsp as unknown as Namespace);
    nsp.use(handshakeAuth(this.tokens));
    nsp.on('connection', (socket: RoomSocket) => {
      socket.data.roles = {};
      // One listener per socket dispatches every request (Nest's @SubscribeMessage costs a chain of
      // observables per handler per socket: tens of KB per connection, measured by bench:chat).
      socket.onAny((event: string, ...args: unknown[]) => {
        const ack = args.at(-1);
        if (typeof ack !== 'function') return; // every request is acknowledged; one that wants no answer is ignored
        const route = this.routes[event];
        void this.handle(socket, () => (route ? route(socket, args[0]) : Promise.reject(roomError('BAD_USER_INPUT', `There is no request named ${event}.`)))).then(
          ({ answer, next }) => {
            (ack as (a: object) => void)(answer);
            next?.();
          },
        );
      });
      socket.on('disconnect', () => {
        for (const eventId of Object.keys(socket.data.roles)) this.presence.schedule(eventId);
      });
    });
  }

  onModuleDestroy(): void {
    this.presence.stop();
    this.sends.stop();
    this.requests.stop();
  }

  /** Runs a request with the checks every request gets, and turns the outcome into an acknowledgement. */
  private async handle(socket: RoomSocket, work: () => Promise<object | AnswerThen>): Promise<{ answer: object; next?: () => void }> {
    const inFlight = this.inFlight.get(socket) ?? 0;
    try {
      if (socket.data.expiresAt.getTime() <= Date.now()) {
        setTimeout(() => socket.disconnect(true), 0);
        throw roomError('UNAUTHENTICATED', 'Your access token has expired: reconnect with a fresh one.');
      }
      const wait = this.requests.take(socket.id);
      if (wait > 0 || inFlight >= MAX_IN_FLIGHT) {
        throw roomError('RATE_LIMITED', 'Too many requests at once: wait for the answers before sending more.', { retryAfter: Math.max(1, Math.ceil(wait)) });
      }
      this.inFlight.set(socket, inFlight + 1);
      try {
        const done = await work();
        return done instanceof AnswerThen ? { answer: { ok: true, ...done.answer }, next: done.next } : { answer: { ok: true, ...done } };
      } finally {
        this.inFlight.set(socket, (this.inFlight.get(socket) ?? 1) - 1);
      }
    } catch (error) {
      if (error instanceof RoomError) return { answer: { ok: false, error: error.toJSON() } };
      if (isTransientInfrastructureError(error)) {
        // The database restarting: a code the client rules say to retry, so a message typed meanwhile is sent.
        this.logger.warn({ err: error }, 'live chat request refused: infrastructure unavailable');
        const { message, details } = unavailable();
        return { answer: { ok: false, error: { code: 'UNAVAILABLE', message, retryAfter: details['retryAfterSeconds'] } } };
      }
      this.logger.error({ err: error }, 'live chat request failed');
      return { answer: { ok: false, error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; try again.' } } };
    }
  }

  private assertJoined(socket: RoomSocket, eventId: string): void {
    if (!socket.data.roles[eventId]) throw roomError('NOT_JOINED', 'Join the room first (room:join).');
  }

  private async join(socket: RoomSocket, payload: unknown): Promise<object> {
    const { eventId } = parse(schemas.join, payload);
    const joined = await this.rooms.join(eventId, socket.data.principal);
    socket.data.name ??= await this.rooms.nameOf(socket.data.principal.id);
    // From the size check to the join, nothing awaits: a burst of joins on this process cannot pass the limit.
    // Across processes the count is the last presence (at most about a second old).
    const room = liveChatRoom(eventId);
    const local = this.nsp.adapter.rooms.get(room)?.size ?? 0;
    const known = Math.max(local, this.presence.last(eventId)?.count ?? 0);
    if (joined.role === 'REGISTERED' && !socket.data.roles[eventId] && known >= this.config.LIVE_CHAT_MAX_ROOM_SIZE) {
      throw roomError('ROOM_FULL', `The room is full (${this.config.LIVE_CHAT_MAX_ROOM_SIZE} people). Try again later: people leave.`);
    }
    socket.data.roles[eventId] = joined.role;
    await socket.join([room, liveChatPersonRoom(eventId, socket.data.principal.id)]);
    this.presence.schedule(eventId);
    const presence = this.presence.last(eventId) ?? { eventId, count: local + 1, hosts: [] };
    return { role: joined.role, lastSeq: joined.lastSeq, presence, state: joined.state };
  }

  private async leave(socket: RoomSocket, payload: unknown): Promise<object> {
    const { eventId } = parse(schemas.join, payload);
    delete socket.data.roles[eventId];
    await socket.leave(liveChatRoom(eventId));
    await socket.leave(liveChatPersonRoom(eventId, socket.data.principal.id));
    this.presence.schedule(eventId);
    return {};
  }

  private async send(socket: RoomSocket, payload: unknown): Promise<AnswerThen> {
    // A flood is refused here, before any parsing beyond the shape or any database work.
    this.takeSend(socket);
    const input = parse(schemas.send, payload);
    this.assertJoined(socket, input.eventId);
    const { message, answered } = await this.rooms.send(input.eventId, socket.data.principal, input, socket.data.name ?? 'Someone');
    // Stored, acknowledged, then broadcast (again, for a retry: clients drop what they have seen). The
    // sender's answer does not wait for thousands of writes to the others.
    return new AnswerThen({ message }, () => {
      this.fanOut.emit(input.eventId, 'message', message);
      if (answered) {
        this.fanOut.emit(input.eventId, 'question', answered);
        void this.broadcastState(input.eventId);
      }
    });
  }

  /** One send (a message or a question) from the person's bucket, or RATE_LIMITED saying what the limit is. */
  private takeSend(socket: RoomSocket): void {
    const wait = this.sends.take(socket.data.principal.id);
    if (wait > 0) {
      throw roomError('RATE_LIMITED', `You are sending too fast: you may send ${sendLimitRule(this.config.LIVE_CHAT_SEND_LIMIT, this.config.LIVE_CHAT_SEND_WINDOW)}.`, {
        retryAfter: Math.max(1, Math.ceil(wait)),
      });
    }
  }

  private async since(socket: RoomSocket, payload: unknown): Promise<object> {
    const input = parse(schemas.since, payload);
    this.assertJoined(socket, input.eventId);
    return this.rooms.since(input.eventId, socket.data.principal, input.afterSeq, input.limit);
  }

  private async deleteMessage(socket: RoomSocket, payload: unknown): Promise<object> {
    const { eventId, seq } = parse(schemas.delete, payload);
    const { deleted } = await this.controls.deleteMessage(eventId, socket.data.principal, seq);
    if (deleted) this.fanOut.emit(eventId, 'message:deleted', { eventId, seq });
    return {};
  }

  private async questions(socket: RoomSocket, payload: unknown): Promise<object> {
    const { eventId } = parse(schemas.join, payload);
    return { questions: await this.asked.questions(eventId, socket.data.principal) };
  }

  private async ask(socket: RoomSocket, payload: unknown): Promise<object> {
    this.takeSend(socket);
    const { eventId, ...input } = parse(schemas.ask, payload);
    const question = await this.asked.ask(eventId, socket.data.principal, input);
    this.fanOut.emit(eventId, 'question', question);
    return { question };
  }

  private async upvote(socket: RoomSocket, payload: unknown): Promise<object> {
    const { eventId, questionId } = parse(schemas.question, payload);
    const question = await this.asked.upvote(eventId, socket.data.principal, questionId);
    this.fanOut.emit(eventId, 'question', { ...question, upvotedByMe: false });
    return { question };
  }

  private answering(socket: RoomSocket, payload: unknown): Promise<object> {
    return this.decide(socket, payload, 'ANSWERING');
  }

  private dismiss(socket: RoomSocket, payload: unknown): Promise<object> {
    return this.decide(socket, payload, 'DISMISSED');
  }

  private async decide(socket: RoomSocket, payload: unknown, status: 'ANSWERING' | 'DISMISSED'): Promise<object> {
    const { eventId, questionId } = parse(schemas.question, payload);
    const question = await this.asked.decide(eventId, socket.data.principal, questionId, status);
    this.fanOut.emit(eventId, 'question', question);
    await this.broadcastState(eventId);
    return { question };
  }

  private async mute(socket: RoomSocket, payload: unknown): Promise<object> {
    const { eventId, userId, minutes } = parse(schemas.mute, payload);
    const { until } = await this.controls.mute(eventId, socket.data.principal, userId, minutes);
    this.nsp.to(liveChatPersonRoom(eventId, userId)).emit('room:sanction', { eventId, kind: 'MUTE', until: until.toISOString() });
    return { until: until.toISOString() };
  }

  private async remove(socket: RoomSocket, payload: unknown): Promise<object> {
    const { eventId, userId } = parse(schemas.remove, payload);
    await this.controls.remove(eventId, socket.data.principal, userId);
    // On every api process: tell them, then disconnect their sockets; joining again is refused (REMOVED).
    const person = liveChatPersonRoom(eventId, userId);
    this.nsp.to(person).emit('room:sanction', { eventId, kind: 'REMOVE', until: null });
    this.nsp.in(person).disconnectSockets(true);
    this.presence.schedule(eventId);
    return {};
  }

  private async slowMode(socket: RoomSocket, payload: unknown): Promise<object> {
    const { eventId, seconds } = parse(schemas.slow, payload);
    const state = await this.controls.slowMode(eventId, socket.data.principal, seconds);
    this.fanOut.emit(eventId, 'room:state', state);
    return { state };
  }

  private async close(socket: RoomSocket, payload: unknown): Promise<object> {
    const { eventId } = parse(schemas.join, payload);
    const state = await this.controls.close(eventId, socket.data.principal);
    this.fanOut.emit(eventId, 'room:state', state);
    return { state };
  }

  private async broadcastState(eventId: string): Promise<void> {
    this.fanOut.emit(eventId, 'room:state', await this.rooms.state(eventId));
  }
}
