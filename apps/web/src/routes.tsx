import type { ComponentType } from 'react';
import type { Role } from './gql/graphql.js';

/**
 * Who may open a route: anyone; only signed-out people (sign-in pages: the signed-in go home); anyone signed
 * in; or people with one of these roles (others see the not-found page, as for anything they may not know).
 */
export type Access = 'public' | 'guest' | 'signed-in' | ReadonlyArray<Role>;

export interface AppRoute {
  /** A react-router path; every link the platform sends is one of these (docs/web.md, "Routes"). */
  path: string;
  /** The page module, loaded when the route is first opened (its own chunk). Its default export is the page. */
  page: () => Promise<{ default: ComponentType }>;
  access: Access;
}

/** Every page of the client. To add one: one entry here, and the page under pages/ (docs/web.md). */
export const routes: AppRoute[] = [
  { path: '/', page: () => import('./pages/home/HomePage.js'), access: 'public' },
  { path: '/sign-in', page: () => import('./pages/sign-in/SignInPage.js'), access: 'guest' },
  { path: '/sign-up', page: () => import('./pages/sign-up/SignUpPage.js'), access: 'guest' },
  { path: '/sign-up/employer', page: () => import('./pages/sign-up/EmployerSignUpPage.js'), access: 'guest' },
  { path: '/account', page: () => import('./pages/account/AccountPage.js'), access: 'signed-in' },
  { path: '/profile', page: () => import('./pages/profile/ProfileEditorPage.js'), access: 'signed-in' },
  { path: '/people/:id', page: () => import('./pages/profile/PersonPage.js'), access: 'signed-in' },
  { path: '/notifications', page: () => import('./pages/notifications/InboxPage.js'), access: 'signed-in' },
  { path: '/live-chats', page: () => import('./pages/live-chats/LiveChatsPage.js'), access: 'signed-in' },
  { path: '/live-chats/new', page: () => import('./pages/live-chats/ScheduleLiveChatPage.js'), access: ['EMPLOYER'] },
  { path: '/live-chats/:id/edit', page: () => import('./pages/live-chats/EditLiveChatPage.js'), access: ['EMPLOYER'] },
  { path: '/live-chats/:id/qa', page: () => import('./pages/live-chats/QaPage.js'), access: 'signed-in' },
  { path: '/live-chats/:id', page: () => import('./pages/live-chats/LiveChatPage.js'), access: 'signed-in' },
  { path: '/live-chats/:id/room', page: () => import('./pages/live-chats/LiveRoomPage.js'), access: 'signed-in' },
  { path: '/vacancies', page: () => import('./pages/vacancies/VacanciesPage.js'), access: 'signed-in' },
  { path: '/vacancies/new', page: () => import('./pages/vacancies/NewVacancyPage.js'), access: ['EMPLOYER', 'STAFF'] },
  { path: '/vacancies/:id/edit', page: () => import('./pages/vacancies/EditVacancyPage.js'), access: ['EMPLOYER', 'STAFF', 'ADMIN'] },
  { path: '/employer/vacancies', page: () => import('./pages/employer/EmployerVacanciesPage.js'), access: ['EMPLOYER'] },
  { path: '/vacancies/:id', page: () => import('./pages/vacancies/VacancyPage.js'), access: 'signed-in' },
  { path: '/alerts', page: () => import('./pages/alerts/AlertsPage.js'), access: ['STUDENT', 'ALUMNUS'] },
  { path: '/alerts/new', page: () => import('./pages/alerts/AlertEditPage.js'), access: ['STUDENT', 'ALUMNUS'] },
  { path: '/alerts/:id', page: () => import('./pages/alerts/AlertEditPage.js'), access: ['STUDENT', 'ALUMNUS'] },
  { path: '/settings/notifications', page: () => import('./pages/notifications/PreferencesPage.js'), access: 'signed-in' },
  { path: '/organisations/:id', page: () => import('./pages/organisations/OrganisationPage.js'), access: ['EMPLOYER'] },
  { path: '/approvals', page: () => import('./pages/approvals/ApprovalsPage.js'), access: ['STAFF'] },
  { path: '/approvals/:tab', page: () => import('./pages/approvals/ApprovalsPage.js'), access: ['STAFF'] },
  { path: '/staff/figures', page: () => import('./pages/staff/FiguresPage.js'), access: ['STAFF', 'ADMIN'] },
  { path: '/staff/mentor-invitations', page: () => import('./pages/staff/MentorInvitationsPage.js'), access: ['STAFF', 'ADMIN'] },
  { path: '/invitations/:token', page: () => import('./pages/invitations/AcceptInvitationPage.js'), access: 'guest' },
  { path: '/staff/queues', page: () => import('./pages/staff/QueuesPage.js'), access: ['ADMIN'] },
  { path: '/admin/institutions', page: () => import('./pages/admin/InstitutionsPage.js'), access: ['ADMIN'] },
  { path: '/admin/users', page: () => import('./pages/admin/UsersPage.js'), access: ['STAFF', 'ADMIN'] },
];
