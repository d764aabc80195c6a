import type { Role } from '../gql/graphql.js';

export interface NavItem {
  href: string;
  label: string;
}

/** The main navigation by role (the shell shows it). Pages of later issues add their entry here. */
export const NAV: Record<Role | 'GUEST', NavItem[]> = {
  GUEST: [
    { href: '/', label: 'Home' },
    { href: '/sign-in', label: 'Sign in' },
    { href: '/sign-up', label: 'Sign up' },
  ],
  STUDENT: [
    { href: '/', label: 'Home' },
    { href: '/mentors', label: 'Mentors' },
    { href: '/questions', label: 'Questions' },
    { href: '/mentorships', label: 'Mentorships' },
    { href: '/network', label: 'My network' },
    { href: '/vacancies', label: 'Vacancies' },
    { href: '/live-chats', label: 'Live chats' },
    { href: '/alerts', label: 'Alerts' },
  ],
  ALUMNUS: [
    { href: '/', label: 'Home' },
    { href: '/mentoring', label: 'Mentoring' },
    { href: '/questions', label: 'Questions' },
    { href: '/mentorships', label: 'Mentorships' },
    { href: '/mentoring/introductions', label: 'Introductions' },
    { href: '/vacancies', label: 'Vacancies' },
    { href: '/live-chats', label: 'Live chats' },
    { href: '/alerts', label: 'Alerts' },
  ],
  EMPLOYER: [
    { href: '/', label: 'Home' },
    { href: '/employer/vacancies', label: 'Our vacancies' },
    { href: '/live-chats', label: 'Live chats' },
  ],
  STAFF: [
    { href: '/', label: 'Home' },
    { href: '/approvals', label: 'Approvals' },
    { href: '/staff/figures', label: 'Figures' },
    { href: '/staff/mentoring', label: 'Mentoring' },
    { href: '/admin/users', label: 'People' },
    { href: '/questions', label: 'Questions' },
  ],
  ADMIN: [
    { href: '/', label: 'Home' },
    { href: '/admin/institutions', label: 'Institutions' },
    { href: '/admin/users', label: 'Users' },
    { href: '/staff/queues', label: 'Queues' },
    { href: '/staff/figures', label: 'Figures' },
  ],
};
