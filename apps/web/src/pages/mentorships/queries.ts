import { graphql } from '../../gql/index.js';

/** The lists of mentorships that pages refetch after a change (kept apart, so a page needs no other page's code). */
export const MyMentorships = graphql(`
  query MyMentorships($status: MentorshipStatus, $first: Int, $after: String) {
    myMentorships(status: $status, first: $first, after: $after) {
      edges {
        node {
          id
          status
          myRole
          asksFor
          requestedAt
          mentor { id displayName }
          mentee { id displayName course }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const MentorRequests = graphql(`
  query MentorRequests($first: Int, $after: String) {
    mentorRequests(first: $first, after: $after) {
      edges {
        node { id status asksFor message requestedAt expiresAt mentee { id displayName course } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
