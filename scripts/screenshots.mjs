// `npm run screenshots`: starts the platform the way `npm start` does, on a fresh data directory (embedded
// PostgreSQL, the demo seed), signs in as each demo person in headless Chromium and saves PNGs of the main pages
// at 1280×800 and 360×740 to docs/screenshots/<page>-desktop.png and <page>-phone.png.
// To add a page: one line in PAGES. Needs `npm run build` first (the npm script does it).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'docs/screenshots');
const PASSWORD = 'careers-demo-2026';

/**
 * name → who is signed in (null: nobody), the address, the links to follow from it in turn (`via`: for pages
 * whose address holds an id of the demo data), the h1 to wait for, and what else to wait for (`ready`, a selector).
 */
const PAGES = [
  { name: 'home', as: null, path: '/', title: 'Careers network' },
  { name: 'sign-in', as: null, path: '/sign-in', title: 'Sign in' },
  { name: 'sign-up-employer', as: null, path: '/sign-up/employer', title: 'Sign up as an employer' },
  { name: 'student-home', as: 'student@demo.ac.uk', path: '/', title: /^Welcome, / },
  { name: 'notifications', as: 'student@demo.ac.uk', path: '/notifications', title: 'Notifications' },
  { name: 'notification-preferences', as: 'student@demo.ac.uk', path: '/settings/notifications', title: 'Notification preferences' },
  { name: 'profile', as: 'alumnus@demo.ac.uk', path: '/profile', title: 'My profile' },
  { name: 'vacancies', as: 'student@demo.ac.uk', path: '/vacancies', title: 'Vacancies' },
  { name: 'alerts', as: 'student@demo.ac.uk', path: '/alerts', title: 'Vacancy alerts' },
  { name: 'alert-new', as: 'student@demo.ac.uk', path: '/alerts/new?q=policy&location=Leeds&type=GRADUATE_JOB', title: 'New alert' },
  { name: 'live-chats', as: 'student@demo.ac.uk', path: '/live-chats', title: 'Live chats' },
  { name: 'live-chat-waitlist', as: 'student@demo.ac.uk', path: '/live-chats', via: ['A day in data: graduate roles at Acme'], title: 'A day in data: graduate roles at Acme' },
  { name: 'live-room', as: 'student@demo.ac.uk', path: '/live-chats', via: ['Ask Acme Analytics anything', 'Join the live room'], title: 'Ask Acme Analytics anything: live room', ready: '[role=log] li[data-seq]' },
  { name: 'employer-home', as: 'employer@acme.example', path: '/', title: /^Welcome, / },
  { name: 'employer-live-chats', as: 'employer@acme.example', path: '/live-chats', title: 'Live chats' },
  { name: 'schedule-live-chat', as: 'employer@acme.example', path: '/live-chats/new', title: 'Schedule a live chat' },
  { name: 'employer-vacancies', as: 'employer@acme.example', path: '/employer/vacancies', title: 'Our vacancies' },
  { name: 'post-vacancy', as: 'employer@acme.example', path: '/vacancies/new', title: 'Post a vacancy' },
  { name: 'staff-home', as: 'staff@demo.ac.uk', path: '/', title: /^Welcome, / },
  { name: 'approvals', as: 'staff@demo.ac.uk', path: '/approvals', title: 'Approvals' },
  { name: 'mentor-invitations', as: 'staff@demo.ac.uk', path: '/staff/mentor-invitations', title: 'Mentor invitations' },
  { name: 'admin-home', as: 'admin@demo.ac.uk', path: '/', title: /^Welcome, / },
  { name: 'staff-figures', as: 'staff@demo.ac.uk', path: '/staff/figures', title: 'Figures' },
  { name: 'admin-institutions', as: 'admin@demo.ac.uk', path: '/admin/institutions', title: 'Institutions' },
  { name: 'admin-users', as: 'admin@demo.ac.uk', path: '/admin/users', title: 'Users' },
  { name: 'queues', as: 'admin@demo.ac.uk', path: '/staff/queues', title: 'Queues' },
];
const SIZES = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 360, height: 740 }],
];

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

const data = mkdtempSync(join(tmpdir(), 'careers-screenshots-'));
const port = await freePort();
const env = {
  ...process.env,
  CAREERS_DATA_DIR: data,
  PORT: String(port),
  EMBEDDED_POSTGRES_PORT: String(await freePort()),
  WORKER_HEALTH_PORT: String(await freePort()),
  REDIS_PREFIX: `screenshots-${port}`,
};
for (const name of ['DATABASE_URL', 'PUBLIC_URL']) delete env[name];
const base = `http://localhost:${port}`;
const platform = spawn(process.execPath, [join(root, 'scripts/start.mjs')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
const exited = new Promise((done) => platform.once('exit', done));

async function stop() {
  if (platform.exitCode === null && platform.signalCode === null) platform.kill('SIGTERM');
  await exited;
  rmSync(data, { recursive: true, force: true });
}

let browser;
try {
  let up = false;
  for (let i = 0; i < 600 && !up && platform.exitCode === null; i++) {
    up = await fetch(`${base}/health/live`).then((r) => r.ok, () => false);
    if (!up) await new Promise((r) => setTimeout(r, 200));
  }
  if (!up) throw new Error('The platform did not start (see above).');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(out, { recursive: true });
  for (const [size, viewport] of SIZES) {
    const contexts = new Map(); // who → their signed-in page
    for (const shot of PAGES) {
      let page = contexts.get(shot.as);
      if (!page) {
        const context = await browser.newContext({ baseURL: base, viewport, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
        page = await context.newPage();
        if (shot.as) {
          await page.goto('/sign-in');
          await page.getByLabel('Email').fill(shot.as);
          await page.getByLabel('Password').fill(PASSWORD);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
        }
        contexts.set(shot.as, page);
      }
      await page.goto(shot.path);
      for (const link of shot.via ?? []) await page.getByRole('link', { name: link, exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: shot.title }).waitFor();
      if (shot.ready) await page.locator(shot.ready).first().waitFor(); // what a socket brings (networkidle does not wait for it)
      await page.waitForLoadState('networkidle');
      const file = join(out, `${shot.name}-${size}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(`saved ${file.slice(root.length + 1)}`);
    }
  }
} catch (error) {
  process.exitCode = 1;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await browser?.close();
  await stop();
}
