export * from './identity.js';
export * from './live-chats.js';
export * from './notifications.js';
export * from './vacancies.js';
export * from './questions.js';
