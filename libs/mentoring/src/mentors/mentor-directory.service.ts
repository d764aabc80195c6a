import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal } from '@careers/contracts';
import { badInput, type ConnectionShape, decodeCursor, encodeCursor, forbidden, notFound, pageSize, toConnection } from '@careers/platform';
import { DataSource } from 'typeorm';
import { MentoringAudienceService } from '../audience/mentoring-audience.service.js';
import { canSeeMentor } from './mentor-access.js';
import { MentoringBlockRepository } from '../mentorships/mentoring-block.repository.js';
import { reasonsOf } from './mentor-match.js';
import { MentorSuggestionsRepository } from './mentor-suggestions.repository.js';
import type { MentorsArgs, MentorSuggestionsArgs } from './mentor.inputs.js';
import type { MentorProfile, MentorSuggestion } from './mentor.model.js';
import { MentorRepository, toMentor } from './mentor.repository.js';

/** What each caller may read of mentors: one profile, the directory, and a student's suggestions. */
@Injectable()
export class MentorDirectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly mentors: MentorRepository,
    private readonly suggestions: MentorSuggestionsRepository,
    private readonly blocks: MentoringBlockRepository,
    private readonly audience: MentoringAudienceService,
  ) {}

  /** One mentor, if the caller may see them and no block stands between them (anything else is NOT_FOUND, so ids cannot be probed). */
  async get(caller: Principal, id: string): Promise<MentorProfile> {
    const mentor = await this.mentors.ofUser(this.db.manager, id);
    if (!mentor || !canSeeMentor(caller, await this.audience.networkOf(caller), mentor) || (await this.blocks.eitherWay(this.db.manager, caller.id, mentor.id))) throw notFound('The mentor');
    return mentor;
  }

  /** Mentors of the caller's network who take requests, by relevance to the search, newest first otherwise. */
  async directory(caller: Principal, args: MentorsArgs): Promise<ConnectionShape<MentorProfile>> {
    const first = pageSize(args);
    const network = await this.audience.networkOf(caller);
    if (network === undefined) throw forbidden('The mentor directory is for the students, alumni and staff of an institution.');
    let after;
    if (args.after) {
      const [key, userId] = decodeCursor(args.after);
      const [score, createdAt] = String(key).split('|');
      if (!score || !createdAt || Number.isNaN(Number(score)) || Number.isNaN(Date.parse(createdAt))) {
        throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
      }
      after = { score, createdAt, userId };
    }
    const f = args.filter ?? {};
    const rows = await this.mentors.directory(this.db.manager, {
      institutionIds: network,
      viewerId: caller.id,
      sector: f.sector?.trim() || undefined,
      skill: f.skill?.trim() || undefined,
      language: f.language?.trim() || undefined,
      offer: f.offer,
      search: f.search?.trim() || undefined,
      after,
      first,
    });
    return toConnection(rows, first, (m) => encodeCursor(`${m.score}|${m.createdAt.toISOString()}`, m.id));
  }

  /**
   * A student's suggestions: the mentors of their network who take requests and have a place free, ranked in
   * PostgreSQL from the student's profile (MentorSuggestionsRepository), each with its reasons. A student whose
   * profile names nothing that matches gets none: the directory is there to browse.
   */
  async suggest(caller: Principal, args: MentorSuggestionsArgs): Promise<MentorSuggestion[]> {
    const network = await this.audience.networkOf(caller);
    if (!caller.institutionId || !network) return [];
    const [profile] = await this.people.interestsOf([caller.id]);
    if (!profile) return [];
    const rows = await this.suggestions.rank(
      this.db.manager,
      {
        userId: caller.id,
        institutionId: caller.institutionId,
        course: profile.course,
        sectors: profile.sectors,
        skills: profile.skills,
        interests: profile.interests,
      },
      network,
      args.first ?? 10,
    );
    return rows.map((r) => ({
      mentor: toMentor(r),
      score: r.score,
      reasons: reasonsOf({
        sameSectors: r.same_sectors,
        course: r.course,
        sameCourse: r.same_course,
        fillsGaps: r.fills_gaps,
        sharedInterests: r.shared_interests,
        sharedSkills: r.shared_skills,
        languages: r.spoken,
        placesFree: r.places_free,
        capacity: r.capacity,
      }),
    }));
  }
}
