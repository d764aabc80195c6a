// GraphQL documents of live chats shared by the specs. Each selects the union of what the specs
// read, so one document serves them all.

export const SCHEDULE_LIVE_CHAT = `mutation($i: ScheduleLiveChatInput!) { scheduleLiveChat(input: $i) { id status sequence capacity icsUrl hosts { id } audience { institutionId status } } }`;
export const UPDATE_LIVE_CHAT = `mutation($id: ID!, $i: UpdateLiveChatInput!) { updateLiveChat(id: $id, input: $i) { id title startsAt endsAt sequence capacity placesLeft hosts { id } } }`;
export const CANCEL_LIVE_CHAT = `mutation($id: ID!, $r: String!) { cancelLiveChat(id: $id, reason: $r) { status statusReason sequence } }`;
export const DECIDE_LIVE_CHAT = `mutation($i: DecideLiveChatInput!) { decideLiveChat(input: $i) { status reason institutionId event { id status } } }`;
export const REGISTER_FOR_LIVE_CHAT = `mutation($id: ID!) { registerForLiveChat(eventId: $id) { id status waitlistPlace event { id } } }`;
export const CANCEL_LIVE_CHAT_REGISTRATION = `mutation($id: ID!) { cancelLiveChatRegistration(eventId: $id) { id status } }`;
