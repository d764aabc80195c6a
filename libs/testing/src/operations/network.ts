// Mentoring: the network map, introductions and the staff figures (H4).
const CONTACT = `id personId name sector organisation role relation notes`;
const WANT = `id kind value`;
const INTRODUCTION = `id studentId studentName mentorId mentorName wantKind wantValue message status note answeredAt`;

export const NETWORK_MAP = `query { myNetworkMap {
  contacts { ${CONTACT} }
  wants { ${WANT} }
  gaps { want { ${WANT} } suggestions { reason mentor { id displayName placesFree } } } } }`;
export const ADD_NETWORK_CONTACT = `mutation($i: AddNetworkContactInput!) { addNetworkContact(input: $i) { ${CONTACT} } }`;
export const UPDATE_NETWORK_CONTACT = `mutation($i: UpdateNetworkContactInput!) { updateNetworkContact(input: $i) { ${CONTACT} } }`;
export const REMOVE_NETWORK_CONTACT = `mutation($id: ID!) { removeNetworkContact(id: $id) }`;
export const ADD_NETWORK_WANT = `mutation($i: AddNetworkWantInput!) { addNetworkWant(input: $i) { ${WANT} } }`;
export const REMOVE_NETWORK_WANT = `mutation($id: ID!) { removeNetworkWant(id: $id) }`;
export const REQUEST_INTRODUCTION = `mutation($i: RequestIntroductionInput!) { requestIntroduction(input: $i) { ${INTRODUCTION} } }`;
export const ANSWER_INTRODUCTION = `mutation($i: AnswerIntroductionInput!) { answerIntroduction(input: $i) { ${INTRODUCTION} } }`;
export const MY_INTRODUCTIONS = `query($first: Int, $after: String) { myIntroductionRequests(first: $first, after: $after) {
  edges { node { ${INTRODUCTION} } } pageInfo { hasNextPage endCursor } } }`;
export const INTRODUCTIONS_RECEIVED = `query($first: Int, $after: String) { introductionRequests(first: $first, after: $after) {
  edges { node { ${INTRODUCTION} } } pageInfo { hasNextPage endCursor } } }`;
export const MENTORING_FIGURES = `query($institutionId: ID, $days: Int) { mentoringFigures(institutionId: $institutionId, days: $days) {
  institutionId days questionsAsked questionsAnswered medianHoursToFirstAnswer mentorRequests requestsAccepted requestsDeclined requestsExpired
  requestsOpen acceptanceRate activeMentorships mentors mentorsNearCapacity nearCapacity { mentorId displayName active capacity } } }`;
