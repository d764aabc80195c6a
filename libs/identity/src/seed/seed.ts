import { randomBytes } from 'node:crypto';
import { ApprovalDecision, Role, TrustLevel } from '@careers/contracts';
import { badInput, conflict } from '@careers/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { Institution } from '../institutions/institution.entity.js';
import { Organisation, OrganisationApproval } from '../organisations/organisation.entity.js';
import { Profile, ProfileVisibility } from '../profiles/profile.entity.js';
import { hashPassword } from '../sessions/passwords.js';
import { SignUpInput } from '../sessions/session.inputs.js';
import { User } from '../users/user.entity.js';

export interface SeededAccount {
  id: string;
  role: Role;
  email: string;
  displayName: string;
  password: string;
  institutionId: string | null;
  organisationId: string | null;
}

export const DEMO_DOMAIN = 'demo.ac.uk';
export const DEMO_PASSWORD = 'careers-demo-2026';

async function addUser(
  tx: EntityManager,
  fields: Pick<User, 'email' | 'displayName' | 'role' | 'institutionId' | 'organisationId' | 'trustLevel'>,
  password: string,
  profile: Partial<Profile> = {},
): Promise<User> {
  const user = await tx.save(tx.create(User, { ...fields, passwordHash: await hashPassword(password) }));
  await tx.insert(Profile, { visibility: ProfileVisibility.INSTITUTION, ...profile, userId: user.id });
  return user;
}

/**
 * A demo institution with one person of each role, so a newcomer can sign in
 * and look around, and three more students (after the others: the other
 * domains' seeds take the first student as "the demo student") who fill a live
 * chat, upvote questions and wait on a waitlist. Does nothing when the demo
 * institution exists.
 */
export async function seedDemo(db: DataSource): Promise<SeededAccount[]> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .createQueryBuilder(Institution, 'i')
      .where(':domain = ANY(i.email_domains)', { domain: DEMO_DOMAIN })
      .getOne();
    if (existing) return [];
    const uni = await tx.save(tx.create(Institution, { name: 'Demo University', emailDomains: [DEMO_DOMAIN] }));
    const acme = await tx.save(
      tx.create(Organisation, { name: 'Acme Analytics', website: 'https://acme.example', description: 'Data consultancy hiring graduates.' }),
    );
    const people: [Role, string, string, TrustLevel, Partial<Profile>][] = [
      [Role.ADMIN, 'admin@demo.ac.uk', 'Ada Admin', TrustLevel.TRUSTED, {}],
      [Role.STAFF, 'staff@demo.ac.uk', 'Sam Staff', TrustLevel.TRUSTED, { headline: 'Careers adviser' }],
      [Role.STUDENT, 'student@demo.ac.uk', 'Stella Student', TrustLevel.NEW, { course: 'History', graduationYear: 2027, sectors: ['law'], interests: ['policy'] }],
      [Role.ALUMNUS, 'alumnus@demo.ac.uk', 'Alan Alumnus', TrustLevel.BASIC, { course: 'History', graduationYear: 2015, headline: 'Solicitor', sectors: ['law'], visibility: ProfileVisibility.PUBLIC }],
      [Role.EMPLOYER, 'employer@acme.example', 'Erin Employer', TrustLevel.BASIC, { headline: 'Graduate recruiter at Acme', visibility: ProfileVisibility.PUBLIC }],
      [Role.STUDENT, 'priya@demo.ac.uk', 'Priya Patel', TrustLevel.BASIC, { course: 'Economics', graduationYear: 2026, sectors: ['data'] }],
      [Role.STUDENT, 'tom@demo.ac.uk', 'Tom Okafor', TrustLevel.NEW, { course: 'Mathematics', graduationYear: 2027, sectors: ['data', 'energy'] }],
      [Role.STUDENT, 'mei@demo.ac.uk', 'Mei Chen', TrustLevel.NEW, { course: 'Law', graduationYear: 2028, sectors: ['law'] }],
      // More alumni, who mentor (libs/mentoring/src/seed-mentor-pages.ts): the mentor directory looks real.
      [Role.ALUMNUS, 'aled@demo.ac.uk', 'Aled Hughes', TrustLevel.BASIC, { course: 'Politics', graduationYear: 2011, headline: 'Policy adviser', sectors: ['public policy'] }],
      [Role.ALUMNUS, 'grace@demo.ac.uk', 'Grace Mensah', TrustLevel.BASIC, { course: 'Economics', graduationYear: 2016, headline: 'Data analyst', sectors: ['data'] }],
      [Role.ALUMNUS, 'jonas@demo.ac.uk', 'Jonas Weber', TrustLevel.BASIC, { course: 'Law', graduationYear: 2018, headline: 'Trainee barrister', sectors: ['law'] }],
    ];
    const accounts: SeededAccount[] = [];
    let staffId = '';
    for (const [role, email, displayName, trustLevel, profile] of people) {
      const user = await addUser(
        tx,
        {
          email,
          displayName,
          role,
          trustLevel,
          institutionId: role === Role.EMPLOYER || role === Role.ADMIN ? null : uni.id,
          organisationId: role === Role.EMPLOYER ? acme.id : null,
        },
        DEMO_PASSWORD,
        profile,
      );
      if (role === Role.STAFF) staffId = user.id;
      accounts.push({ id: user.id, role, email, displayName, password: DEMO_PASSWORD, institutionId: user.institutionId, organisationId: user.organisationId });
    }
    await tx.insert(OrganisationApproval, {
      organisationId: acme.id,
      institutionId: uni.id,
      status: ApprovalDecision.APPROVED,
      decidedById: staffId,
      decidedAt: new Date(),
    });
    // An employer that signed up and waits for the careers service's approval: the staff's approvals page shows it.
    const northwind = await tx.save(
      tx.create(Organisation, { name: 'Northwind Energy', website: 'https://northwind.example', description: 'Renewable energy, graduate schemes in engineering and policy.' }),
    );
    await addUser(
      tx,
      { email: 'employer@northwind.example', displayName: 'Nina Northwind', role: Role.EMPLOYER, trustLevel: TrustLevel.NEW, institutionId: null, organisationId: northwind.id },
      DEMO_PASSWORD,
      { headline: 'Early careers lead at Northwind' },
    );
    await tx.insert(OrganisationApproval, { organisationId: northwind.id, institutionId: uni.id, status: ApprovalDecision.PENDING });
    return accounts;
  });
}

/**
 * The first admin of a real installation. The password is generated unless
 * given; a given one, and the email, must pass the sign-up rules.
 */
export async function seedAdmin(db: DataSource, email: string, password?: string): Promise<SeededAccount> {
  const chosen = password ?? randomBytes(12).toString('base64url');
  const input = plainToInstance(SignUpInput, { email, password: chosen });
  const problems = (await validate(input))
    .filter((e) => e.property === 'email' || e.property === 'password')
    .flatMap((e) => Object.values(e.constraints ?? {}));
  if (problems.length) throw badInput(`${problems.join('; ')}.`);
  const admin = await db.transaction(async (tx) => {
    if (await tx.existsBy(User, { email: input.email })) {
      throw conflict(`An account with the email ${input.email} exists already: choose another email, or sign in with that account.`);
    }
    return addUser(
      tx,
      { email: input.email, displayName: 'Administrator', role: Role.ADMIN, trustLevel: TrustLevel.TRUSTED, institutionId: null, organisationId: null },
      chosen,
      { visibility: ProfileVisibility.PRIVATE },
    );
  });
  return { id: admin.id, role: Role.ADMIN, email: admin.email, displayName: admin.displayName, password: chosen, institutionId: null, organisationId: null };
}
