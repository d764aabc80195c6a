import { type DemoPerson, Role } from '@careers/contracts';
import type { DataSource } from 'typeorm';
import { MentorOffer } from './mentors/mentor.model.js';
import { MentorRepository } from './mentors/mentor.repository.js';
import { seedDemoMentorships } from './seed-mentorships.js';
import { seedDemoConversations } from './seed-conversations.js';
import { seedDemoMentorPages } from './seed-mentor-pages.js';
import { seedDemoNetwork } from './seed-network.js';
import { seedDemoQuestions } from './seed-questions.js';

/**
 * The demo alumnus mentors, so the directory and the demo student's suggestions show someone on the first
 * start: Alan Alumnus (History, 2015, a solicitor) shares the student's sector (law) and course. Course and
 * graduation year are the copy mentoring keeps of identity's profile; they are what identity's demo seed wrote,
 * and the next save or `identity.profile-updated` refreshes them as usual. Run once, after identity's seed.
 */
export async function seedDemoMentors(db: DataSource, people: DemoPerson[]): Promise<void> {
  const alan = people.find((p) => p.role === Role.ALUMNUS && p.displayName === 'Alan Alumnus');
  if (!alan?.institutionId) return;
  await new MentorRepository().save(
    db.manager,
    { userId: alan.id, institutionId: alan.institutionId, displayName: alan.displayName, course: 'History', graduationYear: 2015 },
    {
      sectors: ['Law'],
      skills: ['Legal research', 'Contract law', 'Interviews'],
      organisations: ['Demo Chambers', 'Leeds Law Centre'],
      languages: ['English', 'Welsh'],
      topics: ['Training contracts', 'Moving from history to law'],
      about: 'Solicitor. I read history, converted to law and trained in Leeds: ask me how.',
      offers: [MentorOffer.QUESTION, MentorOffer.CONVERSATION, MentorOffer.CV_FEEDBACK],
      capacity: 3,
    },
  );
  await seedDemoMentorships(db, people);
  await seedDemoConversations(db, people);
  await seedDemoMentorPages(db, people);
  await seedDemoNetwork(db, people);
  await seedDemoQuestions(db, people);
}
