import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { eventually, freePort } from '@careers/testing';
import pg from 'pg';

const root = new URL('../..', import.meta.url).pathname;

it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
  const domain = `${randomBytes(4).toString('hex')}.ac.uk`;
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  await client.query(`INSERT INTO institution (name, email_domains) VALUES ('Shutdown', $1)`, [[domain]]);
  await client.end();

  const port = await freePort();
  const api = spawn(process.execPath, [`${root}apps/api/dist/main.js`], {
    // SHUTDOWN_DELAY 3 s: on a busy machine some of the 40 requests leave the client only after SIGTERM; the
    // api must still take them (as it does while a load balancer stops sending), not reset their connections.
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', SHUTDOWN_DELAY: '3', SHUTDOWN_GRACE: '20' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => api.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  try {
    // A busy machine (CI on 2 cores) may take a while to boot a process.
    await eventually('the api to start', () => fetch(`${url}/health/live`).then((r) => r.ok, () => false), 30_000);
  } catch (error) {
    api.kill('SIGKILL'); // else it keeps the test run alive
    throw error;
  }

  // Each sign-up hashes a password with argon2id (tens of ms, four at a time): most of 40 are still running when SIGTERM arrives.
  let signalAt = Infinity;
  const finishedAt: number[] = [];
  const signUps = Array.from({ length: 40 }, (_, i) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`,
        variables: { input: { email: `p${i}@${domain}`, password: 'a long enough password', displayName: `P${i}`, role: 'STUDENT' } },
      }),
    }).then((r) => {
      finishedAt.push(Date.now());
      return r.json() as Promise<{ data?: { signUp: { user: { id: string } } } }>;
    }),
  );
  // The timing is what is under test: SIGTERM while most sign-ups are in flight (none has an event to wait for).
  await new Promise((r) => setTimeout(r, 100));
  signalAt = Date.now();
  api.kill('SIGTERM');
  const results = await Promise.all(signUps);
  expect(results.filter((r) => r.data?.signUp.user.id)).toHaveLength(40);
  expect(finishedAt.filter((t) => t > signalAt).length).toBeGreaterThan(0);
  expect(await exited).toBe(0);
  await expect(fetch(`${url}/health/live`)).rejects.toThrow();
}, 60_000);
