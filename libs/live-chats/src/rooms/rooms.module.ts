import { Module } from '@nestjs/common';
import { LiveChatsCoreModule } from '../live-chats.module.js';
import { LiveChatGateway } from './live-chat.gateway.js';
import { RoomsResolver } from './rooms.resolver.js';
import { RoomFanOut } from './room-fan-out.js';
import { RoomsService } from './rooms.service.js';

/** The live room for the api: the socket.io gateway (`/live-chats`), and questions and transcripts over GraphQL. */
@Module({
  imports: [LiveChatsCoreModule],
  providers: [RoomsService, RoomFanOut, LiveChatGateway, RoomsResolver],
  exports: [RoomsService],
})
export class LiveChatRoomsModule {}
