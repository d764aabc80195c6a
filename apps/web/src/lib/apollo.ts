import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { relayStylePagination } from '@apollo/client/utilities';
import { SESSION_HEADERS, currentToken } from './session.js';

/**
 * Connections that pages read with "Load more" (usePagedQuery): pages of one list merge into one edge list.
 * The key args are what makes two lists different (filters); `first`/`after` are the paging. Add yours here.
 */
const paged = {
  notifications: relayStylePagination(['unreadOnly']),
  vacancies: relayStylePagination(['query', 'filter']),
  organisationVacancies: relayStylePagination(['status']),
  vacancyApprovals: relayStylePagination(['decision', 'institutionId']),
  organisationApprovals: relayStylePagination(['status', 'institutionId']),
  liveChatsAwaitingApproval: relayStylePagination(['status', 'institutionId']),
  upcomingLiveChats: relayStylePagination(),
  organisationLiveChats: relayStylePagination(['period']),
  liveChatRegistrations: relayStylePagination(['eventId', 'status']),
  myLiveChatRegistrations: relayStylePagination(),
  alertSubscriptions: relayStylePagination(),
  alertMatches: relayStylePagination(['alertId']),
  institutions: relayStylePagination(),
  users: relayStylePagination(['institutionId', 'role', 'search']),
  searchLiveChatQa: relayStylePagination(['query']),
  liveChatQuestions: relayStylePagination(['eventId']),
  failedJobs: relayStylePagination(['queue']),
  mentors: relayStylePagination(['filter']),
};

/** Sends the in-memory access token as a Bearer token, and the cookie-transport headers on every call. */
const authLink = new SetContextLink(async (previous) => {
  const token = await currentToken();
  return {
    headers: {
      ...(previous['headers'] as Record<string, string> | undefined),
      ...SESSION_HEADERS,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  };
});

export function createClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([authLink, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: paged },
        // A chat's Q&A page has no id of its own: it is the chat's. Its two lists are paged apart.
        LiveChatQaPublication: { keyFields: ['eventId'], fields: { items: relayStylePagination(), followUps: relayStylePagination() } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
