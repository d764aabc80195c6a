/**
 * The matching score's weights and the reasons in words (docs/mentoring.md, "The matching score", explains them).
 * The score is computed in PostgreSQL (MentorSuggestionsRepository) with these numbers as parameters, so the
 * documentation, the SQL and the reasons cannot drift apart.
 */
export const MATCH_WEIGHTS = {
  /** Each sector of the mentor's that is among the student's profile sectors (at most MAX_COUNTED count). */
  sameSector: 30,
  /** The mentor studied the same course at the student's institution. */
  sameCourse: 25,
  /** Each of the mentor's topics that is among the student's profile interests. */
  sharedInterest: 15,
  /** Each of the mentor's skills that is among the student's profile skills. */
  sharedSkill: 10,
  /** Each language the mentor mentors in that the student names among their skills or interests. */
  language: 10,
  /**
   * Each of the mentor's sectors or organisations that fills a gap in the student's network map: a sector or
   * organisation they want to reach that none of their contacts covers (at most MAX_COUNTED count).
   */
  fillsGap: 20,
  /** Places free, as a share of capacity, times this (rounded): 10 for an empty list, 0 when one place is left of many. */
  placesFree: 10,
} as const;

/** At most this many matches of one kind count towards the score: a long tag list does not buy a top place. */
export const MAX_COUNTED = 3;

/** What the ranking query says of one mentor: the student's matches in the mentor's own spelling. */
export interface MatchFacts {
  sameSectors: string[];
  course: string | null;
  sameCourse: boolean;
  /** The mentor's sectors and organisations that fill a gap in the student's network map (empty when none). */
  fillsGaps?: string[];
  sharedInterests: string[];
  sharedSkills: string[];
  languages: string[];
  placesFree: number;
  capacity: number;
}

const list = (items: string[]) => items.join(', ');

/** The reasons for a suggestion, strongest kind first, as a student reads them. */
export function reasonsOf(f: MatchFacts): string[] {
  const reasons: string[] = [];
  if (f.sameSectors.length) reasons.push(`same sector: ${list(f.sameSectors)}`);
  if (f.sameCourse && f.course) reasons.push(`studied ${f.course} at your university`);
  if (f.fillsGaps?.length) reasons.push(`fills a gap in your network: ${list(f.fillsGaps)}`);
  if (f.sharedInterests.length) reasons.push(`talks about your interests: ${list(f.sharedInterests)}`);
  if (f.sharedSkills.length) reasons.push(`shares your skills: ${list(f.sharedSkills)}`);
  for (const language of f.languages) reasons.push(`speaks ${language}`);
  reasons.push(`${f.placesFree} of ${f.capacity} ${f.capacity === 1 ? 'place' : 'places'} free`);
  return reasons;
}
