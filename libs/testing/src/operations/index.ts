export * from './identity.js';
export * from './live-chats.js';
export * from './notifications.js';
export * from './vacancies.js';
export * from './network.js';
export * from './questions.js';
export * from './mentorships.js';
export * from './mentorship-conversations.js';
