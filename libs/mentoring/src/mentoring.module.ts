import { Module } from '@nestjs/common';
import { MentorDirectoryService } from './mentors/mentor-directory.service.js';
import { MentorSuggestionsRepository } from './mentors/mentor-suggestions.repository.js';
import { MentorRepository } from './mentors/mentor.repository.js';
import { MentorsResolver } from './mentors/mentors.resolver.js';
import { MentorsService } from './mentors/mentors.service.js';
import { RefreshMentorCopyListener } from './mentors/refresh-mentor-copy.listener.js';
import { MENTORING_NETWORK_PROVIDERS } from './network/network.providers.js';

/** Mentoring for the api: mentor profiles, the directory and students' suggestions over GraphQL. */
@Module({
  providers: [MentorRepository, MentorSuggestionsRepository, MentorsService, MentorDirectoryService, MentorsResolver, ...MENTORING_NETWORK_PROVIDERS],
})
export class MentoringModule {}

/** Mentoring for the worker: keeps the mentor profiles' copy of identity's course and graduation year fresh. */
@Module({
  providers: [MentorRepository, RefreshMentorCopyListener],
})
export class MentoringWorkerModule {}
