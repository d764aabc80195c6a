import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { MENTOR_INVITATION_TOKEN } from '@careers/contracts';
import {
  ACCEPT_MENTOR_INVITATION,
  errorCode,
  eventually,
  Factory,
  INVITE_MENTOR,
  lockWorkerTests,
  mailHeader,
  mailText,
  MENTOR_INVITATION_PREVIEW,
  MENTOR_INVITATIONS,
  ok,
  REVOKE_MENTOR_INVITATION,
  SIGN_IN,
  startApi,
  startSmtpServer,
  startWorkerProcess,
  type TestApi,
  twoTenants,
  type TwoTenants,
  type WorkerProcess,
} from '@careers/testing';
import { APP_CONFIG, type AppConfig, signToken } from '@careers/platform';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.js';

// Careers staff invite a professional who is not an alumnus to mentor: the invitation is emailed by the worker
// (a real process) through a real SMTP server, and its link makes an ALUMNUS account of the institution.
let api: TestApi;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let worker: WorkerProcess;
let unlock: () => Promise<void>;
let db: DataSource;
let t: TwoTenants;

beforeAll(async () => {
  unlock = await lockWorkerTests();
  smtp = await startSmtpServer();
  api = await startApi(createApiApp);
  db = api.app.get(DataSource);
  worker = startWorkerProcess({ SMTP_URL: smtp.url, PUBLIC_URL: api.url });
  t = await twoTenants(new Factory(api), { names: ['Invite University', 'Other University'] });
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await api.close();
  await smtp.close();
  await unlock();
});

const PASSWORD = 'a mentor password 123';
let n = 0;
const email = () => `mentor-${Date.now()}-${++n}@firm.example`;
const invite = (input: Record<string, unknown>, token = t.staffA.token) => api.gql(INVITE_MENTOR, { input }, token);
const mailTo = async (address: string) => {
  await eventually(`the invitation to ${address}`, async () => smtp.received.some((m) => m.to.includes(address)));
  return smtp.received.find((m) => m.to.includes(address))!.raw;
};
/** The token at the end of the email's link, as a person copying the link would take it. */
const linkIn = (raw: string) => mailText(raw).match(new RegExp(`${api.url}/invitations/(\\S+)`))![1]!;
const invitationRows = async (address: string) => (await db.query(`SELECT count(*)::int AS n FROM mentor_invitation WHERE email = $1`, [address]))[0].n;

it('emails the invitation; its link shows what it is for and makes an ALUMNUS account of the institution, once', async () => {
  const address = email();
  const invited = ok(await invite({ email: address.toUpperCase(), displayName: 'Priya Partner', note: 'We would love your help with law students.' })).inviteMentor;
  expect(invited).toMatchObject({ email: address, status: 'PENDING', institutionId: t.a.id, acceptedAt: null });

  const raw = await mailTo(address);
  expect(mailHeader(raw, 'Subject')).toMatch(/ invites you to mentor Invite University's students$/);
  expect(mailText(raw)).toContain('Their note: We would love your help with law students.');
  const token = linkIn(raw);

  // Anyone holding the link (no sign-in) sees what it is for.
  expect(ok(await api.gql(MENTOR_INVITATION_PREVIEW, { token })).mentorInvitation).toMatchObject({
    email: address,
    displayName: 'Priya Partner',
    institutionName: 'Invite University',
  });
  const accepted = ok(await api.gql(ACCEPT_MENTOR_INVITATION, { input: { token, password: PASSWORD, displayName: 'Priya Patel' } })).acceptMentorInvitation;
  expect(accepted.user).toMatchObject({ role: 'ALUMNUS', displayName: 'Priya Patel', trustLevel: 'BASIC', institution: { id: t.a.id, name: 'Invite University' } });
  // The account signs in with the invited email, though its domain is not the institution's.
  ok(await api.gql(SIGN_IN, { input: { email: address, password: PASSWORD } }));
  // An alumnus may then offer mentoring, as any alumnus does.
  ok(await api.gql(`mutation { becomeMentor(input: { offers: [QUESTION], capacity: 2, sectors: ["Law"] }) { id } }`, {}, accepted.accessToken));

  // The link works once.
  expect(errorCode(await api.gql(ACCEPT_MENTOR_INVITATION, { input: { token, password: PASSWORD, displayName: 'Again' } }))).toBe('NOT_FOUND');
  expect(errorCode(await api.gql(MENTOR_INVITATION_PREVIEW, { token }))).toBe('NOT_FOUND');
  const listed = ok(await api.gql(MENTOR_INVITATIONS, {}, t.staffA.token)).mentorInvitations.edges.map((e: { node: { id: string } }) => e.node);
  expect(listed.find((i: { id: string }) => i.id === invited.id)).toMatchObject({ status: 'ACCEPTED', acceptedUserId: accepted.user.id });
}, 60_000);

it('a withdrawn invitation, a forged link and a token made for another purpose open nothing', async () => {
  const address = email();
  const invited = ok(await invite({ email: address, displayName: 'Sam Surveyor' })).inviteMentor;
  const token = linkIn(await mailTo(address));
  expect(ok(await api.gql(REVOKE_MENTOR_INVITATION, { id: invited.id }, t.staffA.token)).revokeMentorInvitation.status).toBe('REVOKED');
  expect(errorCode(await api.gql(ACCEPT_MENTOR_INVITATION, { input: { token, password: PASSWORD, displayName: 'Sam' } }))).toBe('NOT_FOUND');
  expect(errorCode(await api.gql(MENTOR_INVITATION_PREVIEW, { token: `${token.split('.')[0]}.forged` }))).toBe('NOT_FOUND');
  // A token signed with the same secret over the same id, for another purpose (unsubscribing), is not an invitation.
  const secret = api.app.get<AppConfig>(APP_CONFIG).JWT_SECRET;
  const other = ok(await invite({ email: email(), displayName: 'Other' })).inviteMentor;
  expect(errorCode(await api.gql(MENTOR_INVITATION_PREVIEW, { token: signToken(secret, 'unsubscribe', [other.id]) }))).toBe('NOT_FOUND');
  // (The same, signed for invitations, opens it: only the purpose differs.)
  ok(await api.gql(MENTOR_INVITATION_PREVIEW, { token: signToken(secret, MENTOR_INVITATION_TOKEN, [other.id]) }));
  // Once withdrawn, the same person may be invited again, with a new link.
  ok(await invite({ email: address, displayName: 'Sam Surveyor' }));
  expect(await invitationRows(address)).toBe(2);
}, 60_000);

it('only careers staff invite, for their own institution; another institution sees and withdraws none of theirs', async () => {
  const address = email();
  const invited = ok(await invite({ email: address, displayName: 'Alex Architect' })).inviteMentor;
  expect(errorCode(await invite({ email: email(), displayName: 'X' }, t.studentA.token))).toBe('FORBIDDEN');
  expect(errorCode(await invite({ email: email(), displayName: 'X' }, t.employer.token))).toBe('FORBIDDEN');
  expect(errorCode(await invite({ email: email(), displayName: 'X', institutionId: t.a.id }, t.staffB.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(REVOKE_MENTOR_INVITATION, { id: invited.id }, t.staffB.token))).toBe('NOT_FOUND');
  expect(errorCode(await api.gql(MENTOR_INVITATIONS, { institutionId: t.a.id }, t.staffB.token))).toBe('FORBIDDEN');
  const bList = ok(await api.gql(MENTOR_INVITATIONS, {}, t.staffB.token)).mentorInvitations.edges;
  expect(bList.map((e: { node: { email: string } }) => e.node.email)).not.toContain(address);
  expect(errorCode(await api.gql(MENTOR_INVITATIONS, {}, t.studentA.token))).toBe('FORBIDDEN');
  // Admins name the institution they invite for.
  expect(errorCode(await invite({ email: email(), displayName: 'X' }, t.admin.token))).toBe('BAD_USER_INPUT');
  ok(await invite({ email: email(), displayName: 'Admin Invited', institutionId: t.b.id }, t.admin.token));
  ok(await api.gql(REVOKE_MENTOR_INVITATION, { id: invited.id }, t.admin.token));
}, 60_000);

it('refuses what cannot be right and writes nothing', async () => {
  // Someone who already has an account needs no invitation; a second pending invitation would be a second link.
  expect(errorCode(await invite({ email: t.studentA.email, displayName: 'Student' }))).toBe('CONFLICT');
  const address = email();
  ok(await invite({ email: address, displayName: 'Once' }));
  expect(errorCode(await invite({ email: address, displayName: 'Twice' }))).toBe('CONFLICT');
  expect(await invitationRows(address)).toBe(1);

  const bad = email();
  for (const input of [
    { email: 'not an email', displayName: 'X' },
    { email: bad, displayName: '' },
    { email: bad, displayName: 'X', note: 'n'.repeat(1001) },
    { email: bad, displayName: 'x'.repeat(101) },
  ]) {
    const result = await invite(input);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  }
  expect(await invitationRows(bad)).toBe(0);
  expect(await invitationRows('not an email')).toBe(0);
  expect(errorCode(await api.gql(ACCEPT_MENTOR_INVITATION, { input: { token: 'x'.repeat(600), password: PASSWORD, displayName: 'X' } }))).toBe('BAD_USER_INPUT');
}, 60_000);

it("escapes staff's words in the email's HTML", async () => {
  const address = email();
  ok(await invite({ email: address, displayName: '<img src=x onerror=alert(1)>', note: '<script>alert(1)</script> & "quotes"' }));
  const raw = await mailTo(address);
  const html = raw.split(/Content-Type: text\/html[^\n]*\n/i)[1]!.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('<img');
  expect(html).toContain('&#60;script&#62;');
  expect(html).toMatch(new RegExp(`<a href="${api.url}/invitations/[^"]+">`));
}, 60_000);
