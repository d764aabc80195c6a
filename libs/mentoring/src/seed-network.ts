import { type DemoPerson, Role } from '@careers/contracts';
import type { DataSource } from 'typeorm';
import { IntroductionRepository } from './network/introduction.repository.js';
import { NetworkWantKind } from './network/network.model.js';
import { NetworkRepository } from './network/network.repository.js';

/**
 * The demo student's network map: Stella Student knows a few people (Priya Patel on the platform, a cousin in retail,
 * her history lecturer) and would like to reach law, the Leeds Law Centre and lecturers. Her lecturer covers the last;
 * law and the Leeds Law Centre are gaps the demo mentor, Alan Alumnus, fills. Priya Patel has asked Alan for an
 * introduction, so his introductions page shows one waiting. Run once, after seedDemoMentors.
 */
export async function seedDemoNetwork(db: DataSource, people: DemoPerson[]): Promise<void> {
  const stella = people.find((p) => p.role === Role.STUDENT && p.displayName === 'Stella Student');
  const priya = people.find((p) => p.role === Role.STUDENT && p.displayName === 'Priya Patel');
  if (!stella) return;
  const network = new NetworkRepository();
  const m = db.manager;
  const contact = { personId: null, sector: null, organisation: null, role: null, relation: null, notes: null };
  if (priya) await network.addContact(m, stella.id, { ...contact, personId: priya.id, name: priya.displayName, sector: 'Data', relation: 'Course mate' });
  await network.addContact(m, stella.id, { ...contact, name: 'Jo Student', sector: 'Retail', organisation: 'Leeds Market', relation: 'My cousin' });
  await network.addContact(m, stella.id, {
    ...contact,
    name: 'Dr Rhiannon Jones',
    organisation: 'Demo University',
    role: 'Lecturer',
    relation: 'My history lecturer',
    notes: 'Offered to read my dissertation proposal.',
  });
  await network.addWant(m, stella.id, NetworkWantKind.SECTOR, 'Law');
  await network.addWant(m, stella.id, NetworkWantKind.ORGANISATION, 'Leeds Law Centre');
  await network.addWant(m, stella.id, NetworkWantKind.ROLE, 'Lecturer');
  const alan = people.find((p) => p.role === Role.ALUMNUS && p.displayName === 'Alan Alumnus');
  if (priya && alan && priya.institutionId) {
    await new IntroductionRepository().insert(m, {
      studentId: priya.id,
      studentName: priya.displayName,
      mentorId: alan.id,
      institutionId: priya.institutionId,
      wantId: null,
      wantKind: null,
      wantValue: null,
      message: 'I am thinking of converting to law after economics. Could you introduce me to someone who did the same?',
    });
  }
}
