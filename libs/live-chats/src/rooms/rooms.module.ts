import { Module } from '@nestjs/common';
import { LiveChatsCoreModule } from '../live-chats.module.js';
import { LiveChatGateway } from './live-chat.gateway.js';
import { RoomsResolver } from './rooms.resolver.js';
import { RoomControlsService } from './room-controls.service.js';
import { RoomFanOut } from './room-fan-out.js';
import { RoomMessagesRepository } from './room-messages.repository.js';
import { RoomQuestionsRepository } from './room-questions.repository.js';
import { RoomQuestionsService } from './room-questions.service.js';
import { RoomRepository } from './room.repository.js';
import { RoomsService } from './rooms.service.js';

/** The live room for the api: the socket.io gateway (`/live-chats`), and questions and transcripts over GraphQL. */
@Module({
  imports: [LiveChatsCoreModule],
  providers: [RoomRepository, RoomMessagesRepository, RoomQuestionsRepository, RoomsService, RoomQuestionsService, RoomControlsService, RoomFanOut, LiveChatGateway, RoomsResolver],
  exports: [RoomsService],
})
export class LiveChatRoomsModule {}
