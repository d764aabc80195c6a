export * from './mail.module.js';
export * from './mailer.js';
export * from './unsubscribe.js';
