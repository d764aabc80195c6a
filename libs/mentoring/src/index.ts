export * from './mentoring.module.js';
export { MentorsService } from './mentors/mentors.service.js';
export { MentorDirectoryService } from './mentors/mentor-directory.service.js';
export { MATCH_WEIGHTS, MAX_COUNTED, reasonsOf } from './mentors/mentor-match.js';
export { MENTOR_LIMITS } from './mentors/mentor.inputs.js';
export { seedDemoMentors } from './seed.js';
export { NETWORK_LIMITS } from './network/network.inputs.js';
export { MentorshipsService } from './mentorships/mentorships.service.js';
export { MENTORSHIP_LIMITS } from './mentorships/mentorship.inputs.js';

import { Mentoring1764000500000 } from './migrations/1764000500000-mentoring.js';
import { Mentorships1764000600000 } from './migrations/1764000600000-mentorships.js';
import { Questions1764000800000 } from './migrations/1764000800000-questions.js';
import { NetworkMap1764000900000 } from './migrations/1764000900000-network-map.js';
export const mentoringMigrations = [Mentoring1764000500000, Mentorships1764000600000, Questions1764000800000, NetworkMap1764000900000];
export { QUESTION_LIMITS } from './questions/question.inputs.js';
