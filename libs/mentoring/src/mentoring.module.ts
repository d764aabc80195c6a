import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { MentoringAudienceRepository } from './audience/mentoring-audience.repository.js';
import { MentoringAudienceResolver } from './audience/mentoring-audience.resolver.js';
import { MentoringAudienceService } from './audience/mentoring-audience.service.js';
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
import { MENTORING_NETWORK_PROVIDERS } from './network/network.providers.js';
import { MentorshipExpiryProcessor, MentorshipExpirySchedule } from './mentorships/expiry.processor.js';
import { MentoringBlockRepository } from './mentorships/mentoring-block.repository.js';
import { MentorshipRepository } from './mentorships/mentorship.repository.js';
import { MentorshipsResolver } from './mentorships/mentorships.resolver.js';
import { MentorshipsService } from './mentorships/mentorships.service.js';
import { QuestionRepository } from './questions/question.repository.js';
import { QuestionsLoaders } from './questions/questions.loaders.js';
import { AnswersResolver, QuestionsResolver } from './questions/questions.resolver.js';
import { QuestionsService } from './questions/questions.service.js';

// Mentorships: requests, decisions, ends, blocks (the api) and expiry (the worker).
const audience = [MentoringAudienceRepository, MentoringAudienceService];
const mentorships = [MentorshipRepository, MentoringBlockRepository, MentorshipsService];
const questions = [QuestionRepository, QuestionsService];

/** Mentoring for the api: mentor profiles, the directory, suggestions, mentorships, and questions and answers over GraphQL. */
@Module({
  providers: [
    ...audience,
    MentoringAudienceResolver,
    MentorRepository,
    MentorSuggestionsRepository,
    MentorsService,
    MentorDirectoryService,
    MentorsResolver,
    ...mentorships,
    MentorshipsResolver,
    ...questions,
    QuestionsLoaders,
    QuestionsResolver,
    AnswersResolver,
    // Conversations (messages, receipts, goals).
    ConversationRepository,
    ConversationsService,
    ConversationsResolver,
    ...MENTORING_NETWORK_PROVIDERS,
  ],
})
export class MentoringModule {}

/**
 * Mentoring for the worker: keeps the mentor profiles' copy of identity's course and graduation year fresh, and on
 * a schedule expires mentorship requests and sends conversations' unread-message emails and check-in prompts.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.MENTORING })],
  providers: [
    MentorRepository,
    RefreshMentorCopyListener,
    ...audience,
    ...mentorships,
    MentorshipExpiryProcessor,
    MentorshipExpirySchedule,
    ConversationScanRepository,
    ConversationScheduleService,
    ConversationScheduleProcessor,
    ConversationSchedule,
  ],
})
export class MentoringWorkerModule {}
