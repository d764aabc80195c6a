// Browser tests of the web client: the real api (serving the built client from apps/web/dist) and the real
// worker, driven by the system's Chromium through playwright-core: one browser, one context per person.
// `npm test` builds the client first; to run one spec: `npm run build && node scripts/jest.mjs test/browser/<spec>`.
import AxeBuilder from '@axe-core/playwright';
import { Factory, lockWorkerTests, startApi, startWorkerProcess, type TestApi, type WorkerProcess } from '@careers/testing';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApiApp } from '../../apps/api/src/app.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const BUILT_CLIENT = new URL('../../apps/web/dist/index.html', import.meta.url).pathname;

/** The two widths every page is checked at: a desktop and the narrowest phone the client supports. */
export const VIEWPORTS = [
  ['wide', { width: 1280, height: 900 }],
  ['narrow', { width: 360, height: 740 }],
] as const;

export interface Person {
  context: BrowserContext;
  page: Page;
  /** What the page reported that it should not: uncaught errors, console errors (CSP violations among them). */
  problems: string[];
}

export interface WebStack {
  api: TestApi;
  factory: Factory;
  browser: Browser;
  /** A new person: a fresh browser context (cookies of their own) with one page. */
  person(viewport?: { width: number; height: number }): Promise<Person>;
  stop(): Promise<void>;
}

/**
 * Boots the api (in-process, on a free port; `env` overrides its settings, such as a REDIS_PREFIX of its own) and,
 * with `worker: true`, the worker as a real process; launches Chromium.
 */
export async function startWebStack(options: { worker?: boolean; env?: Record<string, string> } = {}): Promise<WebStack> {
  if (!existsSync(BUILT_CLIENT)) throw new Error('apps/web/dist is missing: run `npm run build` first.');
  let unlock: (() => Promise<void>) | undefined;
  let worker: WorkerProcess | undefined;
  if (options.worker) {
    unlock = await lockWorkerTests();
    worker = startWorkerProcess();
  }
  const api = await startApi(createApiApp, options.env);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const contexts: BrowserContext[] = [];
  return {
    api,
    factory: new Factory(api),
    browser,
    async person(viewport: { width: number; height: number } = VIEWPORTS[0][1]) {
      const context = await browser.newContext({ baseURL: api.url, viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // A signed-out visitor's page asks /auth/refresh whether there is a session: 401 is the expected "no".
        const refused = /status of 401/.test(message.text()) && new URL(message.location().url || api.url).pathname === '/auth/refresh';
        if (!refused) problems.push(`console: ${message.text()} (${message.location().url})`);
      });
      return { context, page, problems };
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await api.close();
      await worker?.stop();
      await unlock?.();
    },
  };
}

/** Waits for the page's h1 to read `name` (pages set it once their data came). */
export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Signs in through the sign-in page and waits for the home page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await heading(page, 'Sign in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, /^Welcome, /);
}

/** Runs axe on the page as it is; returns the serious and critical violations, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    // react-aria's live announcer: a visually hidden log that holds each announcement for 7 s, labelled by the
    // element it announced (a pending button), which a navigation may already have removed.
    .exclude('[data-live-announcer]')
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The bell's accessible name ("Notifications, none unread" / "Notifications, 2 unread"). */
export const bell = (page: Page) => page.getByRole('link', { name: /^Notifications, / });
