import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { ConversationSchedule, ConversationScheduleProcessor } from './conversations/conversation-schedule.processor.js';
import { ConversationScheduleService } from './conversations/conversation-schedule.service.js';
import { ConversationScanRepository } from './conversations/conversation-scan.repository.js';
import { ConversationRepository } from './conversations/conversation.repository.js';
import { ConversationsResolver } from './conversations/conversations.resolver.js';
import { ConversationsService } from './conversations/conversations.service.js';
import { MentorDirectoryService } from './mentors/mentor-directory.service.js';
import { MentorSuggestionsRepository } from './mentors/mentor-suggestions.repository.js';
import { MentorRepository } from './mentors/mentor.repository.js';
import { MentorsResolver } from './mentors/mentors.resolver.js';
import { MentorsService } from './mentors/mentors.service.js';
import { RefreshMentorCopyListener } from './mentors/refresh-mentor-copy.listener.js';

/** Mentoring for the api: mentor profiles, the directory and students' suggestions over GraphQL. */
@Module({
  providers: [
    MentorRepository, MentorSuggestionsRepository, MentorsService, MentorDirectoryService, MentorsResolver,
    // Conversations (messages, receipts, goals).
    ConversationRepository, ConversationsService, ConversationsResolver,
  ],
})
export class MentoringModule {}

/** Mentoring for the worker: keeps the mentor profiles' copy of identity's course and graduation year fresh; conversations' schedule. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.MENTORSHIP_CONVERSATIONS })],
  providers: [
    MentorRepository, RefreshMentorCopyListener,
    // Conversations: unread-message emails and check-in prompts on a schedule.
    ConversationScanRepository, ConversationScheduleService, ConversationScheduleProcessor, ConversationSchedule,
  ],
})
export class MentoringWorkerModule {}
