import type { PersonFacts } from '@careers/contracts';

interface Audience {
  graduationYears: readonly number[];
  subjects: readonly string[];
}

/** A subject matches when the person's course contains it, ignoring case ("law" matches "Law and French"). */
export const courseMatches = (course: string | null, subjects: readonly string[]): boolean =>
  subjects.length === 0 || (course !== null && subjects.some((s) => course.toLowerCase().includes(s.toLowerCase())));

/**
 * Why a student may not join an event aimed at their institution (its year and
 * subject filters), in words they can act on; null when they may.
 */
export function eligibilityProblem(event: Audience, person: PersonFacts): string | null {
  if (event.graduationYears.length > 0 && (person.graduationYear === null || !event.graduationYears.includes(person.graduationYear))) {
    const yours = person.graduationYear === null ? 'your profile has no graduation year' : `your profile says ${person.graduationYear}`;
    return `This live chat is for students graduating in ${event.graduationYears.join(', ')}; ${yours}. Correct your profile if it is wrong.`;
  }
  if (!courseMatches(person.course, event.subjects)) {
    const yours = person.course === null ? 'your profile has no course' : `your course is "${person.course}"`;
    return `This live chat is for students of ${event.subjects.join(', ')}; ${yours}. Correct your profile if it is wrong.`;
  }
  return null;
}
