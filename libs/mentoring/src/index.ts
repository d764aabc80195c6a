export * from './mentoring.module.js';
export { MentorsService } from './mentors/mentors.service.js';
export { MentorDirectoryService } from './mentors/mentor-directory.service.js';
export { MATCH_WEIGHTS, MAX_COUNTED, reasonsOf } from './mentors/mentor-match.js';
export { MENTOR_LIMITS } from './mentors/mentor.inputs.js';
export { seedDemoMentors } from './seed.js';

import { Mentoring1764000500000 } from './migrations/1764000500000-mentoring.js';
import { Questions1764000800000 } from './migrations/1764000800000-questions.js';
export const mentoringMigrations = [Mentoring1764000500000, Questions1764000800000];
export { QUESTION_LIMITS } from './questions/question.inputs.js';
