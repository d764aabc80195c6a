import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MATCH_WEIGHTS, MAX_COUNTED } from './mentor-match.js';
import { UNCOVERED } from '../network/network.repository.js';
import { notBlocked } from '../mentorships/mentoring-block.repository.js';
import { MENTOR_COLUMNS, type MentorRow } from './mentor.repository.js';

/** What a student's profile says, as the ranking reads it (from identity, through the PeopleDirectory port). */
export interface StudentTags {
  userId: string;
  institutionId: string;
  course: string | null;
  sectors: string[];
  skills: string[];
  interests: string[];
}

export interface RankedMentorRow extends MentorRow {
  score: number;
  same_sectors: string[];
  same_course: boolean;
  shared_interests: string[];
  shared_skills: string[];
  spoken: string[];
  fills_gaps: string[];
}

/**
 * Mentor suggestions for a student, ranked in one statement (the read side of MentorRepository, whose opening
 * comment describes the dialect). Candidates are the mentors of the student's network who take requests, have a
 * place free, are not blocked either way (mentorships' `notBlocked`) and match at least one thing (the GIN indexes
 * on the folded tag arrays find them); each is scored by MATCH_WEIGHTS and returned with what matched, in the mentor's own spelling, for the reasons.
 */
@Injectable()
export class MentorSuggestionsRepository {
  /** `network`: the institutions whose mentors reach the student (MentoringAudienceService.networkOf). */
  async rank(m: EntityManager, student: StudentTags, network: readonly string[], first: number): Promise<RankedMentorRow[]> {
    const w = MATCH_WEIGHTS;
    return m.query(
      `WITH me AS (
         SELECT mentoring_fold_all($2::text[]) AS sectors, mentoring_fold_all($3::text[]) AS skills,
                mentoring_fold_all($4::text[]) AS interests, mentoring_fold($5::text) AS course,
                mentoring_fold_all($3::text[] || $4::text[]) AS named
       ), gaps AS (
         -- The student's network-map gaps (wanted sectors and organisations no contact of theirs covers).
         SELECT coalesce(array_agg(w.value_key) FILTER (WHERE w.kind = 'SECTOR'), '{}') AS sectors,
                coalesce(array_agg(w.value_key) FILTER (WHERE w.kind = 'ORGANISATION'), '{}') AS organisations
         FROM network_want w WHERE w.owner_id = $6 AND w.kind IN ('SECTOR', 'ORGANISATION') AND ${UNCOVERED('w', '$6')}
       ), candidate AS (
         SELECT ${MENTOR_COLUMNS},
                ARRAY(SELECT t FROM unnest(m.sectors) t WHERE mentoring_fold(t) = ANY (me.sectors)) AS same_sectors,
                coalesce(m.course_key = me.course AND m.institution_id = $1, false) AS same_course,
                ARRAY(SELECT t FROM unnest(m.topics) t WHERE mentoring_fold(t) = ANY (me.interests)) AS shared_interests,
                ARRAY(SELECT t FROM unnest(m.skills) t WHERE mentoring_fold(t) = ANY (me.skills)) AS shared_skills,
                ARRAY(SELECT t FROM unnest(m.languages) t WHERE mentoring_fold(t) = ANY (me.named)) AS spoken,
                ARRAY(SELECT t FROM unnest(m.sectors) t WHERE mentoring_fold(t) = ANY (gaps.sectors)
                      UNION ALL SELECT t FROM unnest(m.organisations) t WHERE mentoring_fold(t) = ANY (gaps.organisations)) AS fills_gaps
         FROM mentor_profile m CROSS JOIN me CROSS JOIN gaps
         WHERE m.institution_id = ANY($16::uuid[]) AND m.accepting_requests AND m.opted_out_at IS NULL AND m.user_id <> $6 AND ${notBlocked('$6')}
           AND (m.sector_keys && me.sectors OR m.topic_keys && me.interests OR m.skill_keys && me.skills
                OR m.language_keys && me.named OR m.course_key = me.course
                OR m.sector_keys && gaps.sectors OR m.organisation_keys && gaps.organisations)
       )
       SELECT c.*,
              (least(cardinality(c.same_sectors), $8) * $9 + CASE WHEN c.same_course THEN $10 ELSE 0 END
               + least(cardinality(c.shared_interests), $8) * $11 + least(cardinality(c.shared_skills), $8) * $12
               + least(cardinality(c.spoken), $8) * $13 + round($14 * c.places_free::numeric / c.capacity)
               + least(cardinality(c.fills_gaps), $8) * $15)::int AS score
       FROM candidate c
       WHERE c.places_free > 0
       ORDER BY score DESC, c.places_free DESC, c.user_id
       LIMIT $7`,
      [
        student.institutionId,
        student.sectors,
        student.skills,
        student.interests,
        student.course,
        student.userId,
        first,
        MAX_COUNTED,
        w.sameSector,
        w.sameCourse,
        w.sharedInterest,
        w.sharedSkill,
        w.language,
        w.placesFree,
        w.fillsGap,
        network,
      ],
    );
  }
}
