export * from './api-client.js';
export * from './factories.js';
export * from './fixtures.js';
export * from './test-environment.js';
export * from './processes.js';
export * from './waits.js';
export * from './operations/index.js';
