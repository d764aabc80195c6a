import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
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
import { AnswersResolver, QuestionsResolver } from './questions/questions.resolver.js';
import { QuestionsService } from './questions/questions.service.js';

// Mentorships: requests, decisions, ends, blocks (the api) and expiry (the worker).
const mentorships = [MentorshipRepository, MentoringBlockRepository, MentorshipsService];
const questions = [QuestionRepository, QuestionsService];

/** Mentoring for the api: mentor profiles, the directory, suggestions, mentorships, and questions and answers over GraphQL. */
@Module({
  providers: [
    MentorRepository,
    MentorSuggestionsRepository,
    MentorsService,
    MentorDirectoryService,
    MentorsResolver,
    ...mentorships,
    MentorshipsResolver,
    ...questions,
    QuestionsResolver,
    AnswersResolver,
    ...MENTORING_NETWORK_PROVIDERS,
  ],
})
export class MentoringModule {}

/**
 * Mentoring for the worker: keeps the mentor profiles' copy of identity's course and graduation year fresh, and
 * expires mentorship requests on a schedule.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.MENTORING })],
  providers: [MentorRepository, RefreshMentorCopyListener, ...mentorships, MentorshipExpiryProcessor, MentorshipExpirySchedule],
})
export class MentoringWorkerModule {}
