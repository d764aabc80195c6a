export * from './api-client.js';
export * from './factories.js';
export * from './test-environment.js';
export * from './processes.js';
