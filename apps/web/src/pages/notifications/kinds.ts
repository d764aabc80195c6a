/** How people read each notification kind (the api's `kind`); an unknown kind shows as it is. */
export const KIND_NAMES: Record<string, string> = {
  'organisation-awaiting-approval': 'Organisations awaiting your decision',
  'organisation-decided': 'Decisions on your organisation',
  'vacancy-awaiting-approval': 'Vacancies awaiting your decision',
  'vacancy-decided': 'Decisions on your vacancies',
  'vacancy-alert': 'Vacancies matching your alerts',
  'alert-webhook-disabled': 'Alert webhooks switched off',
  'live-chat-awaiting-approval': 'Live chats awaiting your decision',
  'live-chat-decided': 'Decisions on your live chats',
  'live-chat-cancelled': 'Live chats cancelled',
  'live-chat-rescheduled': 'Live chats moved',
  'live-chat-promoted': 'A place for you in a live chat',
  'live-chat-reminder': 'Live chat reminders',
  'live-chat-follow-up-asked': 'Follow-up questions asked',
  'live-chat-follow-up-answered': 'Follow-up questions answered',
  'question-for-you': 'Questions asked you privately',
  'question-in-followed-tag': 'New questions in tags you follow',
  'question-answered': 'Answers to your questions',
  'answer-accepted': 'Your answers accepted',
};

export const kindName = (kind: string) => KIND_NAMES[kind] ?? kind;
