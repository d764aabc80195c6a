import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrivateDatabase, ok, startApi, type TestApi } from '@careers/testing';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';
import { schemaParts } from '../src/database.js';
import { seedDemoData } from '../src/demo-data.js';

// The demo data of `npm start`'s first start (apps/api/src/demo-data.ts), on a database of this file's own (the
// demo institution is one per database), read back through the api as each demo person would on their pages.
let database: { url: string; drop(): Promise<void> };
let api: TestApi;
const tokens: Record<string, string> = {};
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await createPrivateDatabase(process.env['DATABASE_URL']!, schemaParts);
  api = await startApi(createApiApp, { DATABASE_URL: database.url, MIGRATIONS_RUN: 'false' });
  expect((await seedDemoData(api.app.get(DataSource))).map((a) => a.email)).toContain('student@demo.ac.uk');
  for (const email of ['student@demo.ac.uk', 'staff@demo.ac.uk', 'employer@acme.example', 'employer@northwind.example', 'alumnus@demo.ac.uk']) {
    const signIn = ok<{ signIn: { accessToken: string } }>(
      await api.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, { i: { email, password: 'careers-demo-2026' } }),
    );
    tokens[email] = signIn.signIn.accessToken;
  }
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await api?.close();
  await database?.drop();
});

const as = <T>(email: string, query: string, variables: Record<string, unknown> = {}) => api.gql<T>(query, variables, tokens[email]).then(ok);
const nodes = <T>(connection: { edges: { node: T }[] }) => connection.edges.map((e) => e.node);
type Chat = { id: string; title: string; startsAt: string; endsAt: string; capacity: number; registeredCount: number; myRegistration: { status: string; waitlistPlace: number | null } | null };
const CHAT_FIELDS = 'id title startsAt endsAt capacity registeredCount myRegistration { status waitlistPlace }';

it('seeds once: a second run finds the demo institution and writes nothing', async () => {
  expect(await seedDemoData(api.app.get(DataSource))).toEqual([]);
});

describe('careers staff', () => {
  it('have an employer, a vacancy and a live chat awaiting their decision, and unread notifications about them', async () => {
    const data = await as<{
      organisationApprovals: { edges: { node: { organisation: { name: string } } }[] };
      vacancyApprovals: { edges: { node: { title: string; status: string } }[] };
      liveChatsAwaitingApproval: { edges: { node: { event: { title: string } } }[] };
      unreadNotificationCount: number;
      notifications: { edges: { node: { title: string; link: string } }[] };
    }>(
      'staff@demo.ac.uk',
      `{ organisationApprovals(status: PENDING, first: 10) { edges { node { organisation { name } } } }
         vacancyApprovals(first: 10) { edges { node { title status } } }
         liveChatsAwaitingApproval(first: 10) { edges { node { event { title } } } }
         unreadNotificationCount
         notifications(first: 10, unreadOnly: true) { edges { node { title link } } } }`,
    );
    expect(nodes(data.organisationApprovals).map((a) => a.organisation.name)).toEqual(['Northwind Energy']);
    expect(nodes(data.vacancyApprovals)).toEqual([{ title: 'Graduate policy analyst', status: 'PENDING_APPROVAL' }]);
    expect(nodes(data.liveChatsAwaitingApproval).map((a) => a.event.title)).toEqual(['Careers in climate data']);
    expect(data.unreadNotificationCount).toBe(3);
    expect(nodes(data.notifications).map((n) => n.link.replace(/#.*/, ''))).toEqual(['/approvals/live-chats', '/approvals/vacancies', '/approvals/organisations']);
  });
});

describe('the employer', () => {
  it("sees its rejected vacancy with the institution's reason, and a notification of it", async () => {
    const data = await as<{
      organisationVacancies: { edges: { node: { title: string; targets: { institutionName: string; decision: string; reason: string | null }[] } }[] };
      notifications: { edges: { node: { title: string; readAt: string | null } }[] };
    }>(
      'employer@acme.example',
      `{ organisationVacancies(status: REJECTED, first: 10) { edges { node { title targets { institutionName decision reason } } } }
         notifications(first: 10) { edges { node { title readAt } } } }`,
    );
    expect(nodes(data.organisationVacancies)).toEqual([
      {
        title: 'Marketing intern (unpaid)',
        targets: [{ institutionName: 'Demo University', decision: 'REJECTED', reason: expect.stringContaining('paid internships') }],
      },
    ]);
    expect(nodes(data.notifications).map((n) => n.title)).toContain('Vacancy not approved: Marketing intern (unpaid)');
  });

  it('sees the registrations and the waitlist of its full chat tomorrow', async () => {
    const chats = nodes((await as<{ upcomingLiveChats: { edges: { node: Chat }[] } }>('student@demo.ac.uk', `{ upcomingLiveChats(first: 10) { edges { node { ${CHAT_FIELDS} } } } }`)).upcomingLiveChats);
    const full = chats.find((c) => c.title === 'A day in data: graduate roles at Acme')!;
    expect(full).toMatchObject({ capacity: 3, registeredCount: 3 });
    const list = (status: string) =>
      as<{ liveChatRegistrations: { edges: { node: { displayName: string; waitlistPlace: number | null } }[] } }>(
        'employer@acme.example',
        `query($id: ID!, $s: LiveChatRegistrationStatus!) { liveChatRegistrations(eventId: $id, status: $s, first: 10) { edges { node { displayName waitlistPlace } } } }`,
        { id: full.id, s: status },
      ).then((d) => nodes(d.liveChatRegistrations));
    expect((await list('REGISTERED')).map((r) => r.displayName).sort()).toEqual(['Alan Alumnus', 'Priya Patel', 'Tom Okafor']);
    expect(await list('WAITLISTED')).toEqual([
      { displayName: 'Stella Student', waitlistPlace: 1 },
      { displayName: 'Mei Chen', waitlistPlace: 2 },
    ]);
  });

  it('of a pending organisation is there, waiting for the demo institution', async () => {
    const me = await as<{ me: { organisation: { name: string; approvals: { status: string; institution: { name: string } }[] } } }>(
      'employer@northwind.example',
      `{ me { organisation { name approvals { status institution { name } } } } }`,
    );
    expect(me.me.organisation).toEqual({ name: 'Northwind Energy', approvals: [{ status: 'PENDING', institution: { name: 'Demo University' } }] });
  });
});

describe('the demo student', () => {
  it('is suggested the demo alumnus as a mentor, with the reasons in words, and finds him in the directory', async () => {
    const data = await as<{
      mentorSuggestions: { mentor: { displayName: string; placesFree: number }; reasons: string[] }[];
      mentors: { edges: { node: { displayName: string } }[] };
    }>('student@demo.ac.uk', `{
      mentorSuggestions(first: 5) { mentor { displayName placesFree } reasons }
      mentors(first: 5, filter: { search: "contr" }) { edges { node { displayName } } }
    }`);
    // One of his three places is the demo student's own mentorship with him (seed-mentorships.ts).
    expect(data.mentorSuggestions[0]).toMatchObject({ mentor: { displayName: 'Alan Alumnus', placesFree: 2 } });
    expect(data.mentorSuggestions[0]!.reasons.join('; ')).toMatch(/same sector: law.*history/i);
    expect(nodes(data.mentors).map((m) => m.displayName)).toEqual(['Alan Alumnus']);
  });

  it('is in an active mentorship with the demo alumnus, who has a request from Mei Chen waiting', async () => {
    const mine = await as<{ myMentorships: { edges: { node: { status: string; myRole: string; mentor: { displayName: string } } }[] } }>(
      'student@demo.ac.uk',
      `{ myMentorships(first: 5) { edges { node { status myRole mentor { displayName } } } } }`,
    );
    expect(nodes(mine.myMentorships)).toEqual([{ status: 'ACTIVE', myRole: 'MENTEE', mentor: { displayName: 'Alan Alumnus' } }]);
    const inbox = await as<{ mentorRequests: { edges: { node: { asksFor: string; mentee: { displayName: string } } }[] } }>(
      'alumnus@demo.ac.uk',
      `{ mentorRequests(first: 5) { edges { node { asksFor mentee { displayName } } } } }`,
    );
    expect(nodes(inbox.mentorRequests)).toEqual([{ asksFor: 'CV_FEEDBACK', mentee: { displayName: 'Mei Chen' } }]);
  });

  it('has a mentorship with the demo alumnus whose conversation holds messages, read by both, and an agreed goal', async () => {
    const [row]: { id: string }[] = await api.app.get(DataSource).query(`SELECT id FROM mentorship WHERE status = 'ACTIVE' ORDER BY created_at LIMIT 1`);
    const data = await as<{
      mentorshipConversation: { otherPartyName: string; unreadCount: number; goals: { text: string; status: string }[] };
      mentorshipMessages: { edges: { node: { body: string; readByRecipient: boolean } }[] };
    }>('student@demo.ac.uk', `{
      mentorshipConversation(mentorshipId: "${row!.id}") { otherPartyName unreadCount goals { text status } }
      mentorshipMessages(mentorshipId: "${row!.id}", first: 10) { edges { node { body readByRecipient } } }
    }`);
    expect(data.mentorshipConversation).toMatchObject({ otherPartyName: 'Alan Alumnus', unreadCount: 0, goals: [{ status: 'AGREED' }] });
    expect(nodes(data.mentorshipMessages)).toHaveLength(4);
    expect(nodes(data.mentorshipMessages).every((m) => m.readByRecipient)).toBe(true);
  });

  it('has a chat on now (from the time of seeding), a waitlist place tomorrow and a chat to register for', async () => {
    const chats = nodes((await as<{ upcomingLiveChats: { edges: { node: Chat }[] } }>('student@demo.ac.uk', `{ upcomingLiveChats(first: 10) { edges { node { ${CHAT_FIELDS} } } } }`)).upcomingLiveChats);
    expect(chats.map((c) => c.title)).toEqual(['Ask Acme Analytics anything', 'A day in data: graduate roles at Acme', 'Data careers clinic: bring your CV']);
    const [onNow, tomorrow, nextWeek] = chats;
    expect(Date.parse(onNow!.startsAt)).toBeLessThan(Date.now());
    expect(Date.parse(onNow!.endsAt)).toBeGreaterThan(Date.now() + 3 * 3600_000);
    expect(onNow!.myRegistration).toEqual({ status: 'REGISTERED', waitlistPlace: null });
    expect(tomorrow!.myRegistration).toEqual({ status: 'WAITLISTED', waitlistPlace: 1 });
    expect(nextWeek!.myRegistration).toBeNull();
    expect(nextWeek!.registeredCount).toBeLessThan(nextWeek!.capacity);
  });

  it("enters the live room on now: it holds messages, an answered question and open ones ranked by upvotes", async () => {
    const chats = nodes((await as<{ upcomingLiveChats: { edges: { node: Chat }[] } }>('student@demo.ac.uk', `{ upcomingLiveChats(first: 1) { edges { node { ${CHAT_FIELDS} } } } }`)).upcomingLiveChats);
    const eventId = chats[0]!.id;
    const socket = io(`${api.url}/live-chats`, { auth: { token: tokens['student@demo.ac.uk'] }, transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
    const ask = (event: string, payload: object): Promise<any> => socket.timeout(10_000).emitWithAck(event, payload);
    const joined = await ask('room:join', { eventId });
    expect(joined).toMatchObject({ ok: true, role: 'REGISTERED', lastSeq: 7 });
    const since = await ask('messages:since', { eventId, afterSeq: 0, limit: 100 });
    expect(since.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(since.messages[0]).toMatchObject({ authorName: 'Erin Employer', authorRole: 'HOST' });
    expect(since.messages.map((m: { authorName: string }) => m.authorName)).toContain('Stella Student');
    const questions = (await ask('questions:list', { eventId })).questions as { body: string; status: string; upvotes: number; answerSeq: number | null }[];
    const answered = questions.find((q) => q.status === 'ANSWERED')!;
    expect(answered).toMatchObject({ body: 'How long is the training at the start of the graduate scheme?', answerSeq: 7 });
    expect(since.messages[6]).toMatchObject({ questionId: expect.any(String), authorRole: 'HOST' });
    const open = questions.filter((q) => q.status === 'OPEN');
    expect(open.map((q) => q.upvotes)).toEqual([3, 1, 0]);
    // And the room is live: the student's message is the next number.
    const sent = await ask('message:send', { eventId, clientId: crypto.randomUUID(), body: 'Hello from the test' });
    expect(sent).toMatchObject({ ok: true, message: { seq: 8 } });
  });

  it('has an alert with matches, and unread notifications among read ones', async () => {
    const data = await as<{
      alertSubscriptions: { edges: { node: { name: string } }[] };
      alertMatches: { edges: { node: { alertName: string; why: string; vacancy: { title: string } } }[] };
      unreadNotificationCount: number;
      notifications: { edges: { node: { kind: string; title: string; link: string; readAt: string | null } }[] };
    }>(
      'student@demo.ac.uk',
      `{ alertSubscriptions(first: 10) { edges { node { name } } }
         alertMatches(first: 10) { edges { node { alertName why vacancy { title } } } }
         unreadNotificationCount
         notifications(first: 20) { edges { node { kind title link readAt } } } }`,
    );
    expect(nodes(data.alertSubscriptions)).toEqual([{ name: 'Law and policy' }]);
    expect(nodes(data.alertMatches)).toEqual([
      { alertName: 'Law and policy', why: 'keyword: policy', vacancy: { title: 'Policy research volunteer' } },
      { alertName: 'Law and policy', why: 'keyword: legal', vacancy: { title: 'Summer legal internship' } },
    ]);
    const notifications = nodes(data.notifications);
    expect(notifications.filter((n) => n.kind === 'vacancy-alert').map((n) => n.title)).toEqual([
      'New vacancy: Policy research volunteer at Civic Futures',
      'New vacancy: Summer legal internship at Demo Chambers',
    ]);
    expect(data.unreadNotificationCount).toBeGreaterThan(0);
    expect(notifications.some((n) => n.readAt)).toBe(true);
    expect(notifications.map((n) => n.kind)).toEqual(expect.arrayContaining(['live-chat-reminder', 'live-chat-follow-up-answered']));
    // Every link opens a page of the client: a vacancy, a live chat or its Q&A page.
    for (const n of notifications) expect(n.link).toMatch(/^\/(vacancies|live-chats)\/[0-9a-f-]{36}(\/qa#[0-9a-f-]{36})?$/);
  });

  it("finds the past chat's published Q&A page, with its follow-ups (one answered)", async () => {
    const found = await as<{ searchLiveChatQa: { edges: { node: { eventId: string; question: string } }[] } }>(
      'student@demo.ac.uk',
      `{ searchLiveChatQa(query: "assessment centre", first: 10) { edges { node { eventId question } } } }`,
    );
    const eventId = nodes(found.searchLiveChatQa)[0]!.eventId;
    const page = await as<{
      liveChatQaPage: {
        publishedAt: string | null;
        event: { title: string; endsAt: string };
        items: { edges: { node: { question: string } }[] };
        followUps: { edges: { node: { question: string; answer: string | null; askerName: string | null } }[] };
      };
    }>(
      'student@demo.ac.uk',
      `query($id: ID!) { liveChatQaPage(eventId: $id) { publishedAt event { title endsAt } items(first: 10) { edges { node { question } } }
         followUps(first: 10) { edges { node { question answer askerName } } } } }`,
      { id: eventId },
    );
    expect(page.liveChatQaPage.event.title).toBe('Applying to Acme: interviews and assessment centres');
    expect(Date.parse(page.liveChatQaPage.event.endsAt)).toBeLessThan(Date.now());
    expect(page.liveChatQaPage.publishedAt).not.toBeNull();
    expect(nodes(page.liveChatQaPage.items)).toHaveLength(3);
    const followUps = nodes(page.liveChatQaPage.followUps);
    expect(followUps.map((f) => f.answer !== null)).toEqual([true, false]);
  });

  it('has answered (one accepted) and unanswered questions, and a private one to the demo mentor', async () => {
    type Row = { title: string; answerCount: number; hasAcceptedAnswer: boolean; visibility: string; mentor: { displayName: string } | null };
    const { questions } = await as<{ questions: { edges: { node: Row }[] } }>(
      'student@demo.ac.uk',
      `{ questions(first: 20, filter: { mine: true }) { edges { node { title answerCount hasAcceptedAnswer visibility mentor { displayName } } } } }`,
    );
    const mine = nodes(questions);
    expect(mine.find((q) => q.hasAcceptedAnswer)).toMatchObject({ title: 'How did you get a training contract after a history degree?', answerCount: 2 });
    expect(mine.some((q) => q.answerCount === 0 && q.visibility === 'COMMUNITY')).toBe(true);
    expect(mine.find((q) => q.visibility === 'PRIVATE')?.mentor?.displayName).toBe('Alan Alumnus');
    const unanswered = await as<{ questions: { edges: { node: Row }[] } }>('staff@demo.ac.uk', `{ questions(first: 20, filter: { unanswered: true }) { edges { node { title answerCount hasAcceptedAnswer visibility mentor { displayName } } } } }`);
    expect(nodes(unanswered.questions).length).toBeGreaterThanOrEqual(3);
  });
});
