import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { startApi, type TestApi } from '@careers/testing';
import { createApiApp } from '../src/app.js';

// A real browser, as a developer opens http://localhost:3000/graphql. CI installs chromium (.ci/run).
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

describe('the API explorer of development', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('loads in a browser with nothing from outside our origin, and runs { __typename }', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    await page.goto(`${api.url}/graphql`);
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('{ __typename }');
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"Query"').waitFor();
    expect(await page.locator('.result-window').innerText()).toMatch(/"__typename":\s*"Query"/);

    // The schema came through introspection: the documentation explorer lists the root types.
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();

    const outside = requested.filter((url) => !url.startsWith('data:') && new URL(url).origin !== api.url);
    expect(outside).toEqual([]);
    expect(requested.filter((url) => url.startsWith(`${api.url}/explorer/`)).length).toBeGreaterThanOrEqual(4);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
