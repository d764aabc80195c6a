import type { LiveChatRoomError, LiveChatRoomErrorCode } from '@careers/contracts';
import { AppError, ErrorCode } from '@careers/platform';

/** A refusal of the room, with a code a client can act on (sent in the acknowledgement). */
export class RoomError extends Error {
  constructor(
    readonly code: LiveChatRoomErrorCode,
    message: string,
    readonly details: Omit<LiveChatRoomError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'RoomError';
  }

  toJSON(): LiveChatRoomError {
    return { code: this.code, message: this.message, ...this.details };
  }

  /** The same refusal for GraphQL, where the codes are the platform's. */
  toAppError(): AppError {
    const code: ErrorCode =
      this.code === 'NOT_FOUND' ? ErrorCode.NOT_FOUND
      : this.code === 'BAD_USER_INPUT' ? ErrorCode.BAD_USER_INPUT
      : this.code === 'RATE_LIMITED' || this.code === 'SLOW_MODE' ? ErrorCode.RATE_LIMITED
      : this.code === 'UNAUTHENTICATED' ? ErrorCode.UNAUTHENTICATED
      : ErrorCode.FORBIDDEN;
    return new AppError(code, this.message, { reason: this.code, ...this.details });
  }
}

export const roomError = (code: LiveChatRoomErrorCode, message: string, details?: Omit<LiveChatRoomError, 'code' | 'message'>) =>
  new RoomError(code, message, details);
