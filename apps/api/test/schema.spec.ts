import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { startApi, type TestApi } from '@careers/testing';
import { printSchema } from 'graphql';
import { createApiApp } from '../src/app.js';

const file = new URL('../schema.graphql', import.meta.url);
const HEADER = '# Generated from the code by `npm run schema:write`. CI fails when this file and the code disagree.\n\n';

let api: TestApi;
beforeAll(async () => {
  api = await startApi(createApiApp);
});
afterAll(() => api.close());

it('matches the committed schema (apps/api/schema.graphql)', () => {
  const printed = HEADER + printSchema(api.app.get(GraphQLSchemaHost).schema) + '\n';
  if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(file, printed);
  const committed = readFileSync(file, 'utf8');
  if (committed !== printed) {
    throw new Error('apps/api/schema.graphql is out of date with the code: run `npm run schema:write` and commit it.');
  }
  expect(committed).toBe(printed);
});
