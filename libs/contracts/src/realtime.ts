/** Events the server pushes to clients over socket.io, with their payloads. */
export interface ServerToClientEvents {
  /** A new in-app notification; the list and unread count live in GraphQL. */
  notification: (notification: { id: string; kind: string; title: string; body: string; link: string | null; createdAt: string }) => void;
  /** The access token is about to expire (or has): send `auth:refresh` with a new one, or be disconnected. */
  'auth:expiring': (info: { expiresAt: string }) => void;
  // Mentorship conversations (mentoring): to the two parties' rooms only; GraphQL holds the same, read it after a reconnect.
  /** A new message of a mentorship you are a party of (yours too, for your other tabs). */
  'mentorship:message': (message: MentorshipMessagePush) => void;
  /** The other party of a mentorship read your messages up to `upToMessageId`. */
  'mentorship:read': (receipt: { mentorshipId: string; readerId: string; upToMessageId: string; readAt: string }) => void;
  /** A goal of a mentorship you are a party of was proposed, agreed, completed or removed: read the goals again. */
  'mentorship:goals': (change: { mentorshipId: string }) => void;
}

/** A mentorship message as pushed to its two parties. */
export interface MentorshipMessagePush {
  mentorshipId: string;
  id: string;
  senderId: string;
  body: string;
  clientId: string;
  createdAt: string;
}

export interface ClientToServerEvents {
  /** Extends the connection's life with a fresh access token. */
  'auth:refresh': (token: string, ack: (result: { ok: boolean; expiresAt?: string; error?: string }) => void) => void;
}

/** Every user's sockets join this room; the worker pushes to it through Redis. */
export const userRoom = (userId: string) => `user:${userId}`;
