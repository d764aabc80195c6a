import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { LiveChatAccess } from '@careers/live-chats';
import { Factory, startApi, type TestApi, twoTenants } from '@careers/testing';
import { createApiApp } from '../src/app.js';

// LiveChatAccess is the live room's door into events: who is host, staff or registered.
let api: TestApi;
let access: LiveChatAccess;
beforeAll(async () => {
  api = await startApi(createApiApp);
  access = api.app.get(LiveChatAccess);
});
afterAll(() => api.close());

const principal = (u: { user: { id: string; role: Role; institutionId: string | null; organisationId: string | null } }) => ({
  id: u.user.id,
  role: u.user.role,
  institutionId: u.user.institutionId,
  organisationId: u.user.organisationId,
  trustLevel: 'NEW' as never,
  sessionId: 'test',
});

it('tells host, audience staff, registered, and nobody apart, with the event facts', async () => {
  const factory = new Factory(api);
  const { a: inst, org, employer: host, staffA: staff, staffB: otherStaff, admin, studentA: registered } = await twoTenants(factory);
  const [colleague, waitlisted] = await Promise.all([
    factory.user(Role.EMPLOYER, { organisation: org }),
    factory.user(Role.STUDENT, { institution: inst }),
  ]);
  const event = await factory.liveChatEvent({
    organisation: org,
    host,
    audience: [inst],
    registered: [registered],
    waitlisted: [waitlisted],
    startsIn: 24 * 60,
    minutes: 60,
    capacity: 1,
  });

  const roleOf = async (u: Parameters<typeof principal>[0]) => (await access.roleInEvent(event.id, principal(u)))?.role;
  expect(await roleOf(host)).toBe('HOST');
  expect(await roleOf(staff)).toBe('STAFF');
  expect(await roleOf(admin)).toBe('STAFF');
  expect(await roleOf(registered)).toBe('REGISTERED');
  expect(await roleOf(waitlisted)).toBeNull();
  expect(await roleOf(colleague)).toBeNull();
  expect(await roleOf(otherStaff)).toBeNull();

  const found = await access.roleInEvent(event.id, principal(host));
  expect(found!.event).toEqual({
    id: event.id,
    title: 'Meet us',
    organisationId: org.id,
    startsAt: event.startsAt,
    endsAt: new Date(event.startsAt.getTime() + 3600_000),
    status: 'APPROVED',
    capacity: 1,
  });
  expect(await access.roleInEvent('00000000-0000-4000-8000-000000000000', principal(host))).toBeNull();
  expect(await access.roleInEvent('not-an-id', principal(host))).toBeNull();
});
