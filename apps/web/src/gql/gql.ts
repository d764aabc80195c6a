/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      role\n      institution { id name }\n      organisation { id name }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query InstitutionList($first: Int, $after: String) {\n    institutions(first: $first, after: $after) {\n      edges { node { id name emailDomains createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.InstitutionListDocument,
    "\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) { id name emailDomains createdAt }\n  }\n": typeof types.CreateInstitutionDocument,
    "\n  mutation UpdateInstitution($id: ID!, $input: UpdateInstitutionInput!) {\n    updateInstitution(id: $id, input: $input) { id name emailDomains }\n  }\n": typeof types.UpdateInstitutionDocument,
    "\n  query UserList($first: Int, $after: String, $search: String, $role: Role, $institutionId: ID) {\n    users(first: $first, after: $after, search: $search, role: $role, institutionId: $institutionId) {\n      edges { node { id displayName email role trustLevel createdAt institution { id name } organisation { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.UserListDocument,
    "\n  query UserInstitutions {\n    institutions(first: 100) { edges { node { id name } } }\n  }\n": typeof types.UserInstitutionsDocument,
    "\n  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) { id displayName email role }\n  }\n": typeof types.CreateStaffAccountDocument,
    "\n  mutation SetTrustLevel($input: SetTrustLevelInput!) {\n    setTrustLevel(input: $input) { id trustLevel }\n  }\n": typeof types.SetTrustLevelDocument,
    "\n  fragment AlertFields on AlertSubscription {\n    id name keywords location sector types remote salaryMin salaryCurrency\n    frequency inApp email paused lastMatchedAt lastEmailedAt atomUrl rssUrl\n    webhook { url state failures disabledAt lastDeliveredAt lastError secret }\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  query AlertDetail($id: ID!) {\n    alertSubscription(id: $id) { ...AlertFields }\n  }\n": typeof types.AlertDetailDocument,
    "\n  mutation CreateAlert($input: CreateAlertSubscriptionInput!) {\n    createAlertSubscription(input: $input) { ...AlertFields }\n  }\n": typeof types.CreateAlertDocument,
    "\n  mutation UpdateAlert($input: UpdateAlertSubscriptionInput!) {\n    updateAlertSubscription(input: $input) { ...AlertFields }\n  }\n": typeof types.UpdateAlertDocument,
    "\n  mutation RegenerateAlertFeed($id: ID!) {\n    regenerateAlertFeedUrl(id: $id) { id atomUrl rssUrl }\n  }\n": typeof types.RegenerateAlertFeedDocument,
    "\n  query MyAlerts($first: Int, $after: String) {\n    alertSubscriptions(first: $first, after: $after) {\n      edges {\n        node {\n          id name keywords location sector types remote salaryMin salaryCurrency\n          frequency inApp email paused lastMatchedAt lastEmailedAt\n          webhook { state }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MyAlertsDocument,
    "\n  mutation PauseAlert($id: ID!, $paused: Boolean!) {\n    updateAlertSubscription(input: { id: $id, paused: $paused }) { id paused }\n  }\n": typeof types.PauseAlertDocument,
    "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlertSubscription(id: $id)\n  }\n": typeof types.DeleteAlertDocument,
    "\n  query AlertMatches($first: Int, $after: String, $alertId: ID) {\n    alertMatches(first: $first, after: $after, alertId: $alertId) {\n      edges {\n        node { alertId alertName why matchedAt vacancy { id title employerName location closesAt } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AlertMatchesDocument,
    "\n  query PendingOrganisations($first: Int, $after: String) {\n    organisationApprovals(first: $first, after: $after, status: PENDING) {\n      edges { node { id createdAt status organisation { id name website description } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.PendingOrganisationsDocument,
    "\n  query PendingVacancies($first: Int, $after: String) {\n    vacancyApprovals(first: $first, after: $after, decision: PENDING) {\n      edges { node { id title employerName location createdAt status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.PendingVacanciesDocument,
    "\n  query PendingLiveChats($first: Int, $after: String) {\n    liveChatsAwaitingApproval(first: $first, after: $after, status: PENDING) {\n      edges { node { eventId createdAt status event { id title organisationName startsAt } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.PendingLiveChatsDocument,
    "\n  mutation DecideOrganisation($input: DecideOrganisationInput!) {\n    decideOrganisation(input: $input) { id status reason decidedAt }\n  }\n": typeof types.DecideOrganisationDocument,
    "\n  mutation DecideVacancy($input: DecideVacancyInput!) {\n    decideVacancy(input: $input) { id status }\n  }\n": typeof types.DecideVacancyDocument,
    "\n  mutation DecideLiveChat($input: DecideLiveChatInput!) {\n    decideLiveChat(input: $input) { eventId status reason }\n  }\n": typeof types.DecideLiveChatDocument,
    "\n  query OrganisationVacancyList($first: Int, $after: String, $status: VacancyStatus) {\n    organisationVacancies(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id title status closesAt location\n          targets { institutionId institutionName decision reason decidedAt }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OrganisationVacancyListDocument,
    "\n  query AdminOverview {\n    institutions(first: 100) { edges { node { id } } pageInfo { hasNextPage } }\n    users(first: 100) { edges { node { id } } pageInfo { hasNextPage } }\n    queues { name failed }\n  }\n": typeof types.AdminOverviewDocument,
    "\n  query RecentOrganisationVacancies {\n    organisationVacancies(first: 5) {\n      edges { node { id title status } }\n      pageInfo { hasNextPage }\n    }\n  }\n": typeof types.RecentOrganisationVacanciesDocument,
    "\n  query AwaitingCounts {\n    organisationApprovals(first: 100, status: PENDING) { edges { node { id } } pageInfo { hasNextPage } }\n    vacancyApprovals(first: 100, decision: PENDING) { edges { node { id } } pageInfo { hasNextPage } }\n    liveChatsAwaitingApproval(first: 100, status: PENDING) { edges { node { eventId } } pageInfo { hasNextPage } }\n  }\n": typeof types.AwaitingCountsDocument,
    "\n  query FiguresSummary {\n    vacancyApprovals(first: 10, decision: APPROVED) { edges { node { id alertFigures { matched } } } }\n    liveChatsAwaitingApproval(first: 10, status: APPROVED) { edges { node { eventId event { id turnout { registered attended } } } } }\n  }\n": typeof types.FiguresSummaryDocument,
    "\n  query HomeAlertMatches {\n    alertMatches(first: 4) {\n      edges { node { why matchedAt vacancy { id title employerName location } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.HomeAlertMatchesDocument,
    "\n  query HomeLiveChats {\n    upcomingLiveChats(first: 3) {\n      edges { node { id title startsAt organisationName myRegistration { id status } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.HomeLiveChatsDocument,
    "\n  query MentorInvitationPreview($token: String!) {\n    mentorInvitation(token: $token) { email displayName institutionName note expiresAt }\n  }\n": typeof types.MentorInvitationPreviewDocument,
    "\n  mutation AcceptMentorInvitation($input: AcceptMentorInvitationInput!) {\n    acceptMentorInvitation(input: $input) { accessToken expiresIn }\n  }\n": typeof types.AcceptMentorInvitationDocument,
    "\n  query LiveChatForEdit($id: ID!) {\n    liveChat(id: $id) { id title description startsAt endsAt capacity registeredCount status sequence hosts { id displayName } }\n    me { id organisation { id members { id displayName } } }\n  }\n": typeof types.LiveChatForEditDocument,
    "\n  mutation UpdateLiveChat($id: ID!, $input: UpdateLiveChatInput!) {\n    updateLiveChat(id: $id, input: $input) { id title description startsAt endsAt capacity placesLeft registeredCount sequence hosts { id displayName } }\n  }\n": typeof types.UpdateLiveChatDocument,
    "\n  mutation CancelLiveChat($id: ID!, $reason: String!) {\n    cancelLiveChat(id: $id, reason: $reason) { id status statusReason sequence }\n  }\n": typeof types.CancelLiveChatDocument,
    "\n  query LiveChatDecisions($id: ID!) {\n    liveChat(id: $id) { id audience { institutionId status reason decidedAt } }\n    me { id institution { id name } organisation { id approvals { id institution { id name } } } }\n  }\n": typeof types.LiveChatDecisionsDocument,
    "\n  query LiveChatRegistrants($eventId: ID!, $status: LiveChatRegistrationStatus!, $first: Int, $after: String) {\n    liveChatRegistrations(eventId: $eventId, status: $status, first: $first, after: $after) {\n      edges { node { id userId displayName status waitlistPlace createdAt updatedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.LiveChatRegistrantsDocument,
    "\n  query LiveChatDetail($id: ID!) {\n    liveChat(id: $id) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      status\n      statusReason\n      capacity\n      placesLeft\n      registeredCount\n      organisationName\n      icsUrl\n      hosts { id displayName }\n      myRegistration { id status waitlistPlace }\n    }\n  }\n": typeof types.LiveChatDetailDocument,
    "\n  mutation RegisterForLiveChat($eventId: ID!) {\n    registerForLiveChat(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }\n  }\n": typeof types.RegisterForLiveChatDocument,
    "\n  mutation CancelLiveChatRegistration($eventId: ID!) {\n    cancelLiveChatRegistration(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }\n  }\n": typeof types.CancelLiveChatRegistrationDocument,
    "\n  mutation RegenerateLiveChatCalendarFeed {\n    regenerateLiveChatCalendarFeed { url createdAt }\n  }\n": typeof types.RegenerateLiveChatCalendarFeedDocument,
    "\n  query UpcomingLiveChats($first: Int, $after: String) {\n    upcomingLiveChats(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          endsAt\n          organisationName\n          placesLeft\n          myRegistration { id status waitlistPlace }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.UpcomingLiveChatsDocument,
    "\n  query LiveRoomChat($id: ID!) {\n    liveChat(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n      organisationName\n    }\n  }\n": typeof types.LiveRoomChatDocument,
    "\n  query OrganisationLiveChats($period: LiveChatPeriod, $first: Int, $after: String) {\n    organisationLiveChats(period: $period, first: $first, after: $after) {\n      edges {\n        node { id title status startsAt endsAt capacity registeredCount }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OrganisationLiveChatsDocument,
    "\n  query QaChat($id: ID!) {\n    liveChat(id: $id) { id title status startsAt endsAt organisationName hosts { id displayName } }\n  }\n": typeof types.QaChatDocument,
    "\n  query QaPageItems($eventId: ID!, $first: Int, $after: String) {\n    liveChatQaPage(eventId: $eventId) {\n      eventId\n      signedOffAt\n      publishedAt\n      items(first: $first, after: $after) {\n        edges { node { id position question answer } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.QaPageItemsDocument,
    "\n  query QaFollowUps($eventId: ID!, $first: Int, $after: String) {\n    liveChatQaPage(eventId: $eventId) {\n      eventId\n      followUps(first: $first, after: $after) {\n        edges { node { id question answer askerName answererName answeredAt createdAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.QaFollowUpsDocument,
    "\n  mutation SignOffLiveChatQa($eventId: ID!) {\n    signOffLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }\n  }\n": typeof types.SignOffLiveChatQaDocument,
    "\n  mutation PublishLiveChatQa($eventId: ID!) {\n    publishLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }\n  }\n": typeof types.PublishLiveChatQaDocument,
    "\n  mutation AskLiveChatFollowUp($eventId: ID!, $question: String!) {\n    askLiveChatFollowUp(eventId: $eventId, question: $question) { id question answer createdAt }\n  }\n": typeof types.AskLiveChatFollowUpDocument,
    "\n  mutation AnswerLiveChatFollowUp($id: ID!, $answer: String!) {\n    answerLiveChatFollowUp(id: $id, answer: $answer) { id answer answeredAt answererName }\n  }\n": typeof types.AnswerLiveChatFollowUpDocument,
    "\n  query SearchLiveChatQa($query: String!, $first: Int, $after: String) {\n    searchLiveChatQa(query: $query, first: $first, after: $after) {\n      edges { node { id question answer event { id title } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SearchLiveChatQaDocument,
    "\n  query ScheduleAudience {\n    me {\n      id\n      organisation { id approvals { id status institution { id name } } members { id displayName } }\n    }\n  }\n": typeof types.ScheduleAudienceDocument,
    "\n  mutation ScheduleLiveChat($input: ScheduleLiveChatInput!) {\n    scheduleLiveChat(input: $input) { id title status startsAt endsAt }\n  }\n": typeof types.ScheduleLiveChatDocument,
    "\n  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node { id kind title body link createdAt readAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) { id readAt }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences { kind inApp email }\n    notificationSettings { emailFrequency quietStart quietEnd timeZone }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) { kind inApp email }\n  }\n": typeof types.SetNotificationPreferenceDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) { emailFrequency quietStart quietEnd timeZone }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
    "\n  query MyOrganisation {\n    me {\n      id\n      organisation {\n        id name website description createdAt\n        approvals { id status reason createdAt decidedAt institution { id name } }\n      }\n    }\n  }\n": typeof types.MyOrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) { id name website description }\n  }\n": typeof types.UpdateOrganisationDocument,
    "\n  mutation RequestOrganisationApproval($institutionId: ID!) {\n    requestOrganisationApproval(institutionId: $institutionId) { id status reason createdAt decidedAt institution { id name } }\n  }\n": typeof types.RequestOrganisationApprovalDocument,
    "\n  query Person($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      role\n      institution { id name }\n      organisation { id name }\n      profile { ...ProfileFields }\n    }\n  }\n": typeof types.PersonDocument,
    "\n  fragment ProfileFields on Profile {\n    headline\n    bio\n    course\n    graduationYear\n    sectors\n    skills\n    interests\n    links { label url }\n    visibility\n    updatedAt\n  }\n": typeof types.ProfileFieldsFragmentDoc,
    "\n  query MyProfile {\n    me {\n      id\n      displayName\n      profile { ...ProfileFields }\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { ...ProfileFields }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query SignUpInstitutions($after: String) {\n    institutions(first: 100, after: $after) {\n      edges { node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SignUpInstitutionsDocument,
    "\n  mutation SignUpEmployer($input: SignUpEmployerInput!) {\n    signUpEmployer(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n": typeof types.SignUpEmployerDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query VacancyReach($first: Int, $after: String, $institutionId: ID) {\n    vacancyApprovals(first: $first, after: $after, decision: APPROVED, institutionId: $institutionId) {\n      edges { node { id title employerName publishedAt alertFigures { matched inApp email feed webhook } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.VacancyReachDocument,
    "\n  query LiveChatTurnouts($first: Int, $after: String, $institutionId: ID) {\n    liveChatsAwaitingApproval(first: $first, after: $after, status: APPROVED, institutionId: $institutionId) {\n      edges { node { eventId event { id title startsAt capacity turnout { registered waitlisted cancelled attended } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.LiveChatTurnoutsDocument,
    "\n  query FigureInstitutions {\n    institutions(first: 100) { edges { node { id name } } }\n  }\n": typeof types.FigureInstitutionsDocument,
    "\n  query MentorInvitationList($first: Int, $after: String) {\n    mentorInvitations(first: $first, after: $after) {\n      edges { node { id email displayName note status createdAt expiresAt acceptedAt acceptedUserId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MentorInvitationListDocument,
    "\n  mutation InviteMentor($input: InviteMentorInput!) {\n    inviteMentor(input: $input) { id email }\n  }\n": typeof types.InviteMentorDocument,
    "\n  mutation RevokeMentorInvitation($id: ID!) {\n    revokeMentorInvitation(id: $id) { id status }\n  }\n": typeof types.RevokeMentorInvitationDocument,
    "\n  query QueueStates {\n    queues { name waiting active delayed failed completed }\n  }\n": typeof types.QueueStatesDocument,
    "\n  query FailedJobs($queue: String!, $first: Int, $after: String) {\n    failedJobs(queue: $queue, first: $first, after: $after) {\n      edges { node { id name failedReason attemptsMade failedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.FailedJobsDocument,
    "\n  mutation RetryJob($queue: String!, $id: ID!) {\n    retryJob(queue: $queue, id: $id)\n  }\n": typeof types.RetryJobDocument,
    "\n  query VacancyToEdit($id: ID!) {\n    vacancy(id: $id) { ...VacancyEditFields }\n  }\n": typeof types.VacancyToEditDocument,
    "\n  mutation UpdateVacancy($input: UpdateVacancyInput!) {\n    updateVacancy(input: $input) { ...VacancyEditFields }\n  }\n": typeof types.UpdateVacancyDocument,
    "\n  mutation SubmitEditedVacancy($id: ID!) {\n    submitVacancy(id: $id) { ...VacancyEditFields }\n  }\n": typeof types.SubmitEditedVacancyDocument,
    "\n  mutation PostVacancy($input: PostVacancyInput!) {\n    postVacancy(input: $input) { id status }\n  }\n": typeof types.PostVacancyDocument,
    "\n  mutation SubmitVacancy($id: ID!) {\n    submitVacancy(id: $id) { id status updatedAt targets { institutionId institutionName decision reason decidedAt } }\n  }\n": typeof types.SubmitVacancyDocument,
    "\n  mutation CloseVacancy($id: ID!) {\n    closeVacancy(id: $id) { id status closesAt updatedAt }\n  }\n": typeof types.CloseVacancyDocument,
    "\n  mutation RenewVacancy($input: RenewVacancyInput!) {\n    renewVacancy(input: $input) { id status closesAt expiresAt updatedAt }\n  }\n": typeof types.RenewVacancyDocument,
    "\n  query VacancySearch($first: Int, $after: String, $query: String, $filter: VacancyFilter) {\n    vacancies(first: $first, after: $after, query: $query, filter: $filter) {\n      edges {\n        node { id title employerName location remote type sector closesAt salary { currency min max } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.VacancySearchDocument,
    "\n  fragment VacancyEditFields on Vacancy {\n    id title description employerName location remote type sector status\n    applyUrl applyEmail closesAt expiresAt viewerCanEdit\n    salary { currency min max }\n    targets { institutionId institutionName decision reason }\n  }\n": typeof types.VacancyEditFieldsFragmentDoc,
    "\n  query VacancyTargetChoices($staff: Boolean!) {\n    me {\n      id\n      organisation @skip(if: $staff) { id approvals { id status institution { id name } } }\n    }\n    institutions(first: 100) @include(if: $staff) { edges { node { id name } } }\n  }\n": typeof types.VacancyTargetChoicesDocument,
    "\n  query VacancyDetail($id: ID!) {\n    vacancy(id: $id) {\n      id title employerName organisationId location remote type sector status\n      descriptionHtml applyUrl applyEmail closesAt expiresAt publishedAt viewerCanEdit\n      salary { currency min max }\n      targets { institutionId institutionName decision reason decidedAt }\n    }\n  }\n": typeof types.VacancyDetailDocument,
    "\n  query VacancyFigures($id: ID!) {\n    vacancy(id: $id) { id alertFigures { matched inApp email feed } }\n  }\n": typeof types.VacancyFiguresDocument,
};
const documents: Documents = {
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      role\n      institution { id name }\n      organisation { id name }\n    }\n  }\n": types.MeDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query InstitutionList($first: Int, $after: String) {\n    institutions(first: $first, after: $after) {\n      edges { node { id name emailDomains createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.InstitutionListDocument,
    "\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) { id name emailDomains createdAt }\n  }\n": types.CreateInstitutionDocument,
    "\n  mutation UpdateInstitution($id: ID!, $input: UpdateInstitutionInput!) {\n    updateInstitution(id: $id, input: $input) { id name emailDomains }\n  }\n": types.UpdateInstitutionDocument,
    "\n  query UserList($first: Int, $after: String, $search: String, $role: Role, $institutionId: ID) {\n    users(first: $first, after: $after, search: $search, role: $role, institutionId: $institutionId) {\n      edges { node { id displayName email role trustLevel createdAt institution { id name } organisation { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.UserListDocument,
    "\n  query UserInstitutions {\n    institutions(first: 100) { edges { node { id name } } }\n  }\n": types.UserInstitutionsDocument,
    "\n  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) { id displayName email role }\n  }\n": types.CreateStaffAccountDocument,
    "\n  mutation SetTrustLevel($input: SetTrustLevelInput!) {\n    setTrustLevel(input: $input) { id trustLevel }\n  }\n": types.SetTrustLevelDocument,
    "\n  fragment AlertFields on AlertSubscription {\n    id name keywords location sector types remote salaryMin salaryCurrency\n    frequency inApp email paused lastMatchedAt lastEmailedAt atomUrl rssUrl\n    webhook { url state failures disabledAt lastDeliveredAt lastError secret }\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  query AlertDetail($id: ID!) {\n    alertSubscription(id: $id) { ...AlertFields }\n  }\n": types.AlertDetailDocument,
    "\n  mutation CreateAlert($input: CreateAlertSubscriptionInput!) {\n    createAlertSubscription(input: $input) { ...AlertFields }\n  }\n": types.CreateAlertDocument,
    "\n  mutation UpdateAlert($input: UpdateAlertSubscriptionInput!) {\n    updateAlertSubscription(input: $input) { ...AlertFields }\n  }\n": types.UpdateAlertDocument,
    "\n  mutation RegenerateAlertFeed($id: ID!) {\n    regenerateAlertFeedUrl(id: $id) { id atomUrl rssUrl }\n  }\n": types.RegenerateAlertFeedDocument,
    "\n  query MyAlerts($first: Int, $after: String) {\n    alertSubscriptions(first: $first, after: $after) {\n      edges {\n        node {\n          id name keywords location sector types remote salaryMin salaryCurrency\n          frequency inApp email paused lastMatchedAt lastEmailedAt\n          webhook { state }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MyAlertsDocument,
    "\n  mutation PauseAlert($id: ID!, $paused: Boolean!) {\n    updateAlertSubscription(input: { id: $id, paused: $paused }) { id paused }\n  }\n": types.PauseAlertDocument,
    "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlertSubscription(id: $id)\n  }\n": types.DeleteAlertDocument,
    "\n  query AlertMatches($first: Int, $after: String, $alertId: ID) {\n    alertMatches(first: $first, after: $after, alertId: $alertId) {\n      edges {\n        node { alertId alertName why matchedAt vacancy { id title employerName location closesAt } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AlertMatchesDocument,
    "\n  query PendingOrganisations($first: Int, $after: String) {\n    organisationApprovals(first: $first, after: $after, status: PENDING) {\n      edges { node { id createdAt status organisation { id name website description } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.PendingOrganisationsDocument,
    "\n  query PendingVacancies($first: Int, $after: String) {\n    vacancyApprovals(first: $first, after: $after, decision: PENDING) {\n      edges { node { id title employerName location createdAt status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.PendingVacanciesDocument,
    "\n  query PendingLiveChats($first: Int, $after: String) {\n    liveChatsAwaitingApproval(first: $first, after: $after, status: PENDING) {\n      edges { node { eventId createdAt status event { id title organisationName startsAt } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.PendingLiveChatsDocument,
    "\n  mutation DecideOrganisation($input: DecideOrganisationInput!) {\n    decideOrganisation(input: $input) { id status reason decidedAt }\n  }\n": types.DecideOrganisationDocument,
    "\n  mutation DecideVacancy($input: DecideVacancyInput!) {\n    decideVacancy(input: $input) { id status }\n  }\n": types.DecideVacancyDocument,
    "\n  mutation DecideLiveChat($input: DecideLiveChatInput!) {\n    decideLiveChat(input: $input) { eventId status reason }\n  }\n": types.DecideLiveChatDocument,
    "\n  query OrganisationVacancyList($first: Int, $after: String, $status: VacancyStatus) {\n    organisationVacancies(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id title status closesAt location\n          targets { institutionId institutionName decision reason decidedAt }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OrganisationVacancyListDocument,
    "\n  query AdminOverview {\n    institutions(first: 100) { edges { node { id } } pageInfo { hasNextPage } }\n    users(first: 100) { edges { node { id } } pageInfo { hasNextPage } }\n    queues { name failed }\n  }\n": types.AdminOverviewDocument,
    "\n  query RecentOrganisationVacancies {\n    organisationVacancies(first: 5) {\n      edges { node { id title status } }\n      pageInfo { hasNextPage }\n    }\n  }\n": types.RecentOrganisationVacanciesDocument,
    "\n  query AwaitingCounts {\n    organisationApprovals(first: 100, status: PENDING) { edges { node { id } } pageInfo { hasNextPage } }\n    vacancyApprovals(first: 100, decision: PENDING) { edges { node { id } } pageInfo { hasNextPage } }\n    liveChatsAwaitingApproval(first: 100, status: PENDING) { edges { node { eventId } } pageInfo { hasNextPage } }\n  }\n": types.AwaitingCountsDocument,
    "\n  query FiguresSummary {\n    vacancyApprovals(first: 10, decision: APPROVED) { edges { node { id alertFigures { matched } } } }\n    liveChatsAwaitingApproval(first: 10, status: APPROVED) { edges { node { eventId event { id turnout { registered attended } } } } }\n  }\n": types.FiguresSummaryDocument,
    "\n  query HomeAlertMatches {\n    alertMatches(first: 4) {\n      edges { node { why matchedAt vacancy { id title employerName location } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.HomeAlertMatchesDocument,
    "\n  query HomeLiveChats {\n    upcomingLiveChats(first: 3) {\n      edges { node { id title startsAt organisationName myRegistration { id status } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.HomeLiveChatsDocument,
    "\n  query MentorInvitationPreview($token: String!) {\n    mentorInvitation(token: $token) { email displayName institutionName note expiresAt }\n  }\n": types.MentorInvitationPreviewDocument,
    "\n  mutation AcceptMentorInvitation($input: AcceptMentorInvitationInput!) {\n    acceptMentorInvitation(input: $input) { accessToken expiresIn }\n  }\n": types.AcceptMentorInvitationDocument,
    "\n  query LiveChatForEdit($id: ID!) {\n    liveChat(id: $id) { id title description startsAt endsAt capacity registeredCount status sequence hosts { id displayName } }\n    me { id organisation { id members { id displayName } } }\n  }\n": types.LiveChatForEditDocument,
    "\n  mutation UpdateLiveChat($id: ID!, $input: UpdateLiveChatInput!) {\n    updateLiveChat(id: $id, input: $input) { id title description startsAt endsAt capacity placesLeft registeredCount sequence hosts { id displayName } }\n  }\n": types.UpdateLiveChatDocument,
    "\n  mutation CancelLiveChat($id: ID!, $reason: String!) {\n    cancelLiveChat(id: $id, reason: $reason) { id status statusReason sequence }\n  }\n": types.CancelLiveChatDocument,
    "\n  query LiveChatDecisions($id: ID!) {\n    liveChat(id: $id) { id audience { institutionId status reason decidedAt } }\n    me { id institution { id name } organisation { id approvals { id institution { id name } } } }\n  }\n": types.LiveChatDecisionsDocument,
    "\n  query LiveChatRegistrants($eventId: ID!, $status: LiveChatRegistrationStatus!, $first: Int, $after: String) {\n    liveChatRegistrations(eventId: $eventId, status: $status, first: $first, after: $after) {\n      edges { node { id userId displayName status waitlistPlace createdAt updatedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.LiveChatRegistrantsDocument,
    "\n  query LiveChatDetail($id: ID!) {\n    liveChat(id: $id) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      status\n      statusReason\n      capacity\n      placesLeft\n      registeredCount\n      organisationName\n      icsUrl\n      hosts { id displayName }\n      myRegistration { id status waitlistPlace }\n    }\n  }\n": types.LiveChatDetailDocument,
    "\n  mutation RegisterForLiveChat($eventId: ID!) {\n    registerForLiveChat(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }\n  }\n": types.RegisterForLiveChatDocument,
    "\n  mutation CancelLiveChatRegistration($eventId: ID!) {\n    cancelLiveChatRegistration(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }\n  }\n": types.CancelLiveChatRegistrationDocument,
    "\n  mutation RegenerateLiveChatCalendarFeed {\n    regenerateLiveChatCalendarFeed { url createdAt }\n  }\n": types.RegenerateLiveChatCalendarFeedDocument,
    "\n  query UpcomingLiveChats($first: Int, $after: String) {\n    upcomingLiveChats(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          endsAt\n          organisationName\n          placesLeft\n          myRegistration { id status waitlistPlace }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.UpcomingLiveChatsDocument,
    "\n  query LiveRoomChat($id: ID!) {\n    liveChat(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n      organisationName\n    }\n  }\n": types.LiveRoomChatDocument,
    "\n  query OrganisationLiveChats($period: LiveChatPeriod, $first: Int, $after: String) {\n    organisationLiveChats(period: $period, first: $first, after: $after) {\n      edges {\n        node { id title status startsAt endsAt capacity registeredCount }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OrganisationLiveChatsDocument,
    "\n  query QaChat($id: ID!) {\n    liveChat(id: $id) { id title status startsAt endsAt organisationName hosts { id displayName } }\n  }\n": types.QaChatDocument,
    "\n  query QaPageItems($eventId: ID!, $first: Int, $after: String) {\n    liveChatQaPage(eventId: $eventId) {\n      eventId\n      signedOffAt\n      publishedAt\n      items(first: $first, after: $after) {\n        edges { node { id position question answer } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.QaPageItemsDocument,
    "\n  query QaFollowUps($eventId: ID!, $first: Int, $after: String) {\n    liveChatQaPage(eventId: $eventId) {\n      eventId\n      followUps(first: $first, after: $after) {\n        edges { node { id question answer askerName answererName answeredAt createdAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.QaFollowUpsDocument,
    "\n  mutation SignOffLiveChatQa($eventId: ID!) {\n    signOffLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }\n  }\n": types.SignOffLiveChatQaDocument,
    "\n  mutation PublishLiveChatQa($eventId: ID!) {\n    publishLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }\n  }\n": types.PublishLiveChatQaDocument,
    "\n  mutation AskLiveChatFollowUp($eventId: ID!, $question: String!) {\n    askLiveChatFollowUp(eventId: $eventId, question: $question) { id question answer createdAt }\n  }\n": types.AskLiveChatFollowUpDocument,
    "\n  mutation AnswerLiveChatFollowUp($id: ID!, $answer: String!) {\n    answerLiveChatFollowUp(id: $id, answer: $answer) { id answer answeredAt answererName }\n  }\n": types.AnswerLiveChatFollowUpDocument,
    "\n  query SearchLiveChatQa($query: String!, $first: Int, $after: String) {\n    searchLiveChatQa(query: $query, first: $first, after: $after) {\n      edges { node { id question answer event { id title } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SearchLiveChatQaDocument,
    "\n  query ScheduleAudience {\n    me {\n      id\n      organisation { id approvals { id status institution { id name } } members { id displayName } }\n    }\n  }\n": types.ScheduleAudienceDocument,
    "\n  mutation ScheduleLiveChat($input: ScheduleLiveChatInput!) {\n    scheduleLiveChat(input: $input) { id title status startsAt endsAt }\n  }\n": types.ScheduleLiveChatDocument,
    "\n  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node { id kind title body link createdAt readAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.InboxDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) { id readAt }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences { kind inApp email }\n    notificationSettings { emailFrequency quietStart quietEnd timeZone }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) { kind inApp email }\n  }\n": types.SetNotificationPreferenceDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) { emailFrequency quietStart quietEnd timeZone }\n  }\n": types.UpdateNotificationSettingsDocument,
    "\n  query MyOrganisation {\n    me {\n      id\n      organisation {\n        id name website description createdAt\n        approvals { id status reason createdAt decidedAt institution { id name } }\n      }\n    }\n  }\n": types.MyOrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) { id name website description }\n  }\n": types.UpdateOrganisationDocument,
    "\n  mutation RequestOrganisationApproval($institutionId: ID!) {\n    requestOrganisationApproval(institutionId: $institutionId) { id status reason createdAt decidedAt institution { id name } }\n  }\n": types.RequestOrganisationApprovalDocument,
    "\n  query Person($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      role\n      institution { id name }\n      organisation { id name }\n      profile { ...ProfileFields }\n    }\n  }\n": types.PersonDocument,
    "\n  fragment ProfileFields on Profile {\n    headline\n    bio\n    course\n    graduationYear\n    sectors\n    skills\n    interests\n    links { label url }\n    visibility\n    updatedAt\n  }\n": types.ProfileFieldsFragmentDoc,
    "\n  query MyProfile {\n    me {\n      id\n      displayName\n      profile { ...ProfileFields }\n    }\n  }\n": types.MyProfileDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { ...ProfileFields }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n": types.SignInDocument,
    "\n  query SignUpInstitutions($after: String) {\n    institutions(first: 100, after: $after) {\n      edges { node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SignUpInstitutionsDocument,
    "\n  mutation SignUpEmployer($input: SignUpEmployerInput!) {\n    signUpEmployer(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n": types.SignUpEmployerDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n": types.SignUpDocument,
    "\n  query VacancyReach($first: Int, $after: String, $institutionId: ID) {\n    vacancyApprovals(first: $first, after: $after, decision: APPROVED, institutionId: $institutionId) {\n      edges { node { id title employerName publishedAt alertFigures { matched inApp email feed webhook } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.VacancyReachDocument,
    "\n  query LiveChatTurnouts($first: Int, $after: String, $institutionId: ID) {\n    liveChatsAwaitingApproval(first: $first, after: $after, status: APPROVED, institutionId: $institutionId) {\n      edges { node { eventId event { id title startsAt capacity turnout { registered waitlisted cancelled attended } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.LiveChatTurnoutsDocument,
    "\n  query FigureInstitutions {\n    institutions(first: 100) { edges { node { id name } } }\n  }\n": types.FigureInstitutionsDocument,
    "\n  query MentorInvitationList($first: Int, $after: String) {\n    mentorInvitations(first: $first, after: $after) {\n      edges { node { id email displayName note status createdAt expiresAt acceptedAt acceptedUserId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MentorInvitationListDocument,
    "\n  mutation InviteMentor($input: InviteMentorInput!) {\n    inviteMentor(input: $input) { id email }\n  }\n": types.InviteMentorDocument,
    "\n  mutation RevokeMentorInvitation($id: ID!) {\n    revokeMentorInvitation(id: $id) { id status }\n  }\n": types.RevokeMentorInvitationDocument,
    "\n  query QueueStates {\n    queues { name waiting active delayed failed completed }\n  }\n": types.QueueStatesDocument,
    "\n  query FailedJobs($queue: String!, $first: Int, $after: String) {\n    failedJobs(queue: $queue, first: $first, after: $after) {\n      edges { node { id name failedReason attemptsMade failedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.FailedJobsDocument,
    "\n  mutation RetryJob($queue: String!, $id: ID!) {\n    retryJob(queue: $queue, id: $id)\n  }\n": types.RetryJobDocument,
    "\n  query VacancyToEdit($id: ID!) {\n    vacancy(id: $id) { ...VacancyEditFields }\n  }\n": types.VacancyToEditDocument,
    "\n  mutation UpdateVacancy($input: UpdateVacancyInput!) {\n    updateVacancy(input: $input) { ...VacancyEditFields }\n  }\n": types.UpdateVacancyDocument,
    "\n  mutation SubmitEditedVacancy($id: ID!) {\n    submitVacancy(id: $id) { ...VacancyEditFields }\n  }\n": types.SubmitEditedVacancyDocument,
    "\n  mutation PostVacancy($input: PostVacancyInput!) {\n    postVacancy(input: $input) { id status }\n  }\n": types.PostVacancyDocument,
    "\n  mutation SubmitVacancy($id: ID!) {\n    submitVacancy(id: $id) { id status updatedAt targets { institutionId institutionName decision reason decidedAt } }\n  }\n": types.SubmitVacancyDocument,
    "\n  mutation CloseVacancy($id: ID!) {\n    closeVacancy(id: $id) { id status closesAt updatedAt }\n  }\n": types.CloseVacancyDocument,
    "\n  mutation RenewVacancy($input: RenewVacancyInput!) {\n    renewVacancy(input: $input) { id status closesAt expiresAt updatedAt }\n  }\n": types.RenewVacancyDocument,
    "\n  query VacancySearch($first: Int, $after: String, $query: String, $filter: VacancyFilter) {\n    vacancies(first: $first, after: $after, query: $query, filter: $filter) {\n      edges {\n        node { id title employerName location remote type sector closesAt salary { currency min max } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.VacancySearchDocument,
    "\n  fragment VacancyEditFields on Vacancy {\n    id title description employerName location remote type sector status\n    applyUrl applyEmail closesAt expiresAt viewerCanEdit\n    salary { currency min max }\n    targets { institutionId institutionName decision reason }\n  }\n": types.VacancyEditFieldsFragmentDoc,
    "\n  query VacancyTargetChoices($staff: Boolean!) {\n    me {\n      id\n      organisation @skip(if: $staff) { id approvals { id status institution { id name } } }\n    }\n    institutions(first: 100) @include(if: $staff) { edges { node { id name } } }\n  }\n": types.VacancyTargetChoicesDocument,
    "\n  query VacancyDetail($id: ID!) {\n    vacancy(id: $id) {\n      id title employerName organisationId location remote type sector status\n      descriptionHtml applyUrl applyEmail closesAt expiresAt publishedAt viewerCanEdit\n      salary { currency min max }\n      targets { institutionId institutionName decision reason decidedAt }\n    }\n  }\n": types.VacancyDetailDocument,
    "\n  query VacancyFigures($id: ID!) {\n    vacancy(id: $id) { id alertFigures { matched inApp email feed } }\n  }\n": types.VacancyFiguresDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      role\n      institution { id name }\n      organisation { id name }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      email\n      role\n      institution { id name }\n      organisation { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstitutionList($first: Int, $after: String) {\n    institutions(first: $first, after: $after) {\n      edges { node { id name emailDomains createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query InstitutionList($first: Int, $after: String) {\n    institutions(first: $first, after: $after) {\n      edges { node { id name emailDomains createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) { id name emailDomains createdAt }\n  }\n"): (typeof documents)["\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) { id name emailDomains createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInstitution($id: ID!, $input: UpdateInstitutionInput!) {\n    updateInstitution(id: $id, input: $input) { id name emailDomains }\n  }\n"): (typeof documents)["\n  mutation UpdateInstitution($id: ID!, $input: UpdateInstitutionInput!) {\n    updateInstitution(id: $id, input: $input) { id name emailDomains }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserList($first: Int, $after: String, $search: String, $role: Role, $institutionId: ID) {\n    users(first: $first, after: $after, search: $search, role: $role, institutionId: $institutionId) {\n      edges { node { id displayName email role trustLevel createdAt institution { id name } organisation { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query UserList($first: Int, $after: String, $search: String, $role: Role, $institutionId: ID) {\n    users(first: $first, after: $after, search: $search, role: $role, institutionId: $institutionId) {\n      edges { node { id displayName email role trustLevel createdAt institution { id name } organisation { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserInstitutions {\n    institutions(first: 100) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query UserInstitutions {\n    institutions(first: 100) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) { id displayName email role }\n  }\n"): (typeof documents)["\n  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) { id displayName email role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTrustLevel($input: SetTrustLevelInput!) {\n    setTrustLevel(input: $input) { id trustLevel }\n  }\n"): (typeof documents)["\n  mutation SetTrustLevel($input: SetTrustLevelInput!) {\n    setTrustLevel(input: $input) { id trustLevel }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on AlertSubscription {\n    id name keywords location sector types remote salaryMin salaryCurrency\n    frequency inApp email paused lastMatchedAt lastEmailedAt atomUrl rssUrl\n    webhook { url state failures disabledAt lastDeliveredAt lastError secret }\n  }\n"): (typeof documents)["\n  fragment AlertFields on AlertSubscription {\n    id name keywords location sector types remote salaryMin salaryCurrency\n    frequency inApp email paused lastMatchedAt lastEmailedAt atomUrl rssUrl\n    webhook { url state failures disabledAt lastDeliveredAt lastError secret }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertDetail($id: ID!) {\n    alertSubscription(id: $id) { ...AlertFields }\n  }\n"): (typeof documents)["\n  query AlertDetail($id: ID!) {\n    alertSubscription(id: $id) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAlert($input: CreateAlertSubscriptionInput!) {\n    createAlertSubscription(input: $input) { ...AlertFields }\n  }\n"): (typeof documents)["\n  mutation CreateAlert($input: CreateAlertSubscriptionInput!) {\n    createAlertSubscription(input: $input) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAlert($input: UpdateAlertSubscriptionInput!) {\n    updateAlertSubscription(input: $input) { ...AlertFields }\n  }\n"): (typeof documents)["\n  mutation UpdateAlert($input: UpdateAlertSubscriptionInput!) {\n    updateAlertSubscription(input: $input) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateAlertFeed($id: ID!) {\n    regenerateAlertFeedUrl(id: $id) { id atomUrl rssUrl }\n  }\n"): (typeof documents)["\n  mutation RegenerateAlertFeed($id: ID!) {\n    regenerateAlertFeedUrl(id: $id) { id atomUrl rssUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAlerts($first: Int, $after: String) {\n    alertSubscriptions(first: $first, after: $after) {\n      edges {\n        node {\n          id name keywords location sector types remote salaryMin salaryCurrency\n          frequency inApp email paused lastMatchedAt lastEmailedAt\n          webhook { state }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query MyAlerts($first: Int, $after: String) {\n    alertSubscriptions(first: $first, after: $after) {\n      edges {\n        node {\n          id name keywords location sector types remote salaryMin salaryCurrency\n          frequency inApp email paused lastMatchedAt lastEmailedAt\n          webhook { state }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseAlert($id: ID!, $paused: Boolean!) {\n    updateAlertSubscription(input: { id: $id, paused: $paused }) { id paused }\n  }\n"): (typeof documents)["\n  mutation PauseAlert($id: ID!, $paused: Boolean!) {\n    updateAlertSubscription(input: { id: $id, paused: $paused }) { id paused }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlertSubscription(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAlert($id: ID!) {\n    deleteAlertSubscription(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertMatches($first: Int, $after: String, $alertId: ID) {\n    alertMatches(first: $first, after: $after, alertId: $alertId) {\n      edges {\n        node { alertId alertName why matchedAt vacancy { id title employerName location closesAt } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AlertMatches($first: Int, $after: String, $alertId: ID) {\n    alertMatches(first: $first, after: $after, alertId: $alertId) {\n      edges {\n        node { alertId alertName why matchedAt vacancy { id title employerName location closesAt } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingOrganisations($first: Int, $after: String) {\n    organisationApprovals(first: $first, after: $after, status: PENDING) {\n      edges { node { id createdAt status organisation { id name website description } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query PendingOrganisations($first: Int, $after: String) {\n    organisationApprovals(first: $first, after: $after, status: PENDING) {\n      edges { node { id createdAt status organisation { id name website description } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingVacancies($first: Int, $after: String) {\n    vacancyApprovals(first: $first, after: $after, decision: PENDING) {\n      edges { node { id title employerName location createdAt status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query PendingVacancies($first: Int, $after: String) {\n    vacancyApprovals(first: $first, after: $after, decision: PENDING) {\n      edges { node { id title employerName location createdAt status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingLiveChats($first: Int, $after: String) {\n    liveChatsAwaitingApproval(first: $first, after: $after, status: PENDING) {\n      edges { node { eventId createdAt status event { id title organisationName startsAt } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query PendingLiveChats($first: Int, $after: String) {\n    liveChatsAwaitingApproval(first: $first, after: $after, status: PENDING) {\n      edges { node { eventId createdAt status event { id title organisationName startsAt } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideOrganisation($input: DecideOrganisationInput!) {\n    decideOrganisation(input: $input) { id status reason decidedAt }\n  }\n"): (typeof documents)["\n  mutation DecideOrganisation($input: DecideOrganisationInput!) {\n    decideOrganisation(input: $input) { id status reason decidedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideVacancy($input: DecideVacancyInput!) {\n    decideVacancy(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation DecideVacancy($input: DecideVacancyInput!) {\n    decideVacancy(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideLiveChat($input: DecideLiveChatInput!) {\n    decideLiveChat(input: $input) { eventId status reason }\n  }\n"): (typeof documents)["\n  mutation DecideLiveChat($input: DecideLiveChatInput!) {\n    decideLiveChat(input: $input) { eventId status reason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationVacancyList($first: Int, $after: String, $status: VacancyStatus) {\n    organisationVacancies(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id title status closesAt location\n          targets { institutionId institutionName decision reason decidedAt }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationVacancyList($first: Int, $after: String, $status: VacancyStatus) {\n    organisationVacancies(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id title status closesAt location\n          targets { institutionId institutionName decision reason decidedAt }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOverview {\n    institutions(first: 100) { edges { node { id } } pageInfo { hasNextPage } }\n    users(first: 100) { edges { node { id } } pageInfo { hasNextPage } }\n    queues { name failed }\n  }\n"): (typeof documents)["\n  query AdminOverview {\n    institutions(first: 100) { edges { node { id } } pageInfo { hasNextPage } }\n    users(first: 100) { edges { node { id } } pageInfo { hasNextPage } }\n    queues { name failed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentOrganisationVacancies {\n    organisationVacancies(first: 5) {\n      edges { node { id title status } }\n      pageInfo { hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query RecentOrganisationVacancies {\n    organisationVacancies(first: 5) {\n      edges { node { id title status } }\n      pageInfo { hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwaitingCounts {\n    organisationApprovals(first: 100, status: PENDING) { edges { node { id } } pageInfo { hasNextPage } }\n    vacancyApprovals(first: 100, decision: PENDING) { edges { node { id } } pageInfo { hasNextPage } }\n    liveChatsAwaitingApproval(first: 100, status: PENDING) { edges { node { eventId } } pageInfo { hasNextPage } }\n  }\n"): (typeof documents)["\n  query AwaitingCounts {\n    organisationApprovals(first: 100, status: PENDING) { edges { node { id } } pageInfo { hasNextPage } }\n    vacancyApprovals(first: 100, decision: PENDING) { edges { node { id } } pageInfo { hasNextPage } }\n    liveChatsAwaitingApproval(first: 100, status: PENDING) { edges { node { eventId } } pageInfo { hasNextPage } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FiguresSummary {\n    vacancyApprovals(first: 10, decision: APPROVED) { edges { node { id alertFigures { matched } } } }\n    liveChatsAwaitingApproval(first: 10, status: APPROVED) { edges { node { eventId event { id turnout { registered attended } } } } }\n  }\n"): (typeof documents)["\n  query FiguresSummary {\n    vacancyApprovals(first: 10, decision: APPROVED) { edges { node { id alertFigures { matched } } } }\n    liveChatsAwaitingApproval(first: 10, status: APPROVED) { edges { node { eventId event { id turnout { registered attended } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeAlertMatches {\n    alertMatches(first: 4) {\n      edges { node { why matchedAt vacancy { id title employerName location } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query HomeAlertMatches {\n    alertMatches(first: 4) {\n      edges { node { why matchedAt vacancy { id title employerName location } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeLiveChats {\n    upcomingLiveChats(first: 3) {\n      edges { node { id title startsAt organisationName myRegistration { id status } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query HomeLiveChats {\n    upcomingLiveChats(first: 3) {\n      edges { node { id title startsAt organisationName myRegistration { id status } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentorInvitationPreview($token: String!) {\n    mentorInvitation(token: $token) { email displayName institutionName note expiresAt }\n  }\n"): (typeof documents)["\n  query MentorInvitationPreview($token: String!) {\n    mentorInvitation(token: $token) { email displayName institutionName note expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptMentorInvitation($input: AcceptMentorInvitationInput!) {\n    acceptMentorInvitation(input: $input) { accessToken expiresIn }\n  }\n"): (typeof documents)["\n  mutation AcceptMentorInvitation($input: AcceptMentorInvitationInput!) {\n    acceptMentorInvitation(input: $input) { accessToken expiresIn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveChatForEdit($id: ID!) {\n    liveChat(id: $id) { id title description startsAt endsAt capacity registeredCount status sequence hosts { id displayName } }\n    me { id organisation { id members { id displayName } } }\n  }\n"): (typeof documents)["\n  query LiveChatForEdit($id: ID!) {\n    liveChat(id: $id) { id title description startsAt endsAt capacity registeredCount status sequence hosts { id displayName } }\n    me { id organisation { id members { id displayName } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLiveChat($id: ID!, $input: UpdateLiveChatInput!) {\n    updateLiveChat(id: $id, input: $input) { id title description startsAt endsAt capacity placesLeft registeredCount sequence hosts { id displayName } }\n  }\n"): (typeof documents)["\n  mutation UpdateLiveChat($id: ID!, $input: UpdateLiveChatInput!) {\n    updateLiveChat(id: $id, input: $input) { id title description startsAt endsAt capacity placesLeft registeredCount sequence hosts { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelLiveChat($id: ID!, $reason: String!) {\n    cancelLiveChat(id: $id, reason: $reason) { id status statusReason sequence }\n  }\n"): (typeof documents)["\n  mutation CancelLiveChat($id: ID!, $reason: String!) {\n    cancelLiveChat(id: $id, reason: $reason) { id status statusReason sequence }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveChatDecisions($id: ID!) {\n    liveChat(id: $id) { id audience { institutionId status reason decidedAt } }\n    me { id institution { id name } organisation { id approvals { id institution { id name } } } }\n  }\n"): (typeof documents)["\n  query LiveChatDecisions($id: ID!) {\n    liveChat(id: $id) { id audience { institutionId status reason decidedAt } }\n    me { id institution { id name } organisation { id approvals { id institution { id name } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveChatRegistrants($eventId: ID!, $status: LiveChatRegistrationStatus!, $first: Int, $after: String) {\n    liveChatRegistrations(eventId: $eventId, status: $status, first: $first, after: $after) {\n      edges { node { id userId displayName status waitlistPlace createdAt updatedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query LiveChatRegistrants($eventId: ID!, $status: LiveChatRegistrationStatus!, $first: Int, $after: String) {\n    liveChatRegistrations(eventId: $eventId, status: $status, first: $first, after: $after) {\n      edges { node { id userId displayName status waitlistPlace createdAt updatedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveChatDetail($id: ID!) {\n    liveChat(id: $id) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      status\n      statusReason\n      capacity\n      placesLeft\n      registeredCount\n      organisationName\n      icsUrl\n      hosts { id displayName }\n      myRegistration { id status waitlistPlace }\n    }\n  }\n"): (typeof documents)["\n  query LiveChatDetail($id: ID!) {\n    liveChat(id: $id) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      status\n      statusReason\n      capacity\n      placesLeft\n      registeredCount\n      organisationName\n      icsUrl\n      hosts { id displayName }\n      myRegistration { id status waitlistPlace }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterForLiveChat($eventId: ID!) {\n    registerForLiveChat(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }\n  }\n"): (typeof documents)["\n  mutation RegisterForLiveChat($eventId: ID!) {\n    registerForLiveChat(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelLiveChatRegistration($eventId: ID!) {\n    cancelLiveChatRegistration(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }\n  }\n"): (typeof documents)["\n  mutation CancelLiveChatRegistration($eventId: ID!) {\n    cancelLiveChatRegistration(eventId: $eventId) { id status waitlistPlace event { id placesLeft registeredCount myRegistration { id status waitlistPlace } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateLiveChatCalendarFeed {\n    regenerateLiveChatCalendarFeed { url createdAt }\n  }\n"): (typeof documents)["\n  mutation RegenerateLiveChatCalendarFeed {\n    regenerateLiveChatCalendarFeed { url createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpcomingLiveChats($first: Int, $after: String) {\n    upcomingLiveChats(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          endsAt\n          organisationName\n          placesLeft\n          myRegistration { id status waitlistPlace }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query UpcomingLiveChats($first: Int, $after: String) {\n    upcomingLiveChats(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          endsAt\n          organisationName\n          placesLeft\n          myRegistration { id status waitlistPlace }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveRoomChat($id: ID!) {\n    liveChat(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n      organisationName\n    }\n  }\n"): (typeof documents)["\n  query LiveRoomChat($id: ID!) {\n    liveChat(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n      organisationName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationLiveChats($period: LiveChatPeriod, $first: Int, $after: String) {\n    organisationLiveChats(period: $period, first: $first, after: $after) {\n      edges {\n        node { id title status startsAt endsAt capacity registeredCount }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationLiveChats($period: LiveChatPeriod, $first: Int, $after: String) {\n    organisationLiveChats(period: $period, first: $first, after: $after) {\n      edges {\n        node { id title status startsAt endsAt capacity registeredCount }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QaChat($id: ID!) {\n    liveChat(id: $id) { id title status startsAt endsAt organisationName hosts { id displayName } }\n  }\n"): (typeof documents)["\n  query QaChat($id: ID!) {\n    liveChat(id: $id) { id title status startsAt endsAt organisationName hosts { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QaPageItems($eventId: ID!, $first: Int, $after: String) {\n    liveChatQaPage(eventId: $eventId) {\n      eventId\n      signedOffAt\n      publishedAt\n      items(first: $first, after: $after) {\n        edges { node { id position question answer } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QaPageItems($eventId: ID!, $first: Int, $after: String) {\n    liveChatQaPage(eventId: $eventId) {\n      eventId\n      signedOffAt\n      publishedAt\n      items(first: $first, after: $after) {\n        edges { node { id position question answer } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QaFollowUps($eventId: ID!, $first: Int, $after: String) {\n    liveChatQaPage(eventId: $eventId) {\n      eventId\n      followUps(first: $first, after: $after) {\n        edges { node { id question answer askerName answererName answeredAt createdAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QaFollowUps($eventId: ID!, $first: Int, $after: String) {\n    liveChatQaPage(eventId: $eventId) {\n      eventId\n      followUps(first: $first, after: $after) {\n        edges { node { id question answer askerName answererName answeredAt createdAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOffLiveChatQa($eventId: ID!) {\n    signOffLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }\n  }\n"): (typeof documents)["\n  mutation SignOffLiveChatQa($eventId: ID!) {\n    signOffLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishLiveChatQa($eventId: ID!) {\n    publishLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }\n  }\n"): (typeof documents)["\n  mutation PublishLiveChatQa($eventId: ID!) {\n    publishLiveChatQa(eventId: $eventId) { eventId signedOffAt publishedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskLiveChatFollowUp($eventId: ID!, $question: String!) {\n    askLiveChatFollowUp(eventId: $eventId, question: $question) { id question answer createdAt }\n  }\n"): (typeof documents)["\n  mutation AskLiveChatFollowUp($eventId: ID!, $question: String!) {\n    askLiveChatFollowUp(eventId: $eventId, question: $question) { id question answer createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerLiveChatFollowUp($id: ID!, $answer: String!) {\n    answerLiveChatFollowUp(id: $id, answer: $answer) { id answer answeredAt answererName }\n  }\n"): (typeof documents)["\n  mutation AnswerLiveChatFollowUp($id: ID!, $answer: String!) {\n    answerLiveChatFollowUp(id: $id, answer: $answer) { id answer answeredAt answererName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchLiveChatQa($query: String!, $first: Int, $after: String) {\n    searchLiveChatQa(query: $query, first: $first, after: $after) {\n      edges { node { id question answer event { id title } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SearchLiveChatQa($query: String!, $first: Int, $after: String) {\n    searchLiveChatQa(query: $query, first: $first, after: $after) {\n      edges { node { id question answer event { id title } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleAudience {\n    me {\n      id\n      organisation { id approvals { id status institution { id name } } members { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  query ScheduleAudience {\n    me {\n      id\n      organisation { id approvals { id status institution { id name } } members { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleLiveChat($input: ScheduleLiveChatInput!) {\n    scheduleLiveChat(input: $input) { id title status startsAt endsAt }\n  }\n"): (typeof documents)["\n  mutation ScheduleLiveChat($input: ScheduleLiveChatInput!) {\n    scheduleLiveChat(input: $input) { id title status startsAt endsAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node { id kind title body link createdAt readAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node { id kind title body link createdAt readAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) { id readAt }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) { id readAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences { kind inApp email }\n    notificationSettings { emailFrequency quietStart quietEnd timeZone }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences { kind inApp email }\n    notificationSettings { emailFrequency quietStart quietEnd timeZone }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) { kind inApp email }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) { kind inApp email }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) { emailFrequency quietStart quietEnd timeZone }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) { emailFrequency quietStart quietEnd timeZone }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrganisation {\n    me {\n      id\n      organisation {\n        id name website description createdAt\n        approvals { id status reason createdAt decidedAt institution { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrganisation {\n    me {\n      id\n      organisation {\n        id name website description createdAt\n        approvals { id status reason createdAt decidedAt institution { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) { id name website description }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) { id name website description }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestOrganisationApproval($institutionId: ID!) {\n    requestOrganisationApproval(institutionId: $institutionId) { id status reason createdAt decidedAt institution { id name } }\n  }\n"): (typeof documents)["\n  mutation RequestOrganisationApproval($institutionId: ID!) {\n    requestOrganisationApproval(institutionId: $institutionId) { id status reason createdAt decidedAt institution { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Person($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      role\n      institution { id name }\n      organisation { id name }\n      profile { ...ProfileFields }\n    }\n  }\n"): (typeof documents)["\n  query Person($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      role\n      institution { id name }\n      organisation { id name }\n      profile { ...ProfileFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileFields on Profile {\n    headline\n    bio\n    course\n    graduationYear\n    sectors\n    skills\n    interests\n    links { label url }\n    visibility\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProfileFields on Profile {\n    headline\n    bio\n    course\n    graduationYear\n    sectors\n    skills\n    interests\n    links { label url }\n    visibility\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile {\n    me {\n      id\n      displayName\n      profile { ...ProfileFields }\n    }\n  }\n"): (typeof documents)["\n  query MyProfile {\n    me {\n      id\n      displayName\n      profile { ...ProfileFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { ...ProfileFields }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { ...ProfileFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignUpInstitutions($after: String) {\n    institutions(first: 100, after: $after) {\n      edges { node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SignUpInstitutions($after: String) {\n    institutions(first: 100, after: $after) {\n      edges { node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpEmployer($input: SignUpEmployerInput!) {\n    signUpEmployer(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpEmployer($input: SignUpEmployerInput!) {\n    signUpEmployer(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      expiresIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VacancyReach($first: Int, $after: String, $institutionId: ID) {\n    vacancyApprovals(first: $first, after: $after, decision: APPROVED, institutionId: $institutionId) {\n      edges { node { id title employerName publishedAt alertFigures { matched inApp email feed webhook } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query VacancyReach($first: Int, $after: String, $institutionId: ID) {\n    vacancyApprovals(first: $first, after: $after, decision: APPROVED, institutionId: $institutionId) {\n      edges { node { id title employerName publishedAt alertFigures { matched inApp email feed webhook } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveChatTurnouts($first: Int, $after: String, $institutionId: ID) {\n    liveChatsAwaitingApproval(first: $first, after: $after, status: APPROVED, institutionId: $institutionId) {\n      edges { node { eventId event { id title startsAt capacity turnout { registered waitlisted cancelled attended } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query LiveChatTurnouts($first: Int, $after: String, $institutionId: ID) {\n    liveChatsAwaitingApproval(first: $first, after: $after, status: APPROVED, institutionId: $institutionId) {\n      edges { node { eventId event { id title startsAt capacity turnout { registered waitlisted cancelled attended } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FigureInstitutions {\n    institutions(first: 100) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query FigureInstitutions {\n    institutions(first: 100) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentorInvitationList($first: Int, $after: String) {\n    mentorInvitations(first: $first, after: $after) {\n      edges { node { id email displayName note status createdAt expiresAt acceptedAt acceptedUserId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query MentorInvitationList($first: Int, $after: String) {\n    mentorInvitations(first: $first, after: $after) {\n      edges { node { id email displayName note status createdAt expiresAt acceptedAt acceptedUserId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMentor($input: InviteMentorInput!) {\n    inviteMentor(input: $input) { id email }\n  }\n"): (typeof documents)["\n  mutation InviteMentor($input: InviteMentorInput!) {\n    inviteMentor(input: $input) { id email }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeMentorInvitation($id: ID!) {\n    revokeMentorInvitation(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation RevokeMentorInvitation($id: ID!) {\n    revokeMentorInvitation(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueStates {\n    queues { name waiting active delayed failed completed }\n  }\n"): (typeof documents)["\n  query QueueStates {\n    queues { name waiting active delayed failed completed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedJobs($queue: String!, $first: Int, $after: String) {\n    failedJobs(queue: $queue, first: $first, after: $after) {\n      edges { node { id name failedReason attemptsMade failedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query FailedJobs($queue: String!, $first: Int, $after: String) {\n    failedJobs(queue: $queue, first: $first, after: $after) {\n      edges { node { id name failedReason attemptsMade failedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryJob($queue: String!, $id: ID!) {\n    retryJob(queue: $queue, id: $id)\n  }\n"): (typeof documents)["\n  mutation RetryJob($queue: String!, $id: ID!) {\n    retryJob(queue: $queue, id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VacancyToEdit($id: ID!) {\n    vacancy(id: $id) { ...VacancyEditFields }\n  }\n"): (typeof documents)["\n  query VacancyToEdit($id: ID!) {\n    vacancy(id: $id) { ...VacancyEditFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateVacancy($input: UpdateVacancyInput!) {\n    updateVacancy(input: $input) { ...VacancyEditFields }\n  }\n"): (typeof documents)["\n  mutation UpdateVacancy($input: UpdateVacancyInput!) {\n    updateVacancy(input: $input) { ...VacancyEditFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitEditedVacancy($id: ID!) {\n    submitVacancy(id: $id) { ...VacancyEditFields }\n  }\n"): (typeof documents)["\n  mutation SubmitEditedVacancy($id: ID!) {\n    submitVacancy(id: $id) { ...VacancyEditFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostVacancy($input: PostVacancyInput!) {\n    postVacancy(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation PostVacancy($input: PostVacancyInput!) {\n    postVacancy(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitVacancy($id: ID!) {\n    submitVacancy(id: $id) { id status updatedAt targets { institutionId institutionName decision reason decidedAt } }\n  }\n"): (typeof documents)["\n  mutation SubmitVacancy($id: ID!) {\n    submitVacancy(id: $id) { id status updatedAt targets { institutionId institutionName decision reason decidedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseVacancy($id: ID!) {\n    closeVacancy(id: $id) { id status closesAt updatedAt }\n  }\n"): (typeof documents)["\n  mutation CloseVacancy($id: ID!) {\n    closeVacancy(id: $id) { id status closesAt updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewVacancy($input: RenewVacancyInput!) {\n    renewVacancy(input: $input) { id status closesAt expiresAt updatedAt }\n  }\n"): (typeof documents)["\n  mutation RenewVacancy($input: RenewVacancyInput!) {\n    renewVacancy(input: $input) { id status closesAt expiresAt updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VacancySearch($first: Int, $after: String, $query: String, $filter: VacancyFilter) {\n    vacancies(first: $first, after: $after, query: $query, filter: $filter) {\n      edges {\n        node { id title employerName location remote type sector closesAt salary { currency min max } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query VacancySearch($first: Int, $after: String, $query: String, $filter: VacancyFilter) {\n    vacancies(first: $first, after: $after, query: $query, filter: $filter) {\n      edges {\n        node { id title employerName location remote type sector closesAt salary { currency min max } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VacancyEditFields on Vacancy {\n    id title description employerName location remote type sector status\n    applyUrl applyEmail closesAt expiresAt viewerCanEdit\n    salary { currency min max }\n    targets { institutionId institutionName decision reason }\n  }\n"): (typeof documents)["\n  fragment VacancyEditFields on Vacancy {\n    id title description employerName location remote type sector status\n    applyUrl applyEmail closesAt expiresAt viewerCanEdit\n    salary { currency min max }\n    targets { institutionId institutionName decision reason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VacancyTargetChoices($staff: Boolean!) {\n    me {\n      id\n      organisation @skip(if: $staff) { id approvals { id status institution { id name } } }\n    }\n    institutions(first: 100) @include(if: $staff) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query VacancyTargetChoices($staff: Boolean!) {\n    me {\n      id\n      organisation @skip(if: $staff) { id approvals { id status institution { id name } } }\n    }\n    institutions(first: 100) @include(if: $staff) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VacancyDetail($id: ID!) {\n    vacancy(id: $id) {\n      id title employerName organisationId location remote type sector status\n      descriptionHtml applyUrl applyEmail closesAt expiresAt publishedAt viewerCanEdit\n      salary { currency min max }\n      targets { institutionId institutionName decision reason decidedAt }\n    }\n  }\n"): (typeof documents)["\n  query VacancyDetail($id: ID!) {\n    vacancy(id: $id) {\n      id title employerName organisationId location remote type sector status\n      descriptionHtml applyUrl applyEmail closesAt expiresAt publishedAt viewerCanEdit\n      salary { currency min max }\n      targets { institutionId institutionName decision reason decidedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VacancyFigures($id: ID!) {\n    vacancy(id: $id) { id alertFigures { matched inApp email feed } }\n  }\n"): (typeof documents)["\n  query VacancyFigures($id: ID!) {\n    vacancy(id: $id) { id alertFigures { matched inApp email feed } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;