import { graphql } from '../../gql/index.js';
import type { MentorOffer } from '../../gql/graphql.js';

/** What the mentor pages show of a mentor profile (the directory's cards, the mentor page, the editor). */
export const MentorFields = graphql(`
  fragment MentorFields on MentorProfile {
    id
    displayName
    course
    graduationYear
    about
    sectors
    skills
    organisations
    languages
    topics
    offers
    capacity
    placesFree
    acceptingRequests
    optedOut
  }
`);

/** The offers in words, in the api's order. */
export const OFFER_NAMES: Record<MentorOffer, string> = {
  QUESTION: 'Answers to a question',
  CONVERSATION: 'A conversation',
  CV_FEEDBACK: 'CV feedback',
  MENTORSHIP: 'A longer mentorship',
};
export const OFFERS = Object.keys(OFFER_NAMES) as MentorOffer[];

/** "History, 2015", "History", "Graduated 2015", or null when the profile gives neither. */
export function studiedText(course: string | null | undefined, year: number | null | undefined): string | null {
  if (course && year) return `${course}, ${year}`;
  if (course) return course;
  if (year) return `Graduated ${year}`;
  return null;
}

/** "2 of 3 places free", or "No places free now". */
export function placesText(free: number, capacity: number): string {
  return free > 0 ? `${free} of ${capacity} ${capacity === 1 ? 'place' : 'places'} free` : 'No places free now';
}

/** Whether a student may ask this mentor now: taking requests, not opted out, a place free. */
export const takesRequests = (m: { acceptingRequests: boolean; optedOut: boolean; placesFree: number }) => m.acceptingRequests && !m.optedOut && m.placesFree > 0;
