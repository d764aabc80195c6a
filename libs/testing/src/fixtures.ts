import { Role } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import type { Factory, TestUser } from './factories.js';

/** Two institutions and the people every authorization test needs at each. */
export interface TwoTenants {
  a: Institution;
  b: Institution;
  /** Approved by both A and B: its employers reach the students of both. */
  org: Organisation;
  /** Approved by A only: its employer is a stranger to `org`'s things. */
  otherOrg: Organisation;
  /** An employer of `org`. */
  employer: TestUser;
  /** An employer of `otherOrg`. */
  stranger: TestUser;
  staffA: TestUser;
  staffB: TestUser;
  /** The only student of A, and of B, that the fixture makes. */
  studentA: TestUser;
  studentB: TestUser;
  /** A platform admin, of no institution. */
  admin: TestUser;
}

/**
 * Two tenants side by side, for tests that one institution's or organisation's
 * people cannot see or change the other's: institutions A and B (named by
 * `names`, or uniquely), staff and one student at each, an organisation both
 * approved with an employer, another organisation only A approved with an
 * employer, and an admin. Tests add the further people they need with `factory`.
 */
export async function twoTenants(factory: Factory, opts: { names?: [string, string] } = {}): Promise<TwoTenants> {
  const [a, b] = await Promise.all([factory.institution(opts.names?.[0]), factory.institution(opts.names?.[1])]);
  const [org, otherOrg] = await Promise.all([factory.organisation({ approvedBy: a }), factory.organisation({ approvedBy: a })]);
  await factory.approveOrganisation(org, b);
  const [employer, stranger, staffA, staffB, studentA, studentB, admin] = await Promise.all([
    factory.user(Role.EMPLOYER, { organisation: org }),
    factory.user(Role.EMPLOYER, { organisation: otherOrg }),
    factory.user(Role.STAFF, { institution: a }),
    factory.user(Role.STAFF, { institution: b }),
    factory.user(Role.STUDENT, { institution: a }),
    factory.user(Role.STUDENT, { institution: b }),
    factory.user(Role.ADMIN),
  ]);
  return { a: a!, b: b!, org: org!, otherOrg: otherOrg!, employer: employer!, stranger: stranger!, staffA: staffA!, staffB: staffB!, studentA: studentA!, studentB: studentB!, admin: admin! };
}
