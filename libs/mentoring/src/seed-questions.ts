import { type DemoPerson, Role } from '@careers/contracts';
import type { DataSource } from 'typeorm';
import { QuestionRepository } from './questions/question.repository.js';

/**
 * Questions and answers at the demo institution: the demo student's answered question (one answer accepted, one
 * voted up), an unanswered one of hers, a private one to the demo mentor, and other students' questions, answered by
 * the demo alumnus and the careers adviser or waiting for an answer. Written directly, without events: the demo
 * starts with no notifications of these. Run after seedDemoMentors (the private question's mentor must exist).
 */
export async function seedDemoQuestions(db: DataSource, people: DemoPerson[]): Promise<void> {
  const byName = (name: string) => people.find((p) => p.displayName === name);
  const stella = people.find((p) => p.role === Role.STUDENT);
  const alan = byName('Alan Alumnus');
  const sam = people.find((p) => p.role === Role.STAFF);
  const [priya, tom, mei] = [byName('Priya Patel'), byName('Tom Okafor'), byName('Mei Chen')];
  if (!stella?.institutionId || !alan || !sam || !priya || !tom || !mei) return;
  const rows = new QuestionRepository();
  const m = db.manager;
  const institutionId = stella.institutionId;
  const ask = (asker: DemoPerson, title: string, body: string, tags: string[], mentorId: string | null = null) =>
    rows.insert(m, { institutionId, askerId: asker.id, visibility: mentorId ? 'PRIVATE' : 'COMMUNITY', mentorId, title, body, tags });

  const contract = await ask(
    stella,
    'How did you get a training contract after a history degree?',
    'I am in my second year of history and want to become a solicitor. Should I do the conversion course first, or apply for training contracts now?',
    ['law', 'training contracts'],
  );
  const fromAlan = await rows.insertAnswer(
    m,
    contract,
    alan.id,
    'I applied for vacation schemes in my final year and did the conversion course with a firm paying for it. Apply for vacation schemes now: most training contracts come from them.',
  );
  const fromSam = await rows.insertAnswer(m, contract, sam.id, 'Come to the law fair in November: the firms that sponsor the conversion course are all there. Book a CV check with us first.');
  await rows.accept(m, contract, fromAlan);
  await rows.vote(m, fromAlan, priya.id, true);
  await rows.vote(m, fromAlan, mei.id, true);
  await rows.vote(m, fromSam, mei.id, true);

  await ask(stella, 'Is a placement year worth it for a policy career?', 'I am interested in public policy. Would a year in industry help, or is a master’s better?', ['policy', 'placements']);
  await ask(stella, 'Could we talk about pupillage?', 'I am thinking about the bar rather than becoming a solicitor. Could you tell me how your colleagues at the bar got pupillage?', ['law', 'pupillage'], alan.id);

  const data = await ask(priya, 'Which SQL should I learn before a data internship?', 'I have an internship interview at a data consultancy. Which parts of SQL do they expect from an economics student?', ['data', 'sql', 'internships']);
  await rows.insertAnswer(m, data, sam.id, 'Joins, grouping and window functions. Our data skills workshop on Thursdays covers them.');
  await ask(tom, 'Energy sector graduate schemes with a maths degree?', 'Which energy companies take mathematicians onto their graduate schemes, and when do applications open?', ['energy', 'graduate schemes']);
  await ask(mei, 'Law firm open days for first years', 'Are there open days for first-year law students, or should I wait until second year?', ['law', 'open days']);
}
