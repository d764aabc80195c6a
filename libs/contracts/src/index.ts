export * from './roles.js';
export * from './principal.js';
export * from './queues.js';
export * from './events.js';
export * from './realtime.js';
export * from './ports.js';
export * from './live-chat-room.js';
export * from './approval.js';
