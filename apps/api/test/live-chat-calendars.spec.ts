import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import { CANCEL_LIVE_CHAT, DECIDE_LIVE_CHAT, Factory, ok, REGISTER_FOR_LIVE_CHAT, SCHEDULE_LIVE_CHAT, startApi, type TestApi, type TestUser, UPDATE_LIVE_CHAT } from '@careers/testing';
import ICAL from 'ical.js';
import { createApiApp } from '../src/app.js';

// iCalendar: a signed link per event, and a secret personal feed; parsed with a real parser (ical.js).
const EVENT = `query($id: ID!) { liveChat(id: $id) { icsUrl } }`;
const FEED = `mutation { regenerateLiveChatCalendarFeed { url createdAt } }`;
const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

let api: TestApi;
let factory: Factory;
let inst: Institution;
let employer: TestUser;
let staff: TestUser;

beforeAll(async () => {
  api = await startApi(createApiApp, { PUBLIC_URL: 'https://careers.example' });
  factory = new Factory(api);
  inst = await factory.institution();
  const org = await factory.organisation({ approvedBy: inst });
  [employer, staff] = await Promise.all([factory.user(Role.EMPLOYER, { organisation: org }), factory.user(Role.STAFF, { institution: inst })]);
});
afterAll(() => api.close());

/** Fetches a calendar URL from the test server (PUBLIC_URL is where people would reach it). */
async function fetchIcs(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(url.replace('https://careers.example', api.url));
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

function vevents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, sequence: e.sequence, status: v.getFirstPropertyValue('status'), start: e.startDate.toJSDate().toISOString() };
  });
}

async function approvedEvent(title: string, capacity = 10): Promise<string> {
  const i = { title, description: 'Bring, questions; please', startsAt: inHours(48), endsAt: inHours(49), capacity, institutionIds: [inst.id] };
  const { id, icsUrl } = ok(await api.gql(SCHEDULE_LIVE_CHAT, { i }, employer.token)).scheduleLiveChat;
  expect(icsUrl).toBeNull(); // pending: nothing to put in a calendar yet
  ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: true } }, staff.token));
  return id;
}

it("serves an approved event's .ics by a signed link only, with SEQUENCE and STATUS following reschedule and cancel", async () => {
  const id = await approvedEvent('Meet the partners');
  const student = await factory.user(Role.STUDENT, { institution: inst });
  const url: string = ok(await api.gql(EVENT, { id }, student.token)).liveChat.icsUrl;
  expect(url).toMatch(new RegExp(`^https://careers.example/live-chats/${id}/event.ics\\?token=`));

  const first = await fetchIcs(url);
  expect(first.status).toBe(200);
  expect(first.type).toBe('text/calendar; charset=utf-8');
  expect(vevents(first.text)).toEqual([{ uid: `live-chat-${id}@careers.example`, summary: 'Meet the partners', sequence: 0, status: 'CONFIRMED', start: expect.any(String) }]);

  // Without the right signature: as if there were no such calendar.
  expect((await fetchIcs(url.replace(/token=.*/, 'token=forged'))).status).toBe(404);
  const other = await approvedEvent('Another chat');
  expect((await fetchIcs(url.replace(id, other))).status).toBe(404);

  const newStart = inHours(50);
  ok(await api.gql(UPDATE_LIVE_CHAT, { id, i: { startsAt: newStart, endsAt: inHours(51) } }, employer.token));
  expect(vevents((await fetchIcs(url)).text)[0]).toMatchObject({ sequence: 1, status: 'CONFIRMED', start: new Date(newStart).toISOString().replace(/\.\d{3}Z$/, '.000Z') });
  ok(await api.gql(CANCEL_LIVE_CHAT, { id, r: 'Our speaker is ill' }, employer.token));
  expect(vevents((await fetchIcs(url)).text)[0]).toMatchObject({ sequence: 2, status: 'CANCELLED' });
});

it("lists a person's registered (not waitlisted) chats in their secret feed, which a new URL replaces", async () => {
  const [registered, full] = [await approvedEvent('Registered chat'), await approvedEvent('Full chat', 1)];
  const [student, other] = await Promise.all([factory.user(Role.STUDENT, { institution: inst }), factory.user(Role.STUDENT, { institution: inst })]);
  ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id: full }, other.token));
  ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id: registered }, student.token));
  expect(ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id: full }, student.token)).registerForLiveChat.status).toBe('WAITLISTED');

  const oldUrl: string = ok(await api.gql(FEED, {}, student.token)).regenerateLiveChatCalendarFeed.url;
  expect(oldUrl).toMatch(/^https:\/\/careers.example\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await fetchIcs(oldUrl);
  expect(feed.status).toBe(200);
  expect(vevents(feed.text).map((e) => e.summary)).toEqual(['Registered chat']);

  // The host's own feed lists what they host.
  const hostFeed = await fetchIcs(ok(await api.gql(FEED, {}, employer.token)).regenerateLiveChatCalendarFeed.url);
  expect(vevents(hostFeed.text).map((e) => e.summary)).toEqual(expect.arrayContaining(['Registered chat', 'Full chat']));

  const newUrl: string = ok(await api.gql(FEED, {}, student.token)).regenerateLiveChatCalendarFeed.url;
  expect(newUrl).not.toBe(oldUrl);
  expect((await fetchIcs(oldUrl)).status).toBe(404);
  expect((await fetchIcs(newUrl)).status).toBe(200);
  expect((await fetchIcs(newUrl.replace(/\/calendar\/.*/, '/calendar/nothing.ics'))).status).toBe(404);
});

it("shows a person's current feed address again, only to them, until a new one replaces it", async () => {
  const CURRENT = `query { liveChatCalendarFeed { url createdAt } }`;
  const [student, other] = await Promise.all([factory.user(Role.STUDENT, { institution: inst }), factory.user(Role.STUDENT, { institution: inst })]);
  expect(ok(await api.gql(CURRENT, {}, student.token)).liveChatCalendarFeed).toBeNull();

  const made = ok(await api.gql(FEED, {}, student.token)).regenerateLiveChatCalendarFeed;
  expect(ok(await api.gql(CURRENT, {}, student.token)).liveChatCalendarFeed).toEqual(made);
  expect((await fetchIcs(made.url)).status).toBe(200);
  // Someone else has none of their own, and never sees this one.
  expect(ok(await api.gql(CURRENT, {}, other.token)).liveChatCalendarFeed).toBeNull();

  const replaced = ok(await api.gql(FEED, {}, student.token)).regenerateLiveChatCalendarFeed;
  expect(replaced.url).not.toBe(made.url);
  expect(ok(await api.gql(CURRENT, {}, student.token)).liveChatCalendarFeed.url).toBe(replaced.url);
  expect((await fetchIcs(made.url)).status).toBe(404);
  expect((await api.gql(CURRENT, {})).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
});
