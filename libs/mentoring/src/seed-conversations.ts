import { type DemoPerson, Role } from '@careers/contracts';
import type { DataSource } from 'typeorm';

const MESSAGES: [from: 'mentee' | 'mentor', body: string][] = [
  ['mentee', 'Hello Alan, thank you for taking me on. I would love to hear how you moved from history to law.'],
  ['mentor', 'Happy to, Stella. I did the conversion course after my degree: shall we start with what drew you to law?'],
  ['mentee', 'Mostly policy work I did at a summer placement. I am not sure whether to aim for a training contract or pupillage.'],
  ['mentor', 'A good question to settle first. Write down what you enjoyed most about the placement, and we can go through it next week.'],
];

/**
 * The demo mentorship's conversation: a few messages and a goal the pair agreed on, so the conversation page shows
 * something on the first start. Takes the ACTIVE mentorship `mentorshipId` (the requests slice seeds one); without
 * one, it uses the ACTIVE mentorship of the demo student (Stella Student) with Alan Alumnus, inserting it if there is
 * none. Safe to run again: messages are keyed by their client ids, and the goal is added only to a mentorship that
 * has none. Run after seedDemoMentors (Alan must be a mentor).
 */
export async function seedDemoConversations(db: DataSource, people: DemoPerson[], mentorshipId?: string): Promise<void> {
  let pair: { id: string; mentor_id: string; mentee_id: string } | undefined;
  if (mentorshipId) {
    [pair] = await db.query(`SELECT id, mentor_id, mentee_id FROM mentorship WHERE id = $1 AND status = 'ACTIVE'`, [mentorshipId]);
  } else {
    const alan = people.find((p) => p.role === Role.ALUMNUS && p.displayName === 'Alan Alumnus');
    const stella = people.find((p) => p.role === Role.STUDENT && p.displayName === 'Stella Student');
    if (!alan || !stella) return;
    [pair] = await db.query(
      `WITH existing AS (SELECT id, mentor_id, mentee_id FROM mentorship WHERE mentor_id = $1 AND mentee_id = $2 AND status = 'ACTIVE'),
       inserted AS (
         INSERT INTO mentorship (mentor_id, mentee_id, status, created_at, started_at)
         SELECT $1, $2, 'ACTIVE', now() - interval '3 days', now() - interval '3 days' WHERE NOT EXISTS (SELECT 1 FROM existing)
         ON CONFLICT DO NOTHING RETURNING id, mentor_id, mentee_id
       )
       SELECT * FROM existing UNION ALL SELECT * FROM inserted`,
      [alan.id, stella.id],
    );
  }
  if (!pair) return;
  for (const [i, [from, body]] of MESSAGES.entries()) {
    await db.query(
      `INSERT INTO mentorship_message (mentorship_id, sender_id, body, client_id, created_at)
       VALUES ($1, $2, $3, $4, now() - make_interval(hours => $5)) ON CONFLICT DO NOTHING`,
      [pair.id, from === 'mentor' ? pair.mentor_id : pair.mentee_id, body, `demo-${i + 1}`, 48 - i * 6],
    );
  }
  // Both have read everything so far: each side's messages show the read tick.
  await db.query(
    `INSERT INTO mentorship_read (mentorship_id, user_id, last_read_seq)
     SELECT $1, u, (SELECT max(seq) FROM mentorship_message WHERE mentorship_id = $1) FROM unnest($2::uuid[]) u
     ON CONFLICT DO NOTHING`,
    [pair.id, [pair.mentor_id, pair.mentee_id]],
  );
  await db.query(
    `INSERT INTO mentorship_goal (mentorship_id, text, proposed_by, status, agreed_at)
     SELECT $1, 'Decide between a training contract and pupillage', $2, 'AGREED', now() - interval '1 day'
     WHERE NOT EXISTS (SELECT 1 FROM mentorship_goal WHERE mentorship_id = $1)`,
    [pair.id, pair.mentee_id],
  );
}
