/** Events the server pushes to clients over socket.io, with their payloads. */
export interface ServerToClientEvents {
  /** A new in-app notification; the list and unread count live in GraphQL. */
  notification: (notification: { id: string; kind: string; title: string; body: string; link: string | null; createdAt: string }) => void;
  /** The access token is about to expire (or has): send `auth:refresh` with a new one, or be disconnected. */
  'auth:expiring': (info: { expiresAt: string }) => void;
}

export interface ClientToServerEvents {
  /** Extends the connection's life with a fresh access token. */
  'auth:refresh': (token: string, ack: (result: { ok: boolean; expiresAt?: string; error?: string }) => void) => void;
}

/** Every user's sockets join this room; the worker pushes to it through Redis. */
export const userRoom = (userId: string) => `user:${userId}`;
