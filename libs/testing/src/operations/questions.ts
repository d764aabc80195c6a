// GraphQL documents of mentoring's questions and answers shared by the specs. Each selects the union of what the
// specs read, so one document serves them all.

const PERSON = `{ id displayName }`;
const ANSWER = `id body score myVote accepted mine createdAt editedAt author ${PERSON}`;
const QUESTION = `id title body tags visibility answerCount hasAcceptedAnswer viewCount mine canAnswer createdAt editedAt author ${PERSON} mentor ${PERSON}`;

export const ASK_QUESTION = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { ${QUESTION} } }`;
export const EDIT_QUESTION = `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { ${QUESTION} revisions { title body tags writtenAt } } }`;
export const QUESTION_PAGE = `query($id: ID!) { question(id: $id) { ${QUESTION} revisions { title body tags writtenAt } answers { ${ANSWER} revisions { body writtenAt } } } }`;
export const QUESTIONS = `query($f: QuestionFilter, $first: Int, $after: String) {
  questions(filter: $f, first: $first, after: $after) { edges { cursor node { ${QUESTION} } } pageInfo { hasNextPage endCursor } } }`;
export const QUESTION_TAGS = `query($s: String, $first: Int) { questionTags(search: $s, first: $first) { tag count } }`;
export const ANSWER_QUESTION = `mutation($q: ID!, $b: String!) { answerQuestion(questionId: $q, body: $b) { ${ANSWER} } }`;
export const EDIT_ANSWER = `mutation($id: ID!, $b: String!) { editAnswer(id: $id, body: $b) { ${ANSWER} revisions { body writtenAt } } }`;
export const VOTE_ANSWER = `mutation($id: ID!, $up: Boolean!) { voteAnswer(answerId: $id, up: $up) { id score myVote } }`;
export const UNVOTE_ANSWER = `mutation($id: ID!) { unvoteAnswer(answerId: $id) { id score myVote } }`;
export const ACCEPT_ANSWER = `mutation($id: ID!) { acceptAnswer(answerId: $id) { id accepted } }`;
export const FOLLOW_QUESTION_TAG = `mutation($t: String!) { followQuestionTag(tag: $t) }`;
export const UNFOLLOW_QUESTION_TAG = `mutation($t: String!) { unfollowQuestionTag(tag: $t) }`;
export const MY_FOLLOWED_QUESTION_TAGS = `query { myFollowedQuestionTags }`;
