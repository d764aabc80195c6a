export * from './mentoring.module.js';
export { MentorsService } from './mentors/mentors.service.js';
export { MentorDirectoryService } from './mentors/mentor-directory.service.js';
export { MATCH_WEIGHTS, MAX_COUNTED, reasonsOf } from './mentors/mentor-match.js';
export { MENTOR_LIMITS } from './mentors/mentor.inputs.js';
export { seedDemoMentors } from './seed.js';
export { NETWORK_LIMITS } from './network/network.inputs.js';

import { Mentoring1764000500000 } from './migrations/1764000500000-mentoring.js';
import { NetworkMap1764000900000 } from './migrations/1764000900000-network-map.js';
export const mentoringMigrations = [Mentoring1764000500000, NetworkMap1764000900000];
