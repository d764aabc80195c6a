// A light live chat client for load: the socket.io protocol (engine.io v4 over
// a websocket, namespace `/live-chats`) spoken directly over `ws`, with the
// same behaviour as LiveChatClient (join, catch-up, ordered and de-duplicated
// delivery, send with ids) but without parsing every broadcast in full: it
// reads `seq` and the send time with string searches. The server cannot tell
// it from socket.io-client (same handshake, packets and acks); it lets one
// load-generator core hold thousands of sockets without being the bottleneck.
import WebSocket from 'ws';

const NSP = '/live-chats';

export class LightChatClient {
  constructor(url, token, eventId, { onMessage }) {
    this.url = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    this.token = token;
    this.eventId = eventId;
    this.onMessage = onMessage;
    this.lastSeq = null;
    this.pending = new Set();
    this.acks = new Map();
    this.nextAck = 0;
    this.socket = { connected: false, disconnect: () => this.drop(), connect: () => this.open(), close: () => this.drop() };
    this.ready = this.openWithRetries();
  }

  /** A burst of thousands of connections can overflow the server's accept queue: try again, as socket.io-client would. */
  async openWithRetries(attempts = 5) {
    for (let i = 1; ; i++) {
      try {
        return await this.open();
      } catch (error) {
        if (i >= attempts || !/ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up/.test(String(error?.message ?? error))) throw error;
        await new Promise((r) => setTimeout(r, 200 * i + Math.random() * 500));
      }
    }
  }

  open() {
    this.ws = new WebSocket(this.url, { perMessageDeflate: false });
    const ws = this.ws;
    const connected = new Promise((resolve, reject) => {
      ws.on('message', (data) => {
        const s = data.toString();
        const type = s.charCodeAt(0);
        if (type === 50 /* 2: ping */) return ws.send('3');
        if (type === 48 /* 0: open */) return ws.send(`40${NSP},${JSON.stringify({ token: this.token })}`);
        if (type !== 52 /* 4: message */) return;
        const kind = s.charCodeAt(1);
        const body = s.slice(2 + NSP.length + 1);
        if (kind === 50 /* 2: event */) return this.event(body);
        if (kind === 51 /* 3: ack */) {
          const at = body.indexOf('[');
          const id = Number(body.slice(0, at));
          const answer = this.acks.get(id);
          this.acks.delete(id);
          return answer?.(JSON.parse(body.slice(at))[0]);
        }
        if (kind === 48 /* 0: connected */) {
          this.socket.connected = true;
          return resolve();
        }
        if (kind === 52 /* 4: refused */) reject(new Error(body));
      });
      ws.on('error', reject);
      ws.on('close', () => {
        this.socket.connected = false;
        for (const answer of this.acks.values()) answer({ ok: false, error: { code: 'DISCONNECTED' } });
        this.acks.clear();
      });
    });
    return connected.then(() => this.join());
  }

  drop() {
    this.ws?.terminate();
  }

  request(event, payload) {
    const id = this.nextAck++;
    return new Promise((resolve, reject) => {
      this.acks.set(id, (answer) => (answer?.ok ? resolve(answer) : reject(Object.assign(new Error(answer?.error?.message ?? 'refused'), { code: answer?.error?.code }))));
      this.ws.send(`42${NSP},${id}${JSON.stringify([event, payload])}`);
    });
  }

  async join() {
    const joined = await this.request('room:join', { eventId: this.eventId });
    if (this.lastSeq === null) this.lastSeq = joined.lastSeq;
    if (joined.lastSeq > this.lastSeq) await this.catchUp();
  }

  async catchUp() {
    for (;;) {
      const page = await this.request('messages:since', { eventId: this.eventId, afterSeq: this.lastSeq, limit: 500 });
      for (const m of page.messages) this.receive(m.seq, m.body ?? '');
      if (!page.hasMore || page.messages.length === 0) break;
    }
  }

  async send(body) {
    const { message } = await this.request('message:send', { eventId: this.eventId, clientId: crypto.randomUUID(), body });
    this.receive(message.seq, message.body);
    return message;
  }

  event(s) {
    // ["message",{"eventId":…,"seq":N,…,"body":"bench <time> …",…}]
    if (!s.startsWith('["message"')) return;
    const at = s.indexOf('"seq":') + 6;
    const seq = Number(s.slice(at, s.indexOf(',', at)));
    const b = s.indexOf('"body":"') + 8;
    this.receive(seq, s.slice(b, s.indexOf('"', b)));
  }

  receive(seq, body) {
    if (this.lastSeq === null || seq <= this.lastSeq || this.pending.has(seq)) return;
    this.onMessage?.({ seq, body });
    this.pending.add(seq);
    while (this.pending.delete(this.lastSeq + 1)) this.lastSeq++;
  }

  close() {
    this.drop();
  }
}
