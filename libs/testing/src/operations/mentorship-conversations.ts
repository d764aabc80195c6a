// GraphQL documents of mentorship conversations shared by the specs (api, e2e, browser).

const MESSAGE = `id mentorshipId senderId sentByYou body clientId readByRecipient createdAt`;
const GOAL = `id mentorshipId text proposedById proposedByYou status createdAt agreedAt completedAt`;

export const MENTORSHIP_CONVERSATION = `query($m: ID!) { mentorshipConversation(mentorshipId: $m) {
  mentorshipId status writable yourSide otherPartyId otherPartyName unreadCount otherReadUpToId goals { ${GOAL} } } }`;
export const MENTORSHIP_MESSAGES = `query($m: ID!, $first: Int, $after: String) { mentorshipMessages(mentorshipId: $m, first: $first, after: $after) {
  edges { cursor node { ${MESSAGE} } } pageInfo { hasNextPage endCursor } } }`;
export const SEND_MENTORSHIP_MESSAGE = `mutation($i: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $i) { ${MESSAGE} } }`;
export const MARK_MENTORSHIP_READ = `mutation($m: ID!, $up: ID!) { markMentorshipRead(mentorshipId: $m, upToMessageId: $up) { unreadCount otherReadUpToId } }`;
export const PROPOSE_MENTORSHIP_GOAL = `mutation($i: ProposeMentorshipGoalInput!) { proposeMentorshipGoal(input: $i) { ${GOAL} } }`;
export const AGREE_MENTORSHIP_GOAL = `mutation($g: ID!) { agreeMentorshipGoal(goalId: $g) { ${GOAL} } }`;
export const COMPLETE_MENTORSHIP_GOAL = `mutation($g: ID!) { completeMentorshipGoal(goalId: $g) { ${GOAL} } }`;
export const REMOVE_MENTORSHIP_GOAL = `mutation($g: ID!) { removeMentorshipGoal(goalId: $g) { ${GOAL} } }`;
export const MY_MENTORSHIP_UNREAD_COUNTS = `query { myMentorshipUnreadCounts { mentorshipId unreadCount } }`;
