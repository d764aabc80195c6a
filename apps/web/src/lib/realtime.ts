import { io, type Socket } from 'socket.io-client';
import { currentToken, peekToken, refresh } from './session.js';

/**
 * A socket.io connection to the api's `namespace` ('/' for notifications, '/live-chats' for rooms),
 * authenticated with the in-memory access token at every (re)connect, and renewed in place when the api
 * says the token is expiring (`auth:expiring`, docs/notifications.md). Close it with `socket.close()`.
 */
export function connectSocket(namespace = '/'): Socket {
  const socket = io(namespace, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: (cb) => {
      void currentToken().then((token) => cb({ token: token ?? peekToken() }));
    },
  });
  socket.on('auth:expiring', () => {
    void refresh().then((ok) => {
      const token = peekToken();
      if (ok && token) socket.emit('auth:refresh', token, (r: { ok: boolean }) => r.ok || socket.disconnect());
    });
  });
  return socket;
}
