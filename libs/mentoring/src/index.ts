export * from './mentoring.module.js';
export { MentorsService } from './mentors/mentors.service.js';
export { MentorDirectoryService } from './mentors/mentor-directory.service.js';
export { MATCH_WEIGHTS, MAX_COUNTED, reasonsOf } from './mentors/mentor-match.js';
export { MENTOR_LIMITS } from './mentors/mentor.inputs.js';
export { seedDemoMentors } from './seed.js';
export { NETWORK_LIMITS } from './network/network.inputs.js';
export { MentorshipsService } from './mentorships/mentorships.service.js';
export { MENTORSHIP_LIMITS } from './mentorships/mentorship.inputs.js';
export { seedDemoConversations } from './seed-conversations.js';

import { Mentoring1764000500000 } from './migrations/1764000500000-mentoring.js';
import { Mentorships1764000600000 } from './migrations/1764000600000-mentorships.js';
import { MentorshipConversations1764000700000 } from './migrations/1764000700000-mentorship-conversations.js';
import { Questions1764000800000 } from './migrations/1764000800000-questions.js';
import { NetworkMap1764000900000 } from './migrations/1764000900000-network-map.js';
import { MentoringAudience1764001100000 } from './migrations/1764001100000-mentoring-audience.js';
export const mentoringMigrations = [
  Mentoring1764000500000,
  Mentorships1764000600000,
  MentorshipConversations1764000700000,
  Questions1764000800000,
  NetworkMap1764000900000,
  MentoringAudience1764001100000,
];
export { QUESTION_LIMITS } from './questions/question.inputs.js';
export { CONVERSATION_LIMITS } from './conversations/conversation.inputs.js';
