import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal } from '@careers/contracts';
import { badInput, conflict, notFound } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { BecomeMentorInput, UpdateMentorProfileInput } from './mentor.inputs.js';
import type { MentorProfile } from './mentor.model.js';
import { type MentorIdentity, MentorRepository } from './mentor.repository.js';

/**
 * A mentor's own profile: opting in, changing it, pausing and opting out. Every write runs in one transaction with
 * the mentor's row locked, and refreshes mentoring's copy of what identity says of them (name, course, graduation
 * year), read through the PeopleDirectory port on that transaction.
 */
@Injectable()
export class MentorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly mentors: MentorRepository,
  ) {}

  /** The caller's own mentor profile, opted out or not; null if they never offered mentoring. */
  mine(caller: Principal): Promise<MentorProfile | null> {
    return this.mentors.ofUser(this.db.manager, caller.id);
  }

  /** An alumnus starts mentoring (or comes back after opting out): they take requests at once. */
  async become(caller: Principal, input: BecomeMentorInput): Promise<MentorProfile> {
    const missing = (['offers', 'capacity'] as const).filter((f) => input[f] == null);
    if (missing.length) {
      throw badInput(`A mentor profile needs ${missing.join(' and ')}.`, { fields: Object.fromEntries(missing.map((f) => [f, [`${f} is required`]])) });
    }
    return this.db.transaction(async (tx) => {
      const existing = await this.mentors.ofUser(tx, caller.id, { lock: true });
      if (existing && !existing.optedOut) throw conflict('You already offer mentoring: change your profile with updateMentorProfile.');
      await this.mentors.save(tx, await this.identityOf(tx, caller), {
        sectors: input.sectors ?? [],
        skills: input.skills ?? [],
        organisations: input.organisations ?? [],
        languages: input.languages ?? [],
        topics: input.topics ?? [],
        about: input.about?.trim() || null,
        offers: [...new Set(input.offers!)],
        capacity: input.capacity!,
      });
      return (await this.mentors.ofUser(tx, caller.id))!;
    });
  }

  /** The mentor changes their profile, pauses or takes requests again; what is left out stays as it is. */
  async update(caller: Principal, input: UpdateMentorProfileInput): Promise<MentorProfile> {
    return this.db.transaction(async (tx) => {
      const current = await this.current(tx, caller);
      await this.mentors.update(tx, await this.identityOf(tx, caller), {
        sectors: input.sectors ?? current.sectors,
        skills: input.skills ?? current.skills,
        organisations: input.organisations ?? current.organisations,
        languages: input.languages ?? current.languages,
        topics: input.topics ?? current.topics,
        about: input.about === undefined ? current.about : input.about?.trim() || null,
        offers: input.offers ? [...new Set(input.offers)] : current.offers,
        capacity: input.capacity ?? current.capacity,
        acceptingRequests: input.acceptingRequests ?? current.acceptingRequests,
      });
      return (await this.mentors.ofUser(tx, caller.id))!;
    });
  }

  /**
   * The mentor stops mentoring: they leave the directory and suggestions and take no requests, and their active
   * mentorships go on until either side ends them. becomeMentor brings them back.
   */
  async optOut(caller: Principal): Promise<MentorProfile> {
    return this.db.transaction(async (tx) => {
      await this.current(tx, caller);
      await this.mentors.optOut(tx, caller.id);
      return (await this.mentors.ofUser(tx, caller.id))!;
    });
  }

  /** The caller's profile, locked; NOT_FOUND if they do not mentor (never did, or opted out). */
  private async current(tx: EntityManager, caller: Principal): Promise<MentorProfile> {
    const current = await this.mentors.ofUser(tx, caller.id, { lock: true });
    if (!current || current.optedOut) throw notFound('Your mentor profile (offer mentoring first with becomeMentor)');
    return current;
  }

  private async identityOf(tx: EntityManager, caller: Principal): Promise<MentorIdentity> {
    const [person] = await this.people.peopleOf([caller.id], tx);
    if (!person || !person.institutionId) throw badInput('Only alumni of an institution on the network can mentor.');
    return {
      userId: caller.id,
      institutionId: person.institutionId,
      displayName: person.displayName,
      course: person.course,
      graduationYear: person.graduationYear,
    };
  }
}
