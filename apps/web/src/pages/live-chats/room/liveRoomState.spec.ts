import { describe, expect, it } from '@jest/globals';
import { FIRST_WINDOW, initialRoomState, liveRoomReducer, MAX_KEPT, rankedQuestions, shownMessages, type LiveRoomState, type RoomAction, type RoomMessage, type RoomQuestion } from './liveRoomState.js';

// The live room's reducer on its own: rule 2 of docs/live-chat-delivery.md (each message once, in seq order, a gap
// waits), pending sends, the first window and trimming, upvotes kept across broadcasts.
const eventId = 'e1';
const msg = (seq: number, extra: Partial<RoomMessage> = {}): RoomMessage => ({
  eventId, seq, clientId: `c${seq}`, authorId: 'a', authorName: 'A', authorRole: 'REGISTERED', body: `m${seq}`, deleted: false, questionId: null, createdAt: new Date(seq * 1000).toISOString(), ...extra,
});
const settings = { eventId, slowModeSeconds: 0, closed: false, answeringQuestionId: null };
const joined = (lastSeq: number): RoomAction => ({ type: 'joined', role: 'REGISTERED', lastSeq, presence: { eventId, count: 1, hosts: [] }, settings });
const run = (...actions: RoomAction[]) => actions.reduce(liveRoomReducer, initialRoomState);
const bodies = (s: LiveRoomState) => shownMessages(s).map((m) => m.body);

describe('liveRoomReducer', () => {
  it('shows messages once each, in seq order, whatever order and however often they arrive', () => {
    const s = run(joined(0), { type: 'messages', messages: [msg(2), msg(1)] }, { type: 'messages', messages: [msg(1), msg(3), msg(2)] }, { type: 'messages', messages: [msg(3)] });
    expect(bodies(s)).toEqual(['m1', 'm2', 'm3']);
    expect(s.lastSeq).toBe(3);
  });

  it('holds a message ahead of a gap until the gap fills', () => {
    const gap = run(joined(0), { type: 'messages', messages: [msg(1), msg(3)] });
    expect(bodies(gap)).toEqual(['m1']);
    expect(Object.keys(gap.ahead)).toEqual(['3']);
    const filled = liveRoomReducer(gap, { type: 'messages', messages: [msg(2)] });
    expect(bodies(filled)).toEqual(['m1', 'm2', 'm3']);
    expect(filled.ahead).toEqual({});
  });

  it('ignores messages before the first join, and a rejoin keeps lastSeq so the catch-up starts there', () => {
    expect(run({ type: 'messages', messages: [msg(1)] }).lastSeq).toBeNull();
    const s = run(joined(0), { type: 'messages', messages: [msg(1), msg(2)] }, { type: 'disconnected' });
    expect(s.connection).toBe('reconnecting');
    const back = liveRoomReducer(s, joined(5));
    expect(back.connection).toBe('joined');
    expect(back.lastSeq).toBe(2);
    expect(bodies(liveRoomReducer(back, { type: 'messages', messages: [msg(3), msg(4), msg(5)] }))).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('a first join into a long room shows the last window; earlier pages go before it without holes', () => {
    const s = run(joined(FIRST_WINDOW + 50));
    expect(s.lastSeq).toBe(50);
    expect(s.firstSeq).toBe(51);
    const earlier = liveRoomReducer(s, { type: 'earlier', messages: [msg(49), msg(50), msg(48)] });
    expect(earlier.firstSeq).toBe(48);
    expect(earlier.keepEarlier).toBe(true);
    // A page that does not end right before firstSeq leaves no hole: it is not taken.
    expect(liveRoomReducer(s, { type: 'earlier', messages: [msg(10)] })).toBe(s);
  });

  it('keeps at most MAX_KEPT messages while following the newest', () => {
    const many = Array.from({ length: MAX_KEPT + 10 }, (_, i) => msg(i + 1));
    const s = run(joined(0), { type: 'messages', messages: many });
    expect(shownMessages(s)).toHaveLength(MAX_KEPT);
    expect(s.firstSeq).toBe(11);
    expect(s.lastSeq).toBe(MAX_KEPT + 10);
  });

  it('a pending send leaves once its message is shown in order; a refused one on unpending', () => {
    let s = run(joined(0), { type: 'pending', pending: { clientId: 'c2', body: 'm2', questionId: null } }, { type: 'pending', pending: { clientId: 'x', body: 'no', questionId: null } });
    s = liveRoomReducer(s, { type: 'messages', messages: [msg(2)] });
    expect(s.pending.map((p) => p.clientId)).toEqual(['c2', 'x']); // ahead of the gap: still pending
    s = liveRoomReducer(s, { type: 'messages', messages: [msg(1)] });
    expect(s.pending.map((p) => p.clientId)).toEqual(['x']);
    expect(liveRoomReducer(s, { type: 'unpending', clientId: 'x' }).pending).toEqual([]);
  });

  it('a deletion leaves a tombstone in its place', () => {
    const s = run(joined(0), { type: 'messages', messages: [msg(1), msg(2)] }, { type: 'deleted', seq: 1 });
    expect(shownMessages(s).map((m) => [m.seq, m.deleted, m.body])).toEqual([
      [1, true, null],
      [2, false, 'm2'],
    ]);
  });

  it('ranks questions: the one being answered, then by upvotes; a broadcast keeps my own upvote', () => {
    const q = (id: string, upvotes: number, extra: Partial<RoomQuestion> = {}): RoomQuestion => ({ id, eventId, authorId: 'b', authorName: 'B', body: id, status: 'OPEN', upvotes, upvotedByMe: false, answerSeq: null, createdAt: `2026-01-01T00:00:0${upvotes}Z`, ...extra });
    let s = run(joined(0), { type: 'questions', questions: [q('low', 1), q('high', 5), q('done', 9, { status: 'ANSWERED' })] });
    expect(rankedQuestions(s).map((x) => x.id)).toEqual(['high', 'low']);
    s = liveRoomReducer(s, { type: 'question', question: q('low', 2, { upvotedByMe: true }), mine: true });
    s = liveRoomReducer(s, { type: 'question', question: q('low', 3, { status: 'ANSWERING' }), mine: false });
    expect(rankedQuestions(s).map((x) => [x.id, x.upvotes, x.upvotedByMe])).toEqual([
      ['low', 3, true],
      ['high', 5, false],
    ]);
  });
});
