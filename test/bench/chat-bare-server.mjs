// The ceiling for the live room: a bare socket.io server speaking the same
// protocol as the api's `/live-chats` namespace (room:join, message:send,
// messages:since, the `message` broadcast) with nothing else: no auth, no
// storage (messages in an array), no Redis adapter, no limits, no framework.
//
// Prints one JSON line {"port": N} once listening; stops when its stdin closes
// or on SIGTERM.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false, transports: ['websocket'], maxHttpBufferSize: 256 * 1024 }) // as the api's SOCKET_MAX_PACKET;
const rooms = new Map(); // eventId → { messages: [], byClient: Map }

const roomOf = (eventId) => {
  let room = rooms.get(eventId);
  if (!room) rooms.set(eventId, (room = { messages: [], byClient: new Map() }));
  return room;
};

io.of('/live-chats').on('connection', (socket) => {
  socket.on('room:join', async ({ eventId } = {}, ack) => {
    await socket.join(`live-chat:${eventId}`);
    const room = roomOf(eventId);
    ack?.({ ok: true, role: 'REGISTERED', lastSeq: room.messages.length, presence: { count: 0, hosts: [] } });
  });
  socket.on('message:send', ({ eventId, clientId, body } = {}, ack) => {
    const room = roomOf(eventId);
    const key = `${socket.id}:${clientId}`;
    const known = room.byClient.get(key);
    if (known) return ack?.({ ok: true, message: known });
    const message = { eventId, seq: room.messages.length + 1, clientId, authorId: socket.id, authorName: 'bench', body, kind: 'MESSAGE', createdAt: new Date().toISOString() };
    room.messages.push(message);
    room.byClient.set(key, message);
    ack?.({ ok: true, message });
    io.of('/live-chats').to(`live-chat:${eventId}`).emit('message', message);
  });
  socket.on('messages:since', ({ eventId, afterSeq, limit } = {}, ack) => {
    const room = roomOf(eventId);
    const page = room.messages.slice(afterSeq, afterSeq + Math.min(limit ?? 100, 500));
    ack?.({ ok: true, messages: page, hasMore: afterSeq + page.length < room.messages.length });
  });
});

http.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: http.address().port })}\n`));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 2000).unref();
  io.close(() => process.exit(0));
}
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

// The benchmark asks for memory figures that count only what is kept: collect first (node --expose-gc).
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  setTimeout(() => process.stdout.write(`${JSON.stringify({ memory: process.memoryUsage() })}\n`), 200);
});
