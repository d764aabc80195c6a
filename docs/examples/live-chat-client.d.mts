// Types of live-chat-client.mjs, for TypeScript callers (the tests).
import type { Socket } from 'socket.io-client';
import type { LiveChatMessagePayload, LiveChatPresence, LiveChatRoomErrorCode } from '@careers/contracts';

export class LiveChatError extends Error {
  code: LiveChatRoomErrorCode | 'CLOSED' | 'TOO_LARGE' | 'UNKNOWN';
  details: Record<string, unknown>;
}

export interface LiveChatClientOptions {
  onMessage?: (message: LiveChatMessagePayload) => void;
  onDeleted?: (info: { eventId: string; seq: number }) => void;
  onPresence?: (presence: LiveChatPresence) => void;
  onError?: (error: LiveChatError) => void;
  afterSeq?: number | 'latest';
  ackTimeout?: number;
}

export class LiveChatClient {
  constructor(socket: Socket, eventId: string, options?: LiveChatClientOptions);
  socket: Socket;
  eventId: string;
  lastSeq: number | null;
  role: string | null;
  presence: LiveChatPresence | undefined;
  pending: Map<number, LiveChatMessagePayload>;
  ready: Promise<unknown>;
  join(): Promise<unknown>;
  catchUp(): Promise<void>;
  send(body: string, extra?: { clientId?: string; questionId?: string }): Promise<LiveChatMessagePayload>;
  request(event: string, payload: object, options?: { joined?: boolean }): Promise<Record<string, unknown>>;
  close(): void;
}
