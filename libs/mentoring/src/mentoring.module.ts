import { Module } from '@nestjs/common';
import { MentorDirectoryService } from './mentors/mentor-directory.service.js';
import { MentorSuggestionsRepository } from './mentors/mentor-suggestions.repository.js';
import { MentorRepository } from './mentors/mentor.repository.js';
import { MentorsResolver } from './mentors/mentors.resolver.js';
import { MentorsService } from './mentors/mentors.service.js';
import { RefreshMentorCopyListener } from './mentors/refresh-mentor-copy.listener.js';
import { QuestionRepository } from './questions/question.repository.js';
import { AnswersResolver, QuestionsResolver } from './questions/questions.resolver.js';
import { QuestionsService } from './questions/questions.service.js';

/** Mentoring for the api: mentor profiles, the directory and students' suggestions over GraphQL. */
@Module({
  providers: [
    MentorRepository,
    MentorSuggestionsRepository,
    MentorsService,
    MentorDirectoryService,
    MentorsResolver,
    // Questions and answers.
    QuestionRepository,
    QuestionsService,
    QuestionsResolver,
    AnswersResolver,
  ],
})
export class MentoringModule {}

/** Mentoring for the worker: keeps the mentor profiles' copy of identity's course and graduation year fresh. */
@Module({
  providers: [MentorRepository, RefreshMentorCopyListener],
})
export class MentoringWorkerModule {}
