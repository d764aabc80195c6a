import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { type ApiProcess, createPrivateDatabase, eventually, Factory, SIGN_UP, startApi, startApiProcess, type TestApi } from '@careers/testing';
import pg from 'pg';
import { createApiApp } from '../../apps/api/src/app.js';
import { schemaParts } from '../../apps/api/src/database.js';

// An operator alerts on error level: ordinary refusals must not reach it, the unexpected must, with its stack.
let database: { url: string; drop(): Promise<void> };
let api: ApiProcess;
let fixtures: TestApi;

beforeAll(async () => {
  // A database of this file's own: the last test breaks a table to cause an unexpected error.
  database = await createPrivateDatabase(process.env['DATABASE_URL']!, schemaParts);
  api = await startApiProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'debug' }, { captureLogs: true });
  fixtures = await startApi(createApiApp, { DATABASE_URL: database.url, MIGRATIONS_RUN: 'false' });
}, 120_000);
afterAll(async () => {
  await fixtures?.close();
  await api?.stop();
  await database?.drop();
});

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors: { extensions: { code: string; requestId: string } }[] };
  return body.errors[0]!.extensions;
}

const linesOf = (reqId: string) => api.logs.filter((l) => l['reqId'] === reqId || (l['req'] as { id?: string } | undefined)?.id === reqId);
/** Waits for pino-http's line of the request, written once the response is: every line of the request is out by then. */
const finished = (reqId: string) => eventually(`the log of request ${reqId}`, async () => linesOf(reqId).some((l) => l['msg'] === 'request completed'));

it('logs ordinary refusals below error level, with their code and request id', async () => {
  const institution = await new Factory(fixtures).institution();
  const student = await new Factory(fixtures).user(Role.STUDENT, { institution });
  const from = api.logs.length;

  const refusals = [
    await gql(`{ me { id } }`),
    await gql(`{ me { id `),
    await gql(SIGN_UP, { input: { email: 'not an email', password: 'x', displayName: 'X', role: 'STUDENT' } }),
    await gql(SIGN_UP, { input: { email: student.email, password: 'a long enough password', displayName: 'X', role: 'STUDENT' } }),
    await gql(`query($id: ID!) { user(id: $id) { id } }`, { id: randomUUID() }, student.token),
    await gql(`{ queues { name } }`, {}, student.token),
  ];
  expect(refusals.map((r) => r.code)).toEqual(['UNAUTHENTICATED', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

  // The REST routes' refusals: an unsubscribe page, a calendar and a feed that do not exist.
  const rest = await Promise.all(
    ['/unsubscribe?token=forged.token', '/calendar/nothing.ics', '/alerts/feeds/nothing-of-the-kind-here-x.atom'].map((path) => fetch(`${api.url}${path}`)),
  );
  expect(rest.map((r) => r.status)).toEqual([400, 404, 404]);

  for (const r of refusals) await finished(r.requestId);
  for (const r of rest) await finished(r.headers.get('x-request-id')!);
  const lines = api.logs.slice(from);
  expect(lines.filter((l) => Number(l['level']) >= 40)).toEqual([]);
  for (const { code, requestId } of refusals) {
    expect(linesOf(requestId)).toContainEqual(expect.objectContaining({ level: 30, code, reqId: requestId }));
  }
  // Answered in words, as plain text: not JSON under the Content-Type the route set for its page or calendar.
  expect(rest[0]!.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(await rest[0]!.text()).toMatch(/This unsubscribe link is not valid/);
});

it('logs an unexpected error at error level with its stack and request id', async () => {
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  await db.query('ALTER TABLE institution RENAME TO institution_gone');
  await db.end();

  const from = api.logs.length;
  const error = await gql(`{ institutions(first: 1) { edges { node { id } } } }`);
  expect(error.code).toBe('INTERNAL_SERVER_ERROR');
  await finished(error.requestId);
  // Once, with what an operator needs to find it: not a second time without the request id.
  const errors = api.logs.slice(from).filter((l) => Number(l['level']) >= 50);
  expect(errors).toEqual([expect.objectContaining({ reqId: error.requestId, msg: 'GraphQL resolver failed' })]);
  expect((errors[0]!['err'] as { stack: string }).stack).toMatch(/relation "institution" does not exist\n\s+at /);
});
