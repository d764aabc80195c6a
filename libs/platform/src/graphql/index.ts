import './shared-enums.js';
export * from './connection.js';
export * from './errors.js';
export * from './graphql-context.js';
export * from './graphql.module.js';
export * from './loaders.js';
export * from './query-limits.js';
export * from './id.pipe.js';
export * from './decision.input.js';
