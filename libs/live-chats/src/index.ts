export * from './live-chats.module.js';
export { LiveChatRoomsModule } from './rooms/rooms.module.js';
export { RoomsService } from './rooms/rooms.service.js';
export { seedDemoLiveChats } from './seed.js';
export {
  LiveChatAccess,
  type LiveChatAccessResult,
  type LiveChatEventFacts,
  type LiveChatRole,
} from './access/live-chat-access.repository.js';
export { LiveChatEvent, LiveChatHost, LiveChatAudience, LiveChatStatus } from './events/live-chat-event.entity.js';
export { LiveChatRegistration, RegistrationStatus } from './registrations/live-chat-registration.entity.js';
export {
  LiveChatQaService,
  LIVE_CHAT_ANSWERED_QUESTIONS,
  NoAnsweredQuestions,
  MAX_TRANSCRIPT_ITEMS,
  type AnsweredQuestionsSource,
  type TranscriptItem,
} from './qa/qa.service.js';
export { LiveChatPublication, LiveChatQaItem, LiveChatFollowUp } from './qa/qa.entity.js';

import { LiveChats1763770200000 } from './migrations/1763770200000-live-chats.js';
import { LiveChatRemindersCalendars1763770250000 } from './migrations/1763770250000-live-chat-reminders-calendars.js';
import { LiveChatQa1763770260000 } from './migrations/1763770260000-live-chat-qa.js';
import { LiveChatDuration1763770270000 } from './migrations/1763770270000-live-chat-duration.js';
import { LiveChatRooms1763770300000 } from './migrations/1763770300000-live-chat-rooms.js';
import { LiveChatCalendarFeedNonce1763770350000 } from './migrations/1763770350000-live-chat-calendar-feed-nonce.js';
import { LiveChatAttendance1764000560000 } from './migrations/1764000560000-live-chat-attendance.js';
export { LiveChats1763770200000, LiveChatRemindersCalendars1763770250000, LiveChatQa1763770260000, LiveChatDuration1763770270000, LiveChatRooms1763770300000, LiveChatCalendarFeedNonce1763770350000, LiveChatAttendance1764000560000 };
export const liveChatsMigrations = [
  LiveChats1763770200000,
  LiveChatRemindersCalendars1763770250000,
  LiveChatQa1763770260000,
  LiveChatDuration1763770270000,
  LiveChatRooms1763770300000,
  LiveChatCalendarFeedNonce1763770350000,
  LiveChatAttendance1764000560000,
];
