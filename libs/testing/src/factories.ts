import { randomBytes } from 'node:crypto';
import { ApprovalDecision, Role, type TrustLevel } from '@careers/contracts';
import { Institution, Organisation, OrganisationApproval, SessionsService, type User } from '@careers/identity';
import { DataSource } from 'typeorm';
import type { TestApi } from './api-client.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  user: User;
  token: string;
  refreshToken: string;
  email: string;
  password: string;
}

const unique = () => randomBytes(5).toString('hex');

/**
 * People and places for tests, written straight to the database (fast, no
 * rate limits) and signed in through the same SessionsService the api uses.
 */
export class Factory {
  private readonly db: DataSource;
  private readonly sessions: SessionsService;

  constructor(api: TestApi) {
    this.db = api.app.get(DataSource);
    this.sessions = api.app.get(SessionsService);
  }

  async institution(name = `University ${unique()}`): Promise<Institution> {
    return this.db.getRepository(Institution).save({ name, emailDomains: [`${unique()}.ac.uk`] });
  }

  async organisation(opts: { approvedBy?: Institution; pendingAt?: Institution } = {}): Promise<Organisation> {
    const org = await this.db.getRepository(Organisation).save({ name: `Employer ${unique()}`, website: null, description: null });
    const at = opts.approvedBy ?? opts.pendingAt;
    if (at) {
      await this.db.getRepository(OrganisationApproval).insert({
        organisationId: org.id,
        institutionId: at.id,
        status: opts.approvedBy ? ApprovalDecision.APPROVED : ApprovalDecision.PENDING,
        decidedAt: opts.approvedBy ? new Date() : null,
      });
    }
    return org;
  }

  /** Careers staff of `institution` approved `organisation` too. */
  async approveOrganisation(organisation: Organisation, institution: Institution): Promise<void> {
    await this.db.getRepository(OrganisationApproval).insert({
      organisationId: organisation.id,
      institutionId: institution.id,
      status: ApprovalDecision.APPROVED,
      decidedAt: new Date(),
    });
  }

  /** A signed-in user of `role`. Students, alumni and staff need an institution; employers an organisation. */
  async user(
    role: Role,
    opts: { institution?: Institution; organisation?: Organisation; trustLevel?: TrustLevel; displayName?: string } = {},
  ): Promise<TestUser> {
    const domain = opts.institution?.emailDomains[0] ?? 'example.org';
    const email = `${role.toLowerCase()}-${unique()}@${domain}`;
    const user = await this.db.transaction((tx) =>
      this.sessions.createAccount(tx, {
        email,
        password: TEST_PASSWORD,
        displayName: opts.displayName ?? `${role.toLowerCase()} ${unique()}`,
        role,
        institutionId: role === Role.EMPLOYER ? null : (opts.institution?.id ?? null),
        organisationId: role === Role.EMPLOYER ? (opts.organisation?.id ?? null) : null,
        trustLevel: opts.trustLevel,
      }),
    );
    const session = await this.sessions.startSession(user);
    return { user, token: session.accessToken, refreshToken: session.refreshToken, email, password: TEST_PASSWORD };
  }

  /**
   * How many accounts have an email at `domain` (or a subdomain). Tests that bad
   * input writes nothing compare it before and after: scoped to the test's own
   * institution, so tests running alongside do not move it.
   */
  async countAccountsAt(domain: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM user_account WHERE email LIKE '%@' || $1 OR email LIKE '%.' || $1`,
      [domain],
    );
    return rows[0]!.n;
  }

  /**
   * An approved live chat of a new organisation for a new institution: a host
   * ('Hana Host'), the institution's careers staff, and `students` registered
   * ('Student 0', …). It started a minute ago and lasts two hours, unless
   * `startsIn` (minutes) says otherwise. Written directly, with no events.
   */
  async liveChat(students: number, opts: { startsIn?: number } = {}): Promise<{ eventId: string; host: TestUser; staff: TestUser; students: TestUser[] }> {
    const institution = await this.institution();
    const organisation = await this.organisation({ approvedBy: institution });
    const [host, staff, ...registered] = await Promise.all([
      this.user(Role.EMPLOYER, { organisation, displayName: 'Hana Host' }),
      this.user(Role.STAFF, { institution }),
      ...Array.from({ length: students }, (_, i) => this.user(Role.STUDENT, { institution, displayName: `Student ${i}` })),
    ]);
    const event = await this.liveChatEvent({ organisation, host: host!, audience: [institution], registered, startsIn: opts.startsIn ?? -1, minutes: 120, capacity: 100 });
    return { eventId: event.id, host: host!, staff: staff!, students: registered };
  }

  /**
   * An approved live chat of `organisation` hosted by `host`, approved for the
   * `audience` institutions, with `registered` and `waitlisted` people on it.
   * It starts in `startsIn` minutes (negative: it started that long ago) and
   * lasts `minutes`. Written directly, with no events.
   */
  async liveChatEvent(opts: {
    organisation: Organisation;
    host: TestUser;
    audience: Institution[];
    registered?: TestUser[];
    waitlisted?: TestUser[];
    startsIn: number;
    minutes: number;
    capacity: number;
  }): Promise<{ id: string; startsAt: Date }> {
    const registered = opts.registered ?? [];
    const [event]: { id: string; starts_at: Date }[] = await this.db.query(
      `INSERT INTO live_chat_event (organisation_id, created_by_id, title, description, starts_at, ends_at, capacity, status, registered_count)
       VALUES ($1, $2, 'Meet us', 'Ask anything', now() + make_interval(mins => $3), now() + make_interval(mins => $3 + $4), $5, 'APPROVED', $6) RETURNING id, starts_at`,
      [opts.organisation.id, opts.host.user.id, opts.startsIn, opts.minutes, opts.capacity, registered.length],
    );
    await this.db.query(`INSERT INTO live_chat_host (event_id, user_id) VALUES ($1, $2)`, [event!.id, opts.host.user.id]);
    await this.db.query(`INSERT INTO live_chat_audience (event_id, institution_id, status) SELECT $1, unnest($2::uuid[]), 'APPROVED'`, [
      event!.id,
      opts.audience.map((i) => i.id),
    ]);
    await this.liveChatRegistrations(event!.id, registered, 'REGISTERED');
    await this.liveChatRegistrations(event!.id, opts.waitlisted ?? [], 'WAITLISTED');
    return { id: event!.id, startsAt: new Date(event!.starts_at) };
  }

  /** `people` on live chat `eventId` as `status`, written directly (the event's counts are left as they are). */
  async liveChatRegistrations(eventId: string, people: TestUser[], status: 'REGISTERED' | 'WAITLISTED'): Promise<void> {
    if (!people.length) return;
    await this.db.query(`INSERT INTO live_chat_registration (event_id, user_id, status) SELECT $1, unnest($2::uuid[]), $3`, [
      eventId,
      people.map((p) => p.user.id),
      status,
    ]);
  }

  /**
   * `count` alert subscriptions at `institution` on `keyword`, in-app only, of
   * people with no account (written straight to the table in one statement):
   * for tests of the fan-out, not of sign-up.
   */
  async alertSubscribers(institution: Institution, keyword: string, count: number): Promise<void> {
    await this.db.query(
      `INSERT INTO alert_subscription (user_id, institution_id, name, keywords, keyword_queries, keyword_lexemes, email, feed_token)
       SELECT gen_random_uuid(), $1, 'fan-out', ARRAY[$2], ARRAY[$2], ARRAY[$2], false, md5(random()::text) || md5(random()::text)
       FROM generate_series(1, $3)`,
      [institution.id, keyword, count],
    );
  }
  // --- mentoring: network map and staff figures (H4) ---
  /** `count` name-only contacts on `owner`'s network map (one statement): for tests of the limit. */
  async networkContacts(owner: TestUser, count: number): Promise<void> {
    await this.db.query(
      `INSERT INTO network_contact (owner_id, name, sector) SELECT $1, 'Contact ' || n, 'Sector ' || n FROM generate_series(1, $2) n`,
      [owner.user.id, count],
    );
  }

  /**
   * Mentorship rows of `mentor` (an alumnus who mentors) with fresh mentees, as the requests slice writes them:
   * each with its status and how many hours ago it was requested (and, for ACTIVE or ENDED ones, started).
   */
  async mentorships(mentor: TestUser, rows: { status: 'REQUESTED' | 'ACTIVE' | 'DECLINED' | 'ENDED' | 'EXPIRED'; hoursAgo: number }[]): Promise<void> {
    for (const r of rows) {
      await this.db.query(
        `INSERT INTO mentorship (mentor_id, mentee_id, status, created_at, started_at, ended_at)
         VALUES ($1, gen_random_uuid(), $2::mentorship_status, now() - make_interval(hours => $3),
                 CASE WHEN $2 IN ('ACTIVE', 'ENDED') THEN now() - make_interval(hours => $3) END,
                 CASE WHEN $2 = 'ENDED' THEN now() END)`,
        [mentor.user.id, r.status, r.hoursAgo],
      );
    }
  }

  /**
   * Community questions of `asker` (of `institution`) asked `hoursAgo`, each answered by `answerer` after each of
   * `answersAfterHours` (none: unanswered), written directly: for the staff figures.
   */
  async answeredQuestions(
    asker: TestUser,
    institution: Institution,
    answerer: TestUser,
    rows: { hoursAgo: number; answersAfterHours: number[] }[],
  ): Promise<void> {
    for (const r of rows) {
      const [q] = await this.db.query(
        `INSERT INTO question (institution_id, asker_id, visibility, title, body, created_at)
         VALUES ($1, $2, 'COMMUNITY', 'A question for the figures', 'What should I do?', now() - $3::float * interval '1 hour') RETURNING id, created_at`,
        [institution.id, asker.user.id, r.hoursAgo],
      );
      for (const after of r.answersAfterHours) {
        await this.db.query(
          `INSERT INTO answer (question_id, author_id, body, created_at) VALUES ($1, $2, 'An answer', $3::timestamptz + $4::float * interval '1 hour')`,
          [q.id, answerer.user.id, q.created_at, after],
        );
      }
      if (r.answersAfterHours.length) await this.db.query(`UPDATE question SET answer_count = $2 WHERE id = $1`, [q.id, r.answersAfterHours.length]);
    }
  }
  // --- end mentoring: network map and staff figures ---

  /** Mentorships: the request `mentorshipId` is past its expiry from now on (as if MENTORSHIP_REQUEST_TTL_DAYS had passed). */
  async expireMentorshipRequest(mentorshipId: string): Promise<void> {
    await this.db.query(`UPDATE mentorship SET expires_at = now() - interval '1 second', created_at = created_at - interval '15 days' WHERE id = $1`, [mentorshipId]);
  }

  /** Mentorships: a REQUESTED row from each of `students` to `mentorId`, written directly with no events; their ids. */
  async mentorshipRequests(mentorId: string, students: TestUser[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO mentorship (mentor_id, mentee_id, mentee_name, mentee_institution_id, message, asks_for, expires_at)
       SELECT $1, u.id, u.display_name, u.institution_id, 'Please mentor me', 'CONVERSATION', now() + interval '14 days'
       FROM user_account u WHERE u.id = ANY ($2::uuid[]) RETURNING id`,
      [mentorId, students.map((s) => s.user.id)],
    );
    return rows.map((r) => r.id);
  }

  /**
   * An ACTIVE mentorship of `mentor` (given a minimal mentor profile if they have none) and `mentee`, started
   * `startedDaysAgo` days ago (default now), written directly, so the conversation specs need not go through the
   * request → accept lifecycle (mentorships.spec.ts tests that).
   */
  async activeMentorship(mentor: TestUser, mentee: TestUser, opts: { startedDaysAgo?: number; status?: 'ACTIVE' | 'ENDED' } = {}): Promise<string> {
    await this.db.query(
      `INSERT INTO mentor_profile (user_id, institution_id, display_name, offers, capacity) VALUES ($1, $2, $3, '{MENTORSHIP}', 5)
       ON CONFLICT (user_id) DO NOTHING`,
      [mentor.user.id, mentor.user.institutionId, mentor.user.displayName],
    );
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO mentorship (mentor_id, mentee_id, mentee_name, mentee_institution_id, status, created_at, started_at, ended_at)
       SELECT $1, u.id, u.display_name, u.institution_id, $3::mentorship_status, now() - make_interval(days => $4), now() - make_interval(days => $4),
              CASE WHEN $3::mentorship_status = 'ENDED' THEN now() END
         FROM user_account u WHERE u.id = $2 RETURNING id`,
      [mentor.user.id, mentee.user.id, opts.status ?? 'ACTIVE', opts.startedDaysAgo ?? 0],
    );
    return row!.id;
  }
}
