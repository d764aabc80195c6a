import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notBlocked } from '../mentorships/mentoring-block.repository.js';
import { MentorProfile, type MentorOffer } from './mentor.model.js';

/**
 * The mentor profile aggregate's SQL (`mentor_profile`, and the count of a mentor's ACTIVE `mentorship` rows that
 * capacity is measured against) and its row mapping. The dialect of every repository (CONTRIBUTING, "Repositories
 * hold the SQL"): raw parameterised SQL through the EntityManager the caller passes in; rules stay in the services.
 */
/** Active mentorships of the mentor row `m`: what capacity counts. */
export const ACTIVE_MENTEES = `(SELECT count(*) FROM mentorship s WHERE s.mentor_id = m.user_id AND s.status = 'ACTIVE')::int`;

/** Columns of `mentor_profile m` as a MentorProfile (a SELECT list, aliased for `toMentor`). */
export const MENTOR_COLUMNS = `m.user_id, m.institution_id, m.display_name, m.course, m.graduation_year, m.about, m.sectors, m.skills,
  m.organisations, m.languages, m.topics, m.offers::text[] AS offers, m.capacity, m.accepting_requests, m.opted_out_at, m.created_at,
  m.updated_at, greatest(m.capacity - ${ACTIVE_MENTEES}, 0) AS places_free`;

export interface MentorRow {
  user_id: string;
  institution_id: string;
  display_name: string;
  course: string | null;
  graduation_year: number | null;
  about: string | null;
  sectors: string[];
  skills: string[];
  organisations: string[];
  languages: string[];
  topics: string[];
  offers: MentorOffer[];
  capacity: number;
  accepting_requests: boolean;
  opted_out_at: Date | null;
  created_at: Date;
  updated_at: Date;
  places_free: number;
}

export function toMentor(r: MentorRow): MentorProfile {
  return Object.assign(new MentorProfile(), {
    id: r.user_id,
    institutionId: r.institution_id,
    displayName: r.display_name,
    course: r.course,
    graduationYear: r.graduation_year,
    about: r.about,
    sectors: r.sectors,
    skills: r.skills,
    organisations: r.organisations,
    languages: r.languages,
    topics: r.topics,
    offers: r.offers,
    capacity: r.capacity,
    placesFree: r.places_free,
    acceptingRequests: r.accepting_requests,
    optedOut: r.opted_out_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}

/** What a mentor writes of their profile. */
export interface MentorFields {
  sectors: string[];
  skills: string[];
  organisations: string[];
  languages: string[];
  topics: string[];
  about: string | null;
  offers: MentorOffer[];
  capacity: number;
}

/** What mentoring keeps a copy of from identity (the PeopleDirectory port), refreshed at each save. */
export interface MentorIdentity {
  userId: string;
  institutionId: string;
  displayName: string;
  course: string | null;
  graduationYear: number | null;
}

/** The directory's keyset position: the score and creation time of the last mentor of the page before. */
export interface DirectoryAfter {
  score: string;
  createdAt: string;
  userId: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class MentorRepository {
  async ofUser(m: EntityManager, userId: string, opts: { lock?: boolean } = {}): Promise<MentorProfile | null> {
    const rows: MentorRow[] = await m.query(
      `SELECT ${MENTOR_COLUMNS} FROM mentor_profile m WHERE m.user_id = $1${opts.lock ? ' FOR UPDATE OF m' : ''}`,
      [userId],
    );
    return rows[0] ? toMentor(rows[0]) : null;
  }

  /** A new mentor, or one who opted out coming back: taking requests, with the profile given. */
  async save(m: EntityManager, who: MentorIdentity, f: MentorFields): Promise<void> {
    await m.query(
      `INSERT INTO mentor_profile AS m (user_id, institution_id, display_name, course, graduation_year, about, sectors, skills, organisations,
         languages, topics, offers, capacity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::mentor_offer[], $13)
       ON CONFLICT (user_id) DO UPDATE SET institution_id = $2, display_name = $3, course = $4, graduation_year = $5, about = $6,
         sectors = $7, skills = $8, organisations = $9, languages = $10, topics = $11, offers = $12::mentor_offer[], capacity = $13,
         accepting_requests = true, opted_out_at = NULL, updated_at = now()`,
      [who.userId, who.institutionId, who.displayName, who.course, who.graduationYear, f.about, f.sectors, f.skills, f.organisations,
        f.languages, f.topics, f.offers, f.capacity],
    );
  }

  /** Writes the whole profile as it now is, with a fresh copy of the identity facts. */
  async update(m: EntityManager, who: MentorIdentity, f: MentorFields & { acceptingRequests: boolean }): Promise<void> {
    await m.query(
      `UPDATE mentor_profile SET display_name = $2, course = $3, graduation_year = $4, about = $5, sectors = $6, skills = $7,
         organisations = $8, languages = $9, topics = $10, offers = $11::mentor_offer[], capacity = $12, accepting_requests = $13,
         updated_at = now()
       WHERE user_id = $1`,
      [who.userId, who.displayName, who.course, who.graduationYear, f.about, f.sectors, f.skills, f.organisations, f.languages, f.topics,
        f.offers, f.capacity, f.acceptingRequests],
    );
  }

  /** The copy of identity's facts, as identity has them now; nothing when the person is not a mentor. */
  async refreshCopy(m: EntityManager, who: { userId: string; displayName: string; course: string | null; graduationYear: number | null }): Promise<void> {
    await m.query(
      `UPDATE mentor_profile SET display_name = $2, course = $3, graduation_year = $4
       WHERE user_id = $1 AND (display_name, course, graduation_year) IS DISTINCT FROM ($2, $3, $4)`,
      [who.userId, who.displayName, who.course, who.graduationYear],
    );
  }

  async optOut(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE mentor_profile SET opted_out_at = now(), accepting_requests = false, updated_at = now() WHERE user_id = $1`, [userId]);
  }

  /**
   * Mentors taking requests (not paused, not opted out) at `institutionId` (null: every institution), matching every
   * filter given, and not blocked either way by the viewer. With `search`, ranked by full-text relevance (name, then sectors, skills and organisations, then
   * course, topics and languages, then about) plus partial-word similarity; newest first otherwise.
   */
  async directory(
    m: EntityManager,
    s: {
      institutionId: string | null;
      /** Who browses: mentors blocked by them, or who blocked them, are left out. */
      viewerId: string;
      sector?: string;
      skill?: string;
      language?: string;
      offer?: MentorOffer;
      search?: string;
      after?: DirectoryAfter;
      first: number;
    },
  ): Promise<(MentorProfile & { score: string })[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where = [`m.accepting_requests`, `m.opted_out_at IS NULL`];
    if (s.institutionId) where.push(`m.institution_id = ${p(s.institutionId)}`);
    where.push(notBlocked(`${p(s.viewerId)}::uuid`));
    if (s.sector) where.push(`m.sector_keys @> ARRAY[mentoring_fold(${p(s.sector)})]`);
    if (s.skill) where.push(`m.skill_keys @> ARRAY[mentoring_fold(${p(s.skill)})]`);
    if (s.language) where.push(`m.language_keys @> ARRAY[mentoring_fold(${p(s.language)})]`);
    if (s.offer) where.push(`${p(s.offer)}::mentor_offer = ANY(m.offers)`);
    let score = '0::numeric';
    if (s.search) {
      const q = p(s.search);
      // The trigram index finds partial words ("engin" in "Engineering"); full text finds stems anywhere, about included.
      const like = p(`%${escapeLike(s.search)}%`);
      where.push(`(m.search @@ websearch_to_tsquery('mentoring', ${q}) OR m.search_folded LIKE mentoring_fold(${like}))`);
      score = `round((ts_rank_cd(m.search, websearch_to_tsquery('mentoring', ${q}), 1) + word_similarity(mentoring_fold(${q}), m.search_folded))::numeric, 6)`;
    }
    if (s.after) {
      where.push(`(${score}, m.created_at, m.user_id) < (${p(s.after.score)}::numeric, ${p(s.after.createdAt)}::timestamptz, ${p(s.after.userId)}::uuid)`);
    }
    const rows: (MentorRow & { score: string })[] = await m.query(
      `SELECT ${MENTOR_COLUMNS}, ${score} AS score FROM mentor_profile m WHERE ${where.join(' AND ')}
       ORDER BY score DESC, m.created_at DESC, m.user_id DESC LIMIT ${s.first + 1}`,
      params,
    );
    return rows.map((r) => Object.assign(toMentor(r), { score: r.score }));
  }
}
