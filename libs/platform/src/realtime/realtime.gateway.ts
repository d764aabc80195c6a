import { type OnGatewayConnection, type OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { type ClientToServerEvents, type Principal, type ServerToClientEvents, userRoom } from '@careers/contracts';
import type { Server, Socket } from 'socket.io';
import { AccessTokens } from '../auth/access-tokens.js';
import { Public } from '../auth/decorators.js';
import { AppError } from '../errors/app-error.js';

interface SocketData {
  principal: Principal;
  expiresAt: Date;
  expiry?: NodeJS.Timeout;
}
type ClientSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** How long before expiry a socket is told to refresh its token. */
const WARN_BEFORE_MS = 60_000;

/**
 * The one socket.io connection a client holds. The handshake must carry a
 * valid access token (`auth: { token }`), or the connection is refused. The
 * socket joins its user's room and is disconnected when the token expires,
 * unless the client sends `auth:refresh` with a fresh one before.
 */
@WebSocketGateway({ cors: { origin: true, credentials: false } })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(private readonly tokens: AccessTokens) {}

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>): void {
    server.use(handshakeAuth(this.tokens));
  }

  async handleConnection(socket: ClientSocket): Promise<void> {
    await socket.join(userRoom(socket.data.principal.id));
    this.scheduleExpiry(socket);
    socket.on('disconnect', () => clearTimeout(socket.data.expiry));
  }

  @Public()
  @SubscribeMessage('auth:refresh')
  async refresh(socket: ClientSocket, token: unknown): Promise<{ ok: boolean; expiresAt?: string; error?: string }> {
    if (typeof token !== 'string') return { ok: false, error: 'Send the new access token as a string.' };
    try {
      const { principal, expiresAt } = await this.tokens.verify(token);
      if (principal.id !== socket.data.principal.id) return { ok: false, error: 'The token is for another person.' };
      socket.data.principal = principal;
      socket.data.expiresAt = expiresAt;
      this.scheduleExpiry(socket);
      return { ok: true, expiresAt: expiresAt.toISOString() };
    } catch (error) {
      return { ok: false, error: error instanceof AppError ? error.message : 'The access token is not valid.' };
    }
  }

  private scheduleExpiry(socket: ClientSocket): void {
    clearTimeout(socket.data.expiry);
    const left = socket.data.expiresAt.getTime() - Date.now();
    const warnIn = Math.max(left - WARN_BEFORE_MS, 0);
    socket.data.expiry = setTimeout(() => {
      socket.emit('auth:expiring', { expiresAt: socket.data.expiresAt.toISOString() });
      socket.data.expiry = setTimeout(() => socket.disconnect(true), Math.max(socket.data.expiresAt.getTime() - Date.now(), 0));
    }, warnIn);
  }
}

/**
 * socket.io middleware for any namespace: the handshake must carry a valid
 * access token (`auth: { token }`); the socket's `data.principal` and
 * `data.expiresAt` are set from it, or the connection is refused with
 * UNAUTHENTICATED (`connect_error` with `data.code`).
 */
export function handshakeAuth(tokens: AccessTokens) {
  return (socket: { handshake: { auth?: Record<string, unknown> }; data: Partial<Pick<SocketData, 'principal' | 'expiresAt'>> }, next: (error?: Error) => void) => {
    const token: unknown = socket.handshake.auth?.['token'];
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      return next(refusal('UNAUTHENTICATED', 'Connect with your access token: io(url, { auth: { token } }).'));
    }
    tokens.verify(token).then(
      ({ principal, expiresAt }) => {
        socket.data.principal = principal;
        socket.data.expiresAt = expiresAt;
        next();
      },
      (error: unknown) => next(refusal('UNAUTHENTICATED', error instanceof AppError ? error.message : 'The access token is not valid.')),
    );
  };
}

function refusal(code: string, message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}
