export * from './mentoring.module.js';
export { MentorsService } from './mentors/mentors.service.js';
export { MentorDirectoryService } from './mentors/mentor-directory.service.js';
export { MATCH_WEIGHTS, MAX_COUNTED, reasonsOf } from './mentors/mentor-match.js';
export { MENTOR_LIMITS } from './mentors/mentor.inputs.js';
export { seedDemoMentors } from './seed.js';
export { seedDemoConversations } from './seed-conversations.js';

import { Mentoring1764000500000 } from './migrations/1764000500000-mentoring.js';
import { MentorshipConversations1764000700000 } from './migrations/1764000700000-mentorship-conversations.js';
export const mentoringMigrations = [Mentoring1764000500000, MentorshipConversations1764000700000];
export { CONVERSATION_LIMITS } from './conversations/conversation.inputs.js';
