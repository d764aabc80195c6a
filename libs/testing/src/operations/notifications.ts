// GraphQL documents of notifications shared by the specs.

export const INBOX = `query { notifications(first: 50) { edges { node { kind title body link } } } }`;
export const SET_NOTIFICATION_PREFERENCE = `mutation($i: SetNotificationPreferenceInput!) { setNotificationPreference(input: $i) { kind } }`;
