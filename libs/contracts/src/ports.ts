import type { NotificationKind } from './events.js';
import type { Role } from './roles.js';

/** A person identity's demo seed made (`npm run seed`), for the other domains' demo data. */
export interface DemoPerson {
  id: string;
  role: Role;
  /** The name others see (the live room writes it on each message). */
  displayName: string;
  institutionId: string | null;
  organisationId: string | null;
}

/**
 * An in-app notification a domain's demo seed wants its people to find (it made the thing the notification is
 * about, and knows its link); notifications' demo seed writes them all.
 */
export interface DemoNotice {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  /** Already read (the inbox shows read and unread ones). */
  read?: boolean;
  /** How long ago it came, in minutes (the inbox is newest first). */
  minutesAgo?: number;
}

/** How to reach people: identity answers it for other domains (notifications), which never read its tables. */
export interface Contact {
  userId: string;
  email: string;
  displayName: string;
}

/**
 * The transaction a port call reads through: pass the caller's `tx` (a TypeORM
 * EntityManager fits). Inside a transaction, a port called without it would
 * read on a second pool connection while the transaction holds the first, and
 * transactions that have emptied the pool would each wait for one forever.
 * Outside a transaction, leave it out: the port reads on a connection of its own.
 */
export interface Transaction {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

export interface RecipientDirectory {
  contactsOf(userIds: readonly string[], tx?: Transaction): Promise<Contact[]>;
}

export const RECIPIENT_DIRECTORY = Symbol('RECIPIENT_DIRECTORY');

/** What other domains may know of a person: enough to decide who may see or join something. */
export interface PersonFacts {
  userId: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  organisationId: string | null;
  graduationYear: number | null;
  /** Course or subject studied, as the person wrote it. */
  course: string | null;
}

/**
 * The tags a person put on their profile, as they wrote them, for domains that match people (mentoring's
 * suggestions). Only what the person chose to tell the network; empty lists when they named none.
 */
export interface PersonInterests {
  userId: string;
  course: string | null;
  graduationYear: number | null;
  sectors: string[];
  skills: string[];
  interests: string[];
}

/** An organisation as other domains see it: its name and where staff approved it. */
export interface OrganisationFacts {
  id: string;
  name: string;
  /** Institutions whose careers staff approved the organisation. */
  approvedInstitutionIds: string[];
}

/** A careers staff member and the institution they decide for. */
export interface StaffMember {
  userId: string;
  institutionId: string;
}

/**
 * Identity answers it for the domains that decide eligibility (vacancies, live
 * chats). Every method reads through `tx` when given one (see Transaction).
 */
export interface PeopleDirectory {
  peopleOf(userIds: readonly string[], tx?: Transaction): Promise<PersonFacts[]>;
  organisationsOf(organisationIds: readonly string[], tx?: Transaction): Promise<OrganisationFacts[]>;
  /** The institutions among `institutionIds` that exist, with their names. */
  institutionsOf(institutionIds: readonly string[], tx?: Transaction): Promise<{ id: string; name: string }[]>;
  /**
   * The careers staff (role STAFF) of each of `institutionIds`: who decides
   * for its students. Admins are not among them: they run the installation,
   * not approvals.
   */
  staffOf(institutionIds: readonly string[], tx?: Transaction): Promise<StaffMember[]>;
  /** Course, graduation year and the profile's sector, skill and interest tags of each of `userIds` that exists. */
  interestsOf(userIds: readonly string[], tx?: Transaction): Promise<PersonInterests[]>;
}

export const PEOPLE_DIRECTORY = Symbol('PEOPLE_DIRECTORY');
