import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { CREATE_ALERT, POST_VACANCY, type TestUser } from '@careers/testing';
import { readFileSync } from 'node:fs';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack, VIEWPORTS } from './harness.js';

// Every route of the client's router, as the person it is for, wide and narrow: axe (serious and critical fail),
// no console errors (a CSP violation is one), nothing wider than the screen. The route list is read from
// apps/web/src/routes.tsx, so a new route fails here until it has a line in VISITS.
const ROUTES_FILE = new URL('../../apps/web/src/routes.tsx', import.meta.url);
const routePaths = [...readFileSync(ROUTES_FILE, 'utf8').matchAll(/\bpath:\s*'([^']+)'/g)].map((m) => m[1]!);

type Who = 'guest' | Role;
interface Context {
  people: Record<Role, TestUser & { id: string }>;
  liveChatId: string;
  /** A chat that is over, its Q&A page signed off and published. */
  pastChatId: string;
  vacancyId: string;
  organisationId: string;
  alertId: string;
}
interface Visit {
  /** Who opens it: a signed-out visitor or a person of this role. */
  as: Who;
  /** The address to open (a route's parameters filled in). */
  url: (c: Context) => string;
  /** The h1 the page shows once its data came. */
  title: string | RegExp;
}

/** One line per route of routes.tsx: who opens it, where, and the heading to wait for. */
const VISITS: Record<string, Visit[]> = {
  '/': [
    { as: 'guest', url: () => '/', title: 'Careers network' },
    { as: Role.STUDENT, url: () => '/', title: /^Welcome, / },
  ],
  '/sign-in': [{ as: 'guest', url: () => '/sign-in', title: 'Sign in' }],
  '/sign-up': [{ as: 'guest', url: () => '/sign-up', title: 'Sign up' }],
  '/sign-up/employer': [{ as: 'guest', url: () => '/sign-up/employer', title: 'Sign up as an employer' }],
  '/account': [{ as: Role.STUDENT, url: () => '/account', title: 'Account' }],
  '/profile': [{ as: Role.ALUMNUS, url: () => '/profile', title: 'My profile' }],
  '/people/:id': [{ as: Role.STUDENT, url: (c) => `/people/${c.people[Role.ALUMNUS].id}`, title: 'Route Alumnus' }],
  '/notifications': [{ as: Role.STUDENT, url: () => '/notifications', title: 'Notifications' }],
  '/settings/notifications': [{ as: Role.STUDENT, url: () => '/settings/notifications', title: 'Notification preferences' }],
  '/live-chats': [
    { as: Role.STUDENT, url: () => '/live-chats', title: 'Live chats' },
    { as: Role.EMPLOYER, url: () => '/live-chats', title: 'Live chats' },
  ],
  '/live-chats/new': [{ as: Role.EMPLOYER, url: () => '/live-chats/new', title: 'Schedule a live chat' }],
  '/live-chats/:id/edit': [{ as: Role.EMPLOYER, url: (c) => `/live-chats/${c.liveChatId}/edit`, title: 'Edit Meet us' }],
  '/live-chats/:id/qa': [
    { as: Role.STUDENT, url: (c) => `/live-chats/${c.pastChatId}/qa`, title: 'Questions and answers: Meet us' },
    { as: Role.EMPLOYER, url: (c) => `/live-chats/${c.pastChatId}/qa`, title: 'Questions and answers: Meet us' },
  ],
  '/live-chats/:id': [
    { as: Role.STUDENT, url: (c) => `/live-chats/${c.liveChatId}`, title: 'Meet us' },
    { as: Role.EMPLOYER, url: (c) => `/live-chats/${c.liveChatId}`, title: 'Meet us' },
    { as: Role.STAFF, url: (c) => `/live-chats/${c.liveChatId}`, title: 'Meet us' },
  ],
  // The chat starts in an hour: the room shows its "not open yet" refusal (the live journey is live-room.spec.ts's).
  '/live-chats/:id/room': [{ as: Role.STUDENT, url: (c) => `/live-chats/${c.liveChatId}/room`, title: 'Meet us: live room' }],
  '/vacancies': [{ as: Role.STUDENT, url: () => '/vacancies', title: 'Vacancies' }],
  '/vacancies/new': [
    { as: Role.EMPLOYER, url: () => '/vacancies/new', title: 'Post a vacancy' },
    { as: Role.STAFF, url: () => '/vacancies/new', title: 'Post a vacancy' },
  ],
  // Staff posted it, so they are its poster.
  '/vacancies/:id/edit': [{ as: Role.STAFF, url: (c) => `/vacancies/${c.vacancyId}/edit`, title: 'Edit: Route analyst' }],
  '/employer/vacancies': [{ as: Role.EMPLOYER, url: () => '/employer/vacancies', title: 'Our vacancies' }],
  '/vacancies/:id': [{ as: Role.STUDENT, url: (c) => `/vacancies/${c.vacancyId}`, title: 'Route analyst' }],
  '/alerts': [{ as: Role.STUDENT, url: () => '/alerts', title: 'Vacancy alerts' }],
  '/alerts/new': [{ as: Role.ALUMNUS, url: () => '/alerts/new?q=data&location=Leeds&type=INTERNSHIP', title: 'New alert' }],
  '/alerts/:id': [{ as: Role.STUDENT, url: (c) => `/alerts/${c.alertId}`, title: 'Alert: Route data alerts' }],
  '/organisations/:id': [{ as: Role.EMPLOYER, url: (c) => `/organisations/${c.organisationId}`, title: /^Employer / }],
  '/staff/mentor-invitations': [{ as: Role.STAFF, url: () => '/staff/mentor-invitations', title: 'Mentor invitations' }],
  // A link that opens no invitation (the working one is mentor-invitation.spec.ts's).
  '/invitations/:token': [{ as: 'guest', url: () => '/invitations/not.valid', title: 'This invitation does not work any more' }],
  '/approvals': [{ as: Role.STAFF, url: () => '/approvals', title: 'Approvals' }],
  '/approvals/:tab': [
    { as: Role.STAFF, url: () => '/approvals/vacancies', title: 'Approvals' },
    { as: Role.STAFF, url: () => '/approvals/live-chats', title: 'Approvals' },
  ],
  '/staff/figures': [
    { as: Role.STAFF, url: () => '/staff/figures', title: 'Figures' },
    { as: Role.ADMIN, url: () => '/staff/figures', title: 'Figures' },
  ],
  '/staff/queues': [
    { as: Role.ADMIN, url: () => '/staff/queues', title: 'Queues' },
    { as: Role.ADMIN, url: () => '/staff/queues?queue=events', title: 'Queues' },
  ],
  '/admin/institutions': [{ as: Role.ADMIN, url: () => '/admin/institutions', title: 'Institutions' }],
  '/admin/users': [
    { as: Role.ADMIN, url: () => '/admin/users', title: 'Users' },
    { as: Role.STAFF, url: () => '/admin/users?role=STUDENT', title: 'Users' },
  ],
  '*': [{ as: 'guest', url: () => '/no/such/page', title: 'Page not found' }],
};

let stack: WebStack;
const context = { people: {} } as Context;

beforeAll(async () => {
  stack = await startWebStack();
  const institution = await stack.factory.institution();
  const names: Record<Role, string> = {
    [Role.STUDENT]: 'Route Student',
    [Role.ALUMNUS]: 'Route Alumnus',
    [Role.STAFF]: 'Route Staff',
    [Role.ADMIN]: 'Route Admin',
    [Role.EMPLOYER]: 'Route Employer',
  } as Record<Role, string>;
  const organisation = await stack.factory.organisation({ approvedBy: institution });
  for (const role of Object.keys(names) as Role[]) {
    const user = await stack.factory.user(role, { institution, organisation, displayName: names[role] });
    context.people[role] = { ...user, id: user.user.id };
  }
  const chat = await stack.factory.liveChatEvent({
    organisation,
    host: context.people[Role.EMPLOYER],
    audience: [institution],
    registered: [context.people[Role.STUDENT]],
    startsIn: 60,
    minutes: 60,
    capacity: 20,
  });
  context.liveChatId = chat.id;
  const past = await stack.factory.liveChatEvent({ organisation, host: context.people[Role.EMPLOYER], audience: [institution], startsIn: -180, minutes: 60, capacity: 20 });
  context.pastChatId = past.id;
  for (const [mutation, who] of [
    ['signOffLiveChatQa', Role.EMPLOYER],
    ['publishLiveChatQa', Role.STAFF],
  ] as const) {
    const done = await stack.api.gql(`mutation($id: ID!) { ${mutation}(eventId: $id) { eventId } }`, { id: past.id }, context.people[who].token);
    expect(done.errors).toBeUndefined();
  }
  context.organisationId = organisation.id;
  const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const posted = await stack.api.gql<{ postVacancy: { id: string } }>(
    POST_VACANCY,
    {
      i: {
        title: 'Route analyst',
        description: 'Work with **data** in a friendly analytics team.',
        employerName: 'Route Employers Ltd',
        sector: 'Data',
        location: 'Leeds',
        type: 'GRADUATE_JOB',
        remote: 'HYBRID',
        closesAt,
        applyUrl: 'https://jobs.example.com/route',
      },
    },
    context.people[Role.STAFF].token,
  );
  expect(posted.errors).toBeUndefined();
  context.vacancyId = posted.data!.postVacancy.id;
  const alert = await stack.api.gql<{ createAlertSubscription: { id: string } }>(
    CREATE_ALERT,
    { i: { name: 'Route data alerts', keywords: ['data'], filter: { location: 'Leeds' }, webhookUrl: 'https://93.184.216.34/hook' } },
    context.people[Role.STUDENT].token,
  );
  expect(alert.errors).toBeUndefined();
  context.alertId = alert.data!.createAlertSubscription.id;
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

it('every route of routes.tsx has a visit here', () => {
  expect(routePaths.length).toBeGreaterThan(5);
  expect(routePaths.filter((path) => !VISITS[path])).toEqual([]);
});

const byPerson = new Map<Who, [string, Visit][]>();
for (const [path, visits] of Object.entries(VISITS)) {
  for (const visit of visits) byPerson.set(visit.as, [...(byPerson.get(visit.as) ?? []), [path, visit]]);
}

describe.each(VIEWPORTS)('at %s', (_name, viewport) => {
  it.each([...byPerson.keys()])('as %s: every page passes axe, with no console error and nothing too wide', async (who) => {
    const { page, problems } = await stack.person(viewport);
    if (who !== 'guest') await signIn(page, context.people[who].email, context.people[who].password);
    for (const [path, visit] of byPerson.get(who)!) {
      const url = visit.url(context);
      await page.goto(url);
      await heading(page, visit.title);
      expect({ path, url, violations: await seriousAxeViolations(page) }).toEqual({ path, url, violations: [] });
      expect({ url, fits: await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth') }).toEqual({ url, fits: true });
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
