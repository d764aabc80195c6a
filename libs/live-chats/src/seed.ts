import { randomUUID } from 'node:crypto';
import { type DemoNotice, type DemoPerson, Role } from '@careers/contracts';
import type { DataSource, EntityManager } from 'typeorm';

const DESCRIPTION = 'Our graduate analysts answer your questions about the work, the team and applying.';

interface DemoChat {
  title: string;
  /** When it starts, from the time of seeding (a PostgreSQL interval: '-20 minutes', '1 day'). */
  startsIn: string;
  hours: number;
  capacity: number;
  status: 'APPROVED' | 'PENDING';
  registered: DemoPerson[];
  waitlisted: DemoPerson[];
}

/**
 * The demo employer's live chats for the demo institution, so that every live chat page shows something on the
 * first start (times relative to the seeding):
 * - one on now (it started 20 minutes ago and lasts four hours): the demo student holds a place; its room has a
 *   few messages and audience questions with upvotes, one answered in the room;
 * - one tomorrow, full, with a waitlist (the demo student is first on it);
 * - one next week with places left, to register for;
 * - one last week, over, with its Q&A page signed off and published, and two follow-up questions (one answered);
 * - one awaiting the careers staff's approval.
 * Run once, after identity's demo seed; written directly (no events). Returns the notifications that go with it.
 */
export async function seedDemoLiveChats(db: DataSource, people: DemoPerson[]): Promise<DemoNotice[]> {
  const staff = people.find((p) => p.role === Role.STAFF);
  const employer = people.find((p) => p.role === Role.EMPLOYER);
  const alumnus = people.find((p) => p.role === Role.ALUMNUS);
  const [student, priya, tom, mei] = people.filter((p) => p.role === Role.STUDENT);
  if (!staff?.institutionId || !student || !employer?.organisationId) return [];
  const others = [alumnus, priya, tom, mei].filter((p): p is DemoPerson => !!p);
  const notices: DemoNotice[] = [];
  await db.transaction(async (tx) => {
    const add = async (chat: DemoChat): Promise<string> => {
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO live_chat_event (organisation_id, created_by_id, title, description, starts_at, ends_at, capacity, status, registered_count)
         VALUES ($1, $2, $3, $4, now() + $5::interval, now() + $5::interval + make_interval(hours => $6), $7, $8, $9) RETURNING id`,
        [employer.organisationId, employer.id, chat.title, DESCRIPTION, chat.startsIn, chat.hours, chat.capacity, chat.status, chat.registered.length],
      );
      await tx.query(`INSERT INTO live_chat_host (event_id, user_id) VALUES ($1, $2)`, [id, employer.id]);
      await tx.query(
        chat.status === 'APPROVED'
          ? `INSERT INTO live_chat_audience (event_id, institution_id, status, decided_by_id, decided_at) VALUES ($1, $2, 'APPROVED', $3, now())`
          : `INSERT INTO live_chat_audience (event_id, institution_id, status) VALUES ($1, $2, 'PENDING')`,
        chat.status === 'APPROVED' ? [id, staff.institutionId, staff.id] : [id, staff.institutionId],
      );
      // One at a time, so the waitlist's positions follow the order given.
      for (const [status, list] of [['REGISTERED', chat.registered], ['WAITLISTED', chat.waitlisted]] as const) {
        for (const person of list) await tx.query(`INSERT INTO live_chat_registration (event_id, user_id, status) VALUES ($1, $2, $3)`, [id, person.id, status]);
      }
      return id;
    };

    const now = await add({ title: 'Ask Acme Analytics anything', startsIn: '-20 minutes', hours: 4, capacity: 200, status: 'APPROVED', registered: [student, ...others], waitlisted: [] });
    await room(tx, now, employer, {
      minutesAgo: 18,
      messages: [
        [employer, 'Welcome, everyone! I am Erin, graduate recruiter at Acme. Ask us anything about the work and applying.'],
        [priya ?? student, 'Hi Erin! What tools do your analysts use day to day?'],
        [employer, 'Mostly SQL and Python, with a bit of R; our reports are written in plain English for clients.'],
        [student, 'Hello! I study history: is the graduate scheme open to me?'],
        [employer, 'Yes: every degree is welcome. We look for curiosity and clear writing, and train the rest.'],
        [tom ?? student, 'Thanks, that is good to hear.'],
      ],
      questions: [
        { by: student, body: 'How long is the training at the start of the graduate scheme?', upvoters: others, answer: 'Six months: three of classes, three on a client project with a mentor.' },
        { by: priya ?? student, body: 'Can graduates work from home some days?', upvoters: [student, ...(tom ? [tom] : []), ...(mei ? [mei] : [])] },
        { by: mei ?? student, body: 'Do you sponsor visas for international graduates?', upvoters: [priya ?? student] },
        { by: tom ?? student, body: 'Is there an assessment centre, and what happens there?', upvoters: [] },
      ],
    });
    notices.push({
      userId: student.id,
      kind: 'live-chat-reminder',
      title: 'In an hour: "Ask Acme Analytics anything"',
      body: 'The live chat starts soon. Can no longer make it? Cancel your registration so someone on the waitlist gets your place.',
      link: `/live-chats/${now}`,
      minutesAgo: 80,
    });

    await add({
      title: 'A day in data: graduate roles at Acme',
      startsIn: '1 day',
      hours: 1,
      capacity: 3,
      status: 'APPROVED',
      registered: [alumnus, priya, tom].filter((p): p is DemoPerson => !!p),
      waitlisted: [student, ...(mei ? [mei] : [])],
    });
    await add({ title: 'Data careers clinic: bring your CV', startsIn: '7 days', hours: 1, capacity: 40, status: 'APPROVED', registered: others.slice(0, 2), waitlisted: [] });

    const past = await add({
      title: 'Applying to Acme: interviews and assessment centres',
      startsIn: '-7 days',
      hours: 1,
      capacity: 100,
      status: 'APPROVED',
      registered: [student, ...others],
      waitlisted: [],
    });
    await room(tx, past, employer, {
      minutesAgo: 7 * 24 * 60 - 5,
      messages: [
        [employer, 'Good afternoon! Today: how we interview, and how to prepare.'],
        [student, 'What do you ask in the first interview?'],
      ],
      questions: [],
      closed: true,
    });
    const qa = [
      { by: student, question: 'What do you ask in the first interview?', answer: 'Why data, a project you are proud of, and how you would explain a chart to a client. No trick questions.' },
      { by: priya ?? student, question: 'How should I prepare for the assessment centre?', answer: 'Practise a short group exercise and a written summary of a data set; we send the timetable a week before.' },
      { by: tom ?? student, question: 'Do you give feedback if I am not offered a place?', answer: 'Yes: everyone who reaches the assessment centre gets written feedback within two weeks.' },
    ];
    await tx.query(`INSERT INTO live_chat_publication (event_id, signed_off_by_id, signed_off_at, published_by_id, published_at) VALUES ($1, $2, now() - interval '6 days', $3, now() - interval '5 days')`, [
      past,
      employer.id,
      staff.id,
    ]);
    for (const [position, item] of qa.entries()) {
      await tx.query(`INSERT INTO live_chat_qa_item (event_id, position, question, answer, asked_by_id, answered_by_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
        past,
        position + 1,
        item.question,
        item.answer,
        item.by.id,
        employer.id,
      ]);
    }
    const [{ id: answered }]: { id: string }[] = await tx.query(
      `INSERT INTO live_chat_follow_up (event_id, asked_by_id, question, answer, answered_by_id, answered_at, created_at)
       VALUES ($1, $2, 'Is the written summary done on a laptop or on paper?', 'On a laptop we lend you, with a spreadsheet of the data set.', $3, now() - interval '3 days', now() - interval '4 days') RETURNING id`,
      [past, student.id, employer.id],
    );
    const [{ id: waiting }]: { id: string }[] = await tx.query(
      `INSERT INTO live_chat_follow_up (event_id, asked_by_id, question, created_at) VALUES ($1, $2, 'Can I apply again next year if I am not offered a place?', now() - interval '1 day') RETURNING id`,
      [past, (mei ?? student).id],
    );
    notices.push(
      {
        userId: student.id,
        kind: 'live-chat-follow-up-answered',
        title: 'Your question on "Applying to Acme: interviews and assessment centres" was answered',
        body: 'A host answered your follow-up question on the live chat Q&A page.',
        link: `/live-chats/${past}/qa#${answered}`,
        minutesAgo: 3 * 24 * 60,
      },
      {
        userId: employer.id,
        kind: 'live-chat-follow-up-asked',
        title: 'A follow-up question on "Applying to Acme: interviews and assessment centres"',
        body: 'A student asked a question on the Q&A page of your live chat. Answer it there: they will be told.',
        link: `/live-chats/${past}/qa#${waiting}`,
        minutesAgo: 24 * 60,
      },
    );

    const pending = await add({ title: 'Careers in climate data', startsIn: '14 days', hours: 1, capacity: 80, status: 'PENDING', registered: [], waitlisted: [] });
    notices.push({
      userId: staff.id,
      kind: 'live-chat-awaiting-approval',
      title: 'Awaiting your decision: live chat "Careers in climate data" from Acme Analytics',
      body: 'Acme Analytics asks to hold this live chat with your students in two weeks; they can register once you approve it. In your live chat approvals, approve it for your students, or reject it with a reason the employer will see.',
      link: `/approvals/live-chats#${pending}`,
      minutesAgo: 20,
    });
  });
  return notices;
}

/**
 * A room's messages (numbered 1…n, a minute apart from `minutesAgo`) and audience questions with their upvotes;
 * a question with an `answer` is answered in the room by `host` (the answer is the last message).
 */
async function room(
  tx: EntityManager,
  eventId: string,
  host: DemoPerson,
  opts: {
    minutesAgo: number;
    messages: [DemoPerson, string][];
    questions: { by: DemoPerson; body: string; upvoters: DemoPerson[]; answer?: string }[];
    closed?: boolean;
  },
): Promise<void> {
  await tx.query(`INSERT INTO live_chat_room (event_id, closed_at, closed_by_id) VALUES ($1, $2, $3)`, [eventId, opts.closed ? new Date() : null, opts.closed ? host.id : null]);
  let seq = 0;
  const say = async (author: DemoPerson, body: string, questionId: string | null = null) => {
    seq++;
    await tx.query(
      `INSERT INTO live_chat_message (event_id, seq, author_id, author_name, author_role, client_id, body, question_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(mins => $9))`,
      [eventId, seq, author.id, author.displayName, author.id === host.id ? 'HOST' : 'REGISTERED', randomUUID(), body, questionId, Math.max(0, opts.minutesAgo - seq)],
    );
  };
  for (const [author, body] of opts.messages) await say(author, body);
  for (const q of opts.questions) {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO live_chat_question (event_id, author_id, author_name, client_id, body, upvotes, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(mins => $7)) RETURNING id`,
      [eventId, q.by.id, q.by.displayName, randomUUID(), q.body, q.upvoters.length, Math.max(0, opts.minutesAgo - seq)],
    );
    for (const voter of q.upvoters) await tx.query(`INSERT INTO live_chat_question_vote (question_id, user_id) VALUES ($1, $2)`, [id, voter.id]);
    if (q.answer) {
      await say(host, q.answer, id);
      await tx.query(`UPDATE live_chat_question SET status = 'ANSWERED', answer_seq = $2, decided_by_id = $3 WHERE id = $1`, [id, seq, host.id]);
    }
  }
  await tx.query(`UPDATE live_chat_room SET last_seq = $2 WHERE event_id = $1`, [eventId, seq]);
}
