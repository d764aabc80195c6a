export * from './access-tokens.js';
export * from './auth.guard.js';
export * from './auth.module.js';
export * from './decorators.js';
export * from './policies.js';
export * from './request-of.js';
export * from './signed-token.js';
