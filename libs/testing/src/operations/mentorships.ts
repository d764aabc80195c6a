// GraphQL documents of mentorships (libs/mentoring/src/mentorships) shared by the specs.

export const MENTORSHIP_FIELDS = `id status myRole message asksFor requestedAt expiresAt decidedAt declineReason startedAt endedAt endedById endFeedback
  mentor { id displayName course } mentee { id displayName course }`;
export const BECOME_MENTOR = `mutation($i: BecomeMentorInput!) { becomeMentor(input: $i) { id capacity placesFree acceptingRequests } }`;
export const PAUSE_MENTORING = `mutation($accepting: Boolean!) { updateMentorProfile(input: { acceptingRequests: $accepting }) { id acceptingRequests } }`;
export const REQUEST_MENTORSHIP = `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { ${MENTORSHIP_FIELDS} } }`;
export const ACCEPT_MENTORSHIP = `mutation($id: ID!) { acceptMentorship(id: $id) { ${MENTORSHIP_FIELDS} } }`;
export const DECLINE_MENTORSHIP = `mutation($i: DeclineMentorshipInput!) { declineMentorship(input: $i) { ${MENTORSHIP_FIELDS} } }`;
export const WITHDRAW_MENTORSHIP_REQUEST = `mutation($id: ID!) { withdrawMentorshipRequest(id: $id) { ${MENTORSHIP_FIELDS} } }`;
export const END_MENTORSHIP = `mutation($i: EndMentorshipInput!) { endMentorship(input: $i) { ${MENTORSHIP_FIELDS} } }`;
export const BLOCK_PERSON = `mutation($userId: ID!) { blockPerson(userId: $userId) }`;
export const UNBLOCK_PERSON = `mutation($userId: ID!) { unblockPerson(userId: $userId) }`;
export const MENTORSHIP = `query($id: ID!) { mentorship(id: $id) { ${MENTORSHIP_FIELDS} } }`;
export const MY_MENTORSHIPS = `query($status: MentorshipStatus, $first: Int, $after: String) {
  myMentorships(status: $status, first: $first, after: $after) { edges { node { ${MENTORSHIP_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
export const MENTOR_REQUESTS = `query($first: Int, $after: String) {
  mentorRequests(first: $first, after: $after) { edges { node { ${MENTORSHIP_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
