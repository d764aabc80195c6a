import { type DemoPerson, Role } from '@careers/contracts';
import type { DataSource } from 'typeorm';
import { MentorOffer } from './mentors/mentor.model.js';
import { MentorshipRepository } from './mentorships/mentorship.repository.js';

/**
 * Demo mentorships, after the demo mentor (seed.ts): the demo student, Stella Student, in an active mentorship with
 * Alan Alumnus, and a request from Mei Chen (Law) waiting in his inbox. Written through the repository, with no
 * events (nobody is notified of demo data). Course is as identity's demo seed wrote it.
 */
export async function seedDemoMentorships(db: DataSource, people: DemoPerson[]): Promise<void> {
  const alan = people.find((p) => p.role === Role.ALUMNUS && p.displayName === 'Alan Alumnus');
  const stella = people.find((p) => p.role === Role.STUDENT && p.displayName === 'Stella Student');
  const mei = people.find((p) => p.role === Role.STUDENT && p.displayName === 'Mei Chen');
  if (!alan || !stella || !mei) return;
  const repo = new MentorshipRepository();
  const active = await repo.create(db.manager, {
    mentorId: alan.id,
    menteeId: stella.id,
    menteeName: stella.displayName,
    menteeCourse: 'History',
    menteeInstitutionId: stella.institutionId,
    message: 'I read history too and would like to go into law. Could you tell me how you converted, and what training contracts look for?',
    asksFor: MentorOffer.CONVERSATION,
    ttlDays: 14,
  });
  if (active) await repo.accept(db.manager, active);
  await repo.create(db.manager, {
    mentorId: alan.id,
    menteeId: mei.id,
    menteeName: mei.displayName,
    menteeCourse: 'Law',
    menteeInstitutionId: mei.institutionId,
    message: 'I am applying for vacation schemes this winter. Would you look at my CV and cover letter?',
    asksFor: MentorOffer.CV_FEEDBACK,
    ttlDays: 14,
  });
}
