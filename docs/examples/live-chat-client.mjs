// A small client for the live chat room that keeps the delivery guarantee of
// docs/live-chat-delivery.md: every message shown once, in sequence order,
// nothing lost across reconnects, and a send that is retried never posts twice.
//
// It is the client the benchmark (test/bench/live-chat.mjs) runs thousands of
// and the tests run against the api, so it stays true. Plain JavaScript on top
// of socket.io-client; it works in browsers as it does in Node.
//
//   import { io } from 'socket.io-client';
//   const socket = io(`${apiUrl}/live-chats`, { auth: { token }, transports: ['websocket'] });
//   const chat = new LiveChatClient(socket, eventId, { onMessage: (m) => show(m) });
//   await chat.ready;                 // joined and caught up
//   await chat.send('Hello!');        // stored with its sequence number, or a LiveChatError
//   chat.close();
//
// Run on its own against the demo of `npm start`, it signs in as the demo
// student, enters the live chat that is on now, prints what was said and what
// is said next, and stops on Ctrl-C:
//
//   node docs/examples/live-chat-client.mjs [apiUrl]   (default http://localhost:3000)
//
// CHAT_EMAIL / CHAT_PASSWORD sign in as someone else.

/** A refusal from the room, with a code a program can act on (MUTED, SLOW_MODE, ROOM_CLOSED, …). */
export class LiveChatError extends Error {
  constructor(error) {
    super(error?.message ?? 'The room refused the request.');
    this.name = 'LiveChatError';
    this.code = error?.code ?? 'UNKNOWN';
    this.details = error ?? {};
  }
}

const PAGE = 500;

export class LiveChatClient {
  /**
   * @param socket a socket.io-client socket on the `/live-chats` namespace (connected or not)
   * @param eventId the live chat event
   * @param options.onMessage called once per message, in sequence order (deleted ones arrive as tombstones: `deleted: true`, `body: null`)
   * @param options.onDeleted called when a message already shown is deleted
   * @param options.onPresence called with `{ count, hosts }` when presence changes
   * @param options.onError called with a LiveChatError when joining fails (not found, not registered, removed, closed)
   * @param options.afterSeq where to start: 0 (default) shows the whole history, `'latest'` only what comes after joining
   * @param options.ackTimeout milliseconds to wait for the server before a request is retried (default 5000)
   */
  constructor(socket, eventId, options = {}) {
    this.socket = socket;
    this.eventId = eventId;
    this.options = options;
    this.ackTimeout = options.ackTimeout ?? 5000;
    /** The highest sequence number shown: everything up to it has been shown, once, in order. */
    this.lastSeq = options.afterSeq === 'latest' ? null : (options.afterSeq ?? 0);
    this.role = null;
    this.closed = false;
    this.pending = new Map(); // seq → message, arrived ahead of a gap
    this.catchingUp = null;
    this.gapTimer = null;

    this.onMessage = (m) => this.receive(m);
    this.onDeleted = (d) => d.eventId === this.eventId && this.options.onDeleted?.(d);
    this.onPresence = (p) => p.eventId === this.eventId && this.options.onPresence?.(p);
    this.closes = 0; // the connection's closes, and the last one's reason: see request()
    this.refusedPacket = false;
    this.onDisconnect = (reason, details) => {
      this.closes++;
      this.refusedPacket = isRefusedPacket(details);
    };
    this.onConnect = () => {
      this.ready = this.join();
      this.ready.catch((error) => this.options.onError?.(error));
    };
    socket.on('message', this.onMessage);
    socket.on('message:deleted', this.onDeleted);
    socket.on('presence', this.onPresence);
    socket.on('disconnect', this.onDisconnect);
    // Rooms do not survive a reconnect: join again, then ask for what was missed.
    socket.on('connect', this.onConnect);
    if (socket.connected) this.onConnect();
    else this.ready = new Promise((resolve, reject) => {
      socket.once('connect', () => this.ready.then(resolve, reject));
      socket.once('connect_error', (error) => {
        if (!socket.active) reject(new LiveChatError({ code: error.data?.code ?? 'UNAUTHENTICATED', message: error.message }));
      });
    });
  }

  /** Joins the room, then catches up from the last message shown. */
  async join() {
    const joined = await this.request('room:join', { eventId: this.eventId });
    this.role = joined.role;
    this.presence = joined.presence;
    if (this.lastSeq === null) this.lastSeq = joined.lastSeq;
    if (joined.lastSeq > this.lastSeq) await this.catchUp();
    return joined;
  }

  /** Reads every message after the last one shown, page by page, and shows them in order. */
  catchUp() {
    this.catchingUp ??= (async () => {
      try {
        for (;;) {
          const page = await this.request('messages:since', { eventId: this.eventId, afterSeq: this.lastSeq, limit: PAGE });
          for (const m of page.messages) this.receive(m);
          if (!page.hasMore || page.messages.length === 0) break;
        }
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /**
   * Sends a message; resolves with it as stored (with its `seq`). Retried with
   * the same client id until the server answers, so it is stored once.
   */
  async send(body, extra = {}) {
    const clientId = extra.clientId ?? crypto.randomUUID();
    const { message } = await this.request('message:send', { ...extra, eventId: this.eventId, clientId, body }, { joined: true });
    this.receive(message);
    return message;
  }

  /**
   * Emits with an acknowledgement (with `joined`, once the room is joined on
   * this connection); on a timeout, a lost connection or an UNAVAILABLE answer
   * it tries again (the same payload: ids make every room request safe to repeat).
   * Throws a LiveChatError when the server refuses, and TOO_LARGE when the
   * transport closed the connection on the request itself (over socket.io's
   * packet limit): the server never read it, and sending it again would close
   * the connection again, forever.
   */
  async request(event, payload, { joined = false } = {}) {
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new LiveChatError({ code: 'CLOSED', message: 'This client was closed.' });
      if (!this.socket.connected) await new Promise((resolve) => this.socket.once('connect', resolve));
      // After a reconnect, a send waits for the join again (rule 1), or it would be refused with NOT_JOINED.
      if (joined) await this.ready.catch(() => undefined);
      const closes = this.closes;
      let answer;
      try {
        answer = await this.socket.timeout(this.ackTimeout).emitWithAck(event, payload);
      } catch {
        if (this.closes !== closes && this.refusedPacket) {
          throw new LiveChatError({ code: 'TOO_LARGE', message: 'The server closed the connection on this request: it is larger than the server accepts. It was not stored; make it shorter.' });
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** attempt, 5000)));
        continue; // no answer: the request may or may not have arrived; repeating it is safe
      }
      if (answer?.error?.code === 'UNAVAILABLE') {
        // The server is briefly without its database (a restart): it stored nothing; try again when it says.
        await new Promise((resolve) => setTimeout(resolve, (answer.error.retryAfter ?? 5) * 1000));
        continue;
      }
      if (!answer?.ok) throw new LiveChatError(answer?.error);
      return answer;
    }
  }

  /** Shows a message once and in order; one arriving ahead of a gap waits until the gap is filled. */
  receive(message) {
    if (message.eventId !== this.eventId || this.lastSeq === null) return;
    if (message.seq <= this.lastSeq || this.pending.has(message.seq)) return; // seen already
    this.pending.set(message.seq, message);
    while (this.pending.has(this.lastSeq + 1)) {
      const next = this.pending.get(this.lastSeq + 1);
      this.pending.delete(this.lastSeq + 1);
      this.lastSeq = next.seq;
      this.options.onMessage?.(next);
    }
    // Another server may broadcast seq n+1 just before n; if the gap stays, read it from the server.
    clearTimeout(this.gapTimer);
    if (this.pending.size > 0) this.gapTimer = setTimeout(() => this.catchUp().catch(() => undefined), 1000);
  }

  close() {
    this.closed = true;
    clearTimeout(this.gapTimer);
    this.socket.off('message', this.onMessage);
    this.socket.off('message:deleted', this.onDeleted);
    this.socket.off('presence', this.onPresence);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('connect', this.onConnect);
  }
}

/**
 * Whether socket.io-client's `disconnect` details say the server refused a
 * packet for its size: WebSocket close code 1009 (message too big), or HTTP
 * 413 on long-polling. Any other close is a lost connection: retry.
 */
function isRefusedPacket(details) {
  return details?.context?.code === 1009 || details?.description === 413;
}

// ---- Run as a program (not when imported) ------------------------------------

const DEMO = { email: 'student@demo.ac.uk', password: 'careers-demo-2026' };

async function main(apiUrl, email, password) {
  const graphql = async (query, variables, token) => {
    let response;
    try {
      response = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new Error(`Nothing answers at ${apiUrl}. Start the demo with \`npm start\` and run this again, or give the api's address: node docs/examples/live-chat-client.mjs http://host:port`);
    }
    const { data, errors } = await response.json();
    if (errors?.length) throw new Error(errors.map((e) => e.message).join('\n'));
    return data;
  };
  const { signIn } = await graphql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken user { displayName } } }', { i: { email, password } });
  const { upcomingLiveChats } = await graphql('{ upcomingLiveChats(first: 100) { edges { node { id title startsAt endsAt status } } } }', {}, signIn.accessToken);
  const now = Date.now();
  const onNow = upcomingLiveChats.edges
    .map((e) => e.node)
    .find((c) => Date.parse(c.startsAt) <= now && now < Date.parse(c.endsAt));
  if (!onNow) throw new Error(`No live chat ${email} may enter is on now (see upcomingLiveChats for the next ones).`);

  const { io } = await import('socket.io-client');
  const socket = io(`${apiUrl}/live-chats`, { auth: { token: signIn.accessToken }, transports: ['websocket'] });
  const time = (iso) => new Date(iso).toLocaleTimeString();
  let caughtUp = false;
  const chat = new LiveChatClient(socket, onNow.id, {
    onMessage: (m) => console.log(`${caughtUp ? '' : '(earlier) '}[${time(m.createdAt)}] ${m.authorName}: ${m.deleted ? '(deleted)' : m.body}`),
    onError: (e) => {
      console.error(`The room refused ${signIn.user.displayName}: ${e.message} (${e.code})`);
      process.exit(1);
    },
  });
  const stop = () => {
    chat.close();
    socket.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`${signIn.user.displayName} in "${onNow.title}" (until ${time(onNow.endsAt)}). Ctrl-C leaves.`);
  await chat.ready;
  caughtUp = true;
  console.log(`-- caught up (${chat.lastSeq} message${chat.lastSeq === 1 ? '' : 's'}); new messages appear below --`);
}

if (typeof process !== 'undefined' && process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const apiUrl = (process.argv[2] ?? process.env.API_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  main(apiUrl, process.env.CHAT_EMAIL ?? DEMO.email, process.env.CHAT_PASSWORD ?? DEMO.password).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
