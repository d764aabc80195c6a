import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MentorLoad } from './mentoring-figures.model.js';

/** What the mentorship side of the staff figures counts. */
export interface MentorshipFigures {
  mentorRequests: number;
  requestsAccepted: number;
  requestsDeclined: number;
  requestsExpired: number;
  requestsOpen: number;
  activeMentorships: number;
  mentors: number;
  nearCapacity: MentorLoad[];
}

/** What the questions side of the staff figures counts. */
export interface QuestionFigures {
  questionsAsked: number;
  questionsAnswered: number;
  medianHoursToFirstAnswer: number | null;
}

/** Mentors listed as near capacity, at most. */
export const NEAR_CAPACITY_LISTED = 20;

/**
 * Staff figures of one institution (read only; raw parameterised SQL through the caller's EntityManager). A
 * mentorship belongs to its mentor's institution; a request counts in the period it was made.
 */
@Injectable()
export class MentoringFiguresRepository {
  async mentorshipFigures(m: EntityManager, institutionId: string, since: Date): Promise<MentorshipFigures> {
    const [row] = await m.query(
      `WITH r AS (
         SELECT s.status FROM mentorship s JOIN mentor_profile m ON m.user_id = s.mentor_id
         WHERE m.institution_id = $1 AND s.created_at >= $2
       ), load AS (
         SELECT m.user_id, m.display_name, m.capacity,
                (SELECT count(*) FROM mentorship s WHERE s.mentor_id = m.user_id AND s.status = 'ACTIVE')::int AS active
         FROM mentor_profile m WHERE m.institution_id = $1 AND m.opted_out_at IS NULL
       )
       SELECT (SELECT count(*) FROM r)::int AS requests,
              (SELECT count(*) FROM r WHERE status IN ('ACTIVE', 'ENDED'))::int AS accepted,
              (SELECT count(*) FROM r WHERE status = 'DECLINED')::int AS declined,
              (SELECT count(*) FROM r WHERE status = 'EXPIRED')::int AS expired,
              (SELECT count(*) FROM r WHERE status = 'REQUESTED')::int AS open,
              (SELECT count(*) FROM mentorship s JOIN mentor_profile m ON m.user_id = s.mentor_id
                WHERE m.institution_id = $1 AND s.status = 'ACTIVE')::int AS active,
              (SELECT count(*) FROM load)::int AS mentors,
              (SELECT coalesce(json_agg(json_build_object('mentorId', l.user_id, 'displayName', l.display_name, 'active', l.active, 'capacity', l.capacity)
                        ORDER BY l.active::float / l.capacity DESC, l.display_name, l.user_id), '[]')
                 FROM load l WHERE l.active * 5 >= l.capacity * 4) AS near`,
      [institutionId, since],
    );
    return {
      mentorRequests: row.requests,
      requestsAccepted: row.accepted,
      requestsDeclined: row.declined,
      requestsExpired: row.expired,
      requestsOpen: row.open,
      activeMentorships: row.active,
      mentors: row.mentors,
      nearCapacity: row.near,
    };
  }

  /**
   * Questions asked by the institution's students in the period (community and private alike: counts show no
   * content), those with at least one answer, and the median hours from a question to its first answer, over the
   * answered ones: one statement.
   */
  async questionFigures(m: EntityManager, institutionId: string, since: Date): Promise<QuestionFigures> {
    const [row] = await m.query(
      `WITH q AS (
         SELECT q.created_at, (SELECT min(a.created_at) FROM answer a WHERE a.question_id = q.id) AS first_answer_at
         FROM question q WHERE q.institution_id = $1 AND q.created_at >= $2
       )
       SELECT count(*)::int AS asked, count(first_answer_at)::int AS answered,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_answer_at - created_at)) / 3600)::numeric, 2)::float AS median_hours
       FROM q`,
      [institutionId, since],
    );
    return { questionsAsked: row.asked, questionsAnswered: row.answered, medianHoursToFirstAnswer: row.median_hours };
  }
}
