import type { DemoPerson } from '@careers/contracts';
import type { DataSource } from 'typeorm';
import { MentorOffer } from './mentors/mentor.model.js';
import { MentorRepository } from './mentors/mentor.repository.js';

/**
 * Three more demo mentors beside Alan Alumnus, with other sectors and languages, so the directory looks real:
 * Aled (public policy, Welsh; talks about policy, which the demo student is interested in), Grace (data,
 * French) and Jonas (law, German), who has paused. Course and year are what identity's demo seed wrote.
 */
export async function seedDemoMentorPages(db: DataSource, people: DemoPerson[]): Promise<void> {
  const mentors = new MentorRepository();
  const rows = [
    {
      name: 'Aled Hughes', course: 'Politics', year: 2011, paused: false,
      fields: { sectors: ['Public policy', 'Government'], skills: ['Policy analysis', 'Briefing writing'], organisations: ['Welsh Government'], languages: ['Welsh', 'English'], topics: ['Policy', 'Civil service fast stream'], about: 'Policy adviser in Cardiff. Ask me about the civil service.', offers: [MentorOffer.CONVERSATION, MentorOffer.MENTORSHIP], capacity: 4 },
    },
    {
      name: 'Grace Mensah', course: 'Economics', year: 2016, paused: false,
      fields: { sectors: ['Data', 'Finance'], skills: ['Python', 'SQL', 'Excel'], organisations: ['Acme Analytics'], languages: ['English', 'French'], topics: ['Getting into data'], about: 'Data analyst. Happy to look at a CV.', offers: [MentorOffer.QUESTION, MentorOffer.CV_FEEDBACK], capacity: 2 },
    },
    {
      name: 'Jonas Weber', course: 'Law', year: 2018, paused: true,
      fields: { sectors: ['Law'], skills: ['Advocacy'], organisations: ['Demo Chambers'], languages: ['German', 'English'], topics: ['Pupillage'], about: 'Trainee barrister; back after my exams.', offers: [MentorOffer.QUESTION], capacity: 2 },
    },
  ];
  for (const row of rows) {
    const person = people.find((p) => p.displayName === row.name);
    if (!person?.institutionId) continue;
    const who = { userId: person.id, institutionId: person.institutionId, displayName: person.displayName, course: row.course, graduationYear: row.year };
    await mentors.save(db.manager, who, { ...row.fields });
    if (row.paused) await mentors.update(db.manager, who, { ...row.fields, acceptingRequests: false });
  }
}
