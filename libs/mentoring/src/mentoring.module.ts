import { Module } from '@nestjs/common';
import { MentorDirectoryService } from './mentors/mentor-directory.service.js';
import { MentorSuggestionsRepository } from './mentors/mentor-suggestions.repository.js';
import { MentorRepository } from './mentors/mentor.repository.js';
import { MentorsResolver } from './mentors/mentors.resolver.js';
import { MentorsService } from './mentors/mentors.service.js';

/** Mentoring for the api: mentor profiles, the directory and students' suggestions over GraphQL. It has no jobs yet, so no worker module. */
@Module({
  providers: [MentorRepository, MentorSuggestionsRepository, MentorsService, MentorDirectoryService, MentorsResolver],
})
export class MentoringModule {}
