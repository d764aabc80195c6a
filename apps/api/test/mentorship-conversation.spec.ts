import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type MentorshipMessagePush, Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import {
  AGREE_MENTORSHIP_GOAL,
  COMPLETE_MENTORSHIP_GOAL,
  errorCode,
  eventually,
  Factory,
  MARK_MENTORSHIP_READ,
  MENTORSHIP_CONVERSATION,
  MENTORSHIP_MESSAGES,
  MY_MENTORSHIP_UNREAD_COUNTS,
  ok,
  PROPOSE_MENTORSHIP_GOAL,
  REMOVE_MENTORSHIP_GOAL,
  SEND_MENTORSHIP_MESSAGE,
  startApi,
  type TestApi,
  type TestUser,
  twoTenants,
} from '@careers/testing';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

interface Message {
  id: string;
  senderId: string;
  sentByYou: boolean;
  body: string;
  clientId: string;
  readByRecipient: boolean;
}

describe('mentoring: the private conversation of a mentorship', () => {
  let api: TestApi;
  let factory: Factory;
  let db: DataSource;
  let a: Institution;
  let b: Institution;
  let staffA: TestUser;
  let staffB: TestUser;
  let studentB: TestUser;
  let admin: TestUser;
  const sockets: Socket[] = [];
  let n = 0;

  /** A fresh pair (an alumnus mentor and a student mentee of A) in an ACTIVE mentorship. */
  async function pair(opts: { status?: 'ACTIVE' | 'ENDED'; startedDaysAgo?: number } = {}) {
    const mentor = await factory.user(Role.ALUMNUS, { institution: a, displayName: 'Alan Alumnus' });
    const mentee = await factory.user(Role.STUDENT, { institution: a, displayName: 'Sam Student' });
    const id = await factory.activeMentorship(mentor, mentee, opts);
    return { mentor, mentee, id };
  }
  const send = (who: TestUser, mentorshipId: string, body: string, clientId = `c${++n}`) =>
    api.gql(SEND_MENTORSHIP_MESSAGE, { i: { mentorshipId, body, clientId } }, who.token);
  const page = async (who: TestUser, m: string, first: number, after?: string) =>
    ok(await api.gql(MENTORSHIP_MESSAGES, { m, first, after }, who.token)).mentorshipMessages as {
      edges: { node: Message }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  const stored = async (mentorshipId: string) =>
    ((await db.query(`SELECT count(*)::int AS n FROM mentorship_message WHERE mentorship_id = $1`, [mentorshipId])) as { n: number }[])[0]!.n;

  async function connect(who: TestUser): Promise<{ socket: Socket; messages: MentorshipMessagePush[]; reads: unknown[] }> {
    const socket = io(api.url, { auth: { token: who.token }, transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(socket);
    const messages: MentorshipMessagePush[] = [];
    const reads: unknown[] = [];
    socket.on('mentorship:message', (m: MentorshipMessagePush) => messages.push(m));
    socket.on('mentorship:read', (r: unknown) => reads.push(r));
    await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
    return { socket, messages, reads };
  }

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    db = api.app.get(DataSource);
    ({ a, b, staffA, staffB, studentB, admin } = await twoTenants(factory));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await api.close();
  });

  it('stores messages in order and pages backwards from the newest', async () => {
    const { mentor, mentee, id } = await pair();
    for (let i = 1; i <= 5; i++) ok(await send(i % 2 ? mentee : mentor, id, `message ${i}`));

    const first = await page(mentee, id, 2);
    expect(first.edges.map((e) => e.node.body)).toEqual(['message 5', 'message 4']);
    expect(first.edges.map((e) => e.node.sentByYou)).toEqual([true, false]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(mentee, id, 2, first.pageInfo.endCursor!);
    expect(second.edges.map((e) => e.node.body)).toEqual(['message 3', 'message 2']);
    const third = await page(mentee, id, 2, second.pageInfo.endCursor!);
    expect(third.edges.map((e) => e.node.body)).toEqual(['message 1']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    // The mentor reads the same conversation, from their side.
    expect((await page(mentor, id, 10)).edges.map((e) => [e.node.body, e.node.sentByYou])[0]).toEqual(['message 5', false]);
    expect(errorCode(await api.gql(MENTORSHIP_MESSAGES, { m: id, first: 2, after: 'not-a-cursor' }, mentee.token))).toBe('BAD_USER_INPUT');
  });

  it('stores a retried send once, and pushes it once', async () => {
    const { mentor, mentee, id } = await pair();
    const mentorSocket = await connect(mentor);
    const once = ok(await send(mentee, id, 'Hello, thanks for taking me on', 'retry-1')).sendMentorshipMessage as Message;
    const again = ok(await send(mentee, id, 'Hello, thanks for taking me on', 'retry-1')).sendMentorshipMessage as Message;
    expect(again.id).toBe(once.id);
    expect(await stored(id)).toBe(1);
    // The next message arriving proves the retry's push would have come before it.
    ok(await send(mentee, id, 'second', 'retry-2'));
    await eventually('both pushes', () => mentorSocket.messages.length >= 2);
    expect(mentorSocket.messages.map((m) => m.body)).toEqual(['Hello, thanks for taking me on', 'second']);
    // The same client id from the other party is a message of its own.
    ok(await send(mentor, id, 'Welcome', 'retry-1'));
    expect(await stored(id)).toBe(3);
  });

  it('pushes each message to both parties over the socket, and to nobody else', async () => {
    const { mentor, mentee, id } = await pair();
    const third = await factory.user(Role.STUDENT, { institution: a });
    const [mentorSocket, menteeSocket, thirdSocket, staffSocket] = await Promise.all([connect(mentor), connect(mentee), connect(third), connect(staffA)]);
    const sent = ok(await send(mentee, id, 'Could we talk about training contracts?')).sendMentorshipMessage as Message;
    ok(await send(mentor, id, 'Of course.'));
    await eventually('the mentor hears both', () => mentorSocket.messages.length === 2);
    await eventually('the mentee hears both (their own for their other tabs)', () => menteeSocket.messages.length === 2);
    expect(mentorSocket.messages[0]).toMatchObject({ mentorshipId: id, id: sent.id, senderId: mentee.user.id, body: 'Could we talk about training contracts?' });
    expect(thirdSocket.messages).toEqual([]);
    expect(staffSocket.messages).toEqual([]);
  });

  it('keeps read receipts: the other party hears of them, and unread counts follow', async () => {
    const { mentor, mentee, id } = await pair();
    const menteeSocket = await connect(mentee);
    const m1 = ok(await send(mentee, id, 'one')).sendMentorshipMessage as Message;
    const m2 = ok(await send(mentee, id, 'two')).sendMentorshipMessage as Message;
    expect(m2.readByRecipient).toBe(false);
    expect(ok(await api.gql(MENTORSHIP_CONVERSATION, { m: id }, mentor.token)).mentorshipConversation).toMatchObject({
      unreadCount: 2,
      otherReadUpToId: null,
      yourSide: 'MENTOR',
      otherPartyId: mentee.user.id,
      otherPartyName: 'Sam Student',
      writable: true,
    });
    expect(ok(await api.gql(MENTORSHIP_CONVERSATION, { m: id }, mentee.token)).mentorshipConversation.unreadCount).toBe(0);
    expect(ok(await api.gql(MY_MENTORSHIP_UNREAD_COUNTS, {}, mentor.token)).myMentorshipUnreadCounts).toEqual([{ mentorshipId: id, unreadCount: 2 }]);
    expect(ok(await api.gql(MY_MENTORSHIP_UNREAD_COUNTS, {}, mentee.token)).myMentorshipUnreadCounts).toEqual([]);

    expect(ok(await api.gql(MARK_MENTORSHIP_READ, { m: id, up: m1.id }, mentor.token)).markMentorshipRead.unreadCount).toBe(1);
    await eventually('the receipt', () => menteeSocket.reads.length === 1);
    expect(menteeSocket.reads[0]).toMatchObject({ mentorshipId: id, readerId: mentor.user.id, upToMessageId: m1.id });
    let seen = (await page(mentee, id, 10)).edges.map((e) => [e.node.body, e.node.readByRecipient]);
    expect(seen).toEqual([['two', false], ['one', true]]);

    ok(await api.gql(MARK_MENTORSHIP_READ, { m: id, up: m2.id }, mentor.token));
    // Marking an older message read never moves the position back.
    expect(ok(await api.gql(MARK_MENTORSHIP_READ, { m: id, up: m1.id }, mentor.token)).markMentorshipRead.unreadCount).toBe(0);
    seen = (await page(mentee, id, 10)).edges.map((e) => [e.node.body, e.node.readByRecipient]);
    expect(seen).toEqual([['two', true], ['one', true]]);
    expect(ok(await api.gql(MENTORSHIP_CONVERSATION, { m: id }, mentee.token)).mentorshipConversation.otherReadUpToId).toBe(m2.id);
    await eventually('the second receipt', () => menteeSocket.reads.length === 2);

    // Another mentorship's message id is not one of this conversation's.
    const other = await pair();
    const foreign = ok(await send(other.mentee, other.id, 'elsewhere')).sendMentorshipMessage as Message;
    expect(errorCode(await api.gql(MARK_MENTORSHIP_READ, { m: id, up: foreign.id }, mentor.token))).toBe('NOT_FOUND');
  });

  it('is private to the two parties: NOT_FOUND for strangers, staff of both institutions and admins, through every read and write', async () => {
    const { mentor, mentee, id } = await pair();
    const sent = ok(await send(mentee, id, 'private words')).sendMentorshipMessage as Message;
    const goal = ok(await api.gql(PROPOSE_MENTORSHIP_GOAL, { i: { mentorshipId: id, text: 'A training contract' } }, mentee.token)).proposeMentorshipGoal;
    const strangerA = await factory.user(Role.STUDENT, { institution: a });
    const alumnusB = await factory.user(Role.ALUMNUS, { institution: b });
    for (const outsider of [strangerA, studentB, alumnusB, staffA, staffB, admin]) {
      const refusals = [
        await api.gql(MENTORSHIP_CONVERSATION, { m: id }, outsider.token),
        await api.gql(MENTORSHIP_MESSAGES, { m: id, first: 5 }, outsider.token),
        await send(outsider, id, 'let me in'),
        await api.gql(MARK_MENTORSHIP_READ, { m: id, up: sent.id }, outsider.token),
        await api.gql(PROPOSE_MENTORSHIP_GOAL, { i: { mentorshipId: id, text: 'mine' } }, outsider.token),
        await api.gql(AGREE_MENTORSHIP_GOAL, { g: goal.id }, outsider.token),
        await api.gql(COMPLETE_MENTORSHIP_GOAL, { g: goal.id }, outsider.token),
        await api.gql(REMOVE_MENTORSHIP_GOAL, { g: goal.id }, outsider.token),
      ];
      expect(refusals.map(errorCode)).toEqual(Array(refusals.length).fill('NOT_FOUND'));
      // Their own counts do not include it.
      expect(ok(await api.gql(MY_MENTORSHIP_UNREAD_COUNTS, {}, outsider.token)).myMentorshipUnreadCounts).toEqual([]);
    }
    // An id that does not exist answers the same.
    expect(errorCode(await api.gql(MENTORSHIP_CONVERSATION, { m: '00000000-0000-4000-8000-000000000000' }, mentee.token))).toBe('NOT_FOUND');
    // Nothing was written by anyone but the parties.
    expect(await stored(id)).toBe(1);
    const goals = ok(await api.gql(MENTORSHIP_CONVERSATION, { m: id }, mentor.token)).mentorshipConversation.goals;
    expect(goals).toEqual([expect.objectContaining({ id: goal.id, status: 'PROPOSED' })]);
  });

  it('keeps an ENDED mentorship readable but refuses sends and goal changes', async () => {
    const { mentor, mentee, id } = await pair();
    ok(await send(mentee, id, 'before the end'));
    await db.query(`UPDATE mentorship SET status = 'ENDED', ended_at = now() WHERE id = $1`, [id]);
    expect((await page(mentor, id, 5)).edges.map((e) => e.node.body)).toEqual(['before the end']);
    expect(ok(await api.gql(MENTORSHIP_CONVERSATION, { m: id }, mentor.token)).mentorshipConversation).toMatchObject({ status: 'ENDED', writable: false });
    expect(errorCode(await send(mentor, id, 'after the end'))).toBe('CONFLICT');
    expect(errorCode(await api.gql(PROPOSE_MENTORSHIP_GOAL, { i: { mentorshipId: id, text: 'late' } }, mentor.token))).toBe('CONFLICT');
    expect(await stored(id)).toBe(1);
    // A request never accepted has no conversation.
    const asked = await pair();
    await db.query(`UPDATE mentorship SET status = 'REQUESTED' WHERE id = $1`, [asked.id]);
    expect(errorCode(await send(asked.mentee, asked.id, 'hi'))).toBe('NOT_FOUND');
  });

  it('refuses bad input with BAD_USER_INPUT beside the field and writes nothing', async () => {
    const { mentee, id } = await pair();
    for (const [body, clientId] of [['', 'ok-1'], ['   ', 'ok-2'], ['x'.repeat(100 * 1024), 'ok-3'], ['x'.repeat(4001), 'ok-4'], ['fine', ''], ['fine', 'has spaces'], ['fine', 'y'.repeat(101)]] as const) {
      const refused = await send(mentee, id, body, clientId);
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(Object.keys(refused.errors![0]!.extensions['fields'] as object)).toEqual([body.trim() && body.length <= 4000 ? 'clientId' : 'body']);
    }
    expect(errorCode(await api.gql(SEND_MENTORSHIP_MESSAGE, { i: { mentorshipId: 'nope', body: 'hi', clientId: 'x' } }, mentee.token))).toBe('BAD_USER_INPUT');
    expect(await stored(id)).toBe(0);
    // 4,000 characters is allowed.
    ok(await send(mentee, id, 'x'.repeat(4000)));
    expect(errorCode(await api.gql(PROPOSE_MENTORSHIP_GOAL, { i: { mentorshipId: id, text: 'g'.repeat(301) } }, mentee.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(PROPOSE_MENTORSHIP_GOAL, { i: { mentorshipId: id, text: ' ' } }, mentee.token))).toBe('BAD_USER_INPUT');
  });

  it('lets the pair propose, agree, complete and remove goals, at most 20', async () => {
    const { mentor, mentee, id } = await pair();
    const goal = ok(await api.gql(PROPOSE_MENTORSHIP_GOAL, { i: { mentorshipId: id, text: '  Apply for three training contracts ' } }, mentee.token)).proposeMentorshipGoal;
    expect(goal).toMatchObject({ text: 'Apply for three training contracts', status: 'PROPOSED', proposedByYou: true, proposedById: mentee.user.id });
    expect(errorCode(await api.gql(AGREE_MENTORSHIP_GOAL, { g: goal.id }, mentee.token))).toBe('CONFLICT'); // the proposer cannot agree alone
    expect(errorCode(await api.gql(COMPLETE_MENTORSHIP_GOAL, { g: goal.id }, mentor.token))).toBe('CONFLICT'); // not agreed yet
    expect(ok(await api.gql(AGREE_MENTORSHIP_GOAL, { g: goal.id }, mentor.token)).agreeMentorshipGoal).toMatchObject({ status: 'AGREED', proposedByYou: false });
    expect(ok(await api.gql(COMPLETE_MENTORSHIP_GOAL, { g: goal.id }, mentee.token)).completeMentorshipGoal.status).toBe('COMPLETED');

    for (let i = 1; i < 20; i++) ok(await api.gql(PROPOSE_MENTORSHIP_GOAL, { i: { mentorshipId: id, text: `goal ${i}` } }, mentor.token));
    expect(errorCode(await api.gql(PROPOSE_MENTORSHIP_GOAL, { i: { mentorshipId: id, text: 'one too many' } }, mentor.token))).toBe('CONFLICT');
    ok(await api.gql(REMOVE_MENTORSHIP_GOAL, { g: goal.id }, mentor.token));
    const goals = ok(await api.gql(MENTORSHIP_CONVERSATION, { m: id }, mentee.token)).mentorshipConversation.goals as { text: string }[];
    expect(goals).toHaveLength(19);
    expect(goals[0]!.text).toBe('goal 1');
    ok(await api.gql(PROPOSE_MENTORSHIP_GOAL, { i: { mentorshipId: id, text: 'room again' } }, mentor.token));
  });
});
