import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { WebSocket, WebSocketServer } from 'ws';
import { webSocketTextFrame } from './room-fan-out.js';

// The fan-out's frames, read by a real WebSocket peer (ws), at each length encoding of RFC 6455.
let server: WebSocketServer;
beforeAll(async () => {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it.each([0, 125, 126, 2_000, 65_535, 65_536, 200_000])('writes a text frame of %i bytes a WebSocket client reads as sent', async (n) => {
  const text = 'é'.repeat(Math.floor(n / 2)) + 'x'.repeat(n % 2); // multi-byte: the length is in bytes
  server.once('connection', (ws) => (ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(webSocketTextFrame(text)));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const [data, isBinary] = (await once(client, 'message')) as [Buffer, boolean];
  client.close();
  expect(isBinary).toBe(false);
  expect(data.toString()).toBe(text);
});
