// Jest in ESM mode (NestJS 12 is ESM-only); see CONTRIBUTING.md.
const swc = {
  swcrc: false, // .swcrc is for builds (it leaves spec files out)
  module: { type: 'es6' },
  sourceMaps: 'inline',
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
};

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // Decorators record types only when reflect-metadata is loaded before them; main.ts does the same.
  setupFiles: ['reflect-metadata'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@careers/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@careers/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/bench/'],
  reporters: ['default', '<rootDir>/test/summary-reporter.mjs'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 30_000,
  maxWorkers: process.env.CI ? 2 : '50%',
};
