import { Module } from '@nestjs/common';
import { LiveChatsCoreModule } from '../live-chats.module.js';
import { LiveChatGateway } from './live-chat.gateway.js';
import { RoomsResolver } from './rooms.resolver.js';
import { RoomsService } from './rooms.service.js';

/** The live room for the api: the socket.io gateway (`/live-chats`), and questions and transcripts over GraphQL. */
@Module({
  imports: [LiveChatsCoreModule],
  providers: [RoomsService, LiveChatGateway, RoomsResolver],
  exports: [RoomsService],
})
export class LiveChatRoomsModule {}
