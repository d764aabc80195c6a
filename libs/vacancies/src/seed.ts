import { randomBytes } from 'node:crypto';
import { type DemoNotice, type DemoPerson, Role } from '@careers/contracts';
import type { DataSource } from 'typeorm';
import { renderMarkdown } from './vacancies/markdown.js';

const DEMO_VACANCIES = [
  {
    title: 'Graduate data analyst',
    employer: 'Acme Analytics',
    sector: 'Data and analytics',
    location: 'Leeds, West Yorkshire',
    remote: 'HYBRID',
    type: 'GRADUATE_JOB',
    salary: [28000, 32000],
    description: 'Join our **analytics** team: SQL, Python and clear writing for clients in the public sector.',
  },
  {
    title: 'Summer legal internship',
    employer: 'Demo Chambers',
    sector: 'Law',
    location: 'London',
    remote: 'ON_SITE',
    type: 'INTERNSHIP',
    salary: [2400, 2400],
    description: 'Eight weeks shadowing barristers, with research tasks and a mentor. Open to all subjects.',
  },
  {
    title: 'Policy research volunteer',
    employer: 'Civic Futures',
    sector: 'Charity and policy',
    location: 'Remote',
    remote: 'REMOTE',
    type: 'VOLUNTEERING',
    salary: null,
    description: 'Help a small charity research housing policy: a few hours a week, from anywhere.',
  },
] as const;

/** Acme's vacancy waiting for the demo institution's decision: it matches the demo student's alert ("policy"). */
const PENDING_VACANCY = {
  title: 'Graduate policy analyst',
  employer: 'Acme Analytics',
  sector: 'Data and analytics',
  location: 'Manchester',
  remote: 'HYBRID',
  type: 'GRADUATE_JOB',
  salary: [29000, 31000],
  description: 'Turn public data into **policy** advice for local councils, with a two-year training programme.',
} as const;

/** Acme's vacancy the demo institution rejected, and why: the employer edits it and submits it again. */
const REJECTED_VACANCY = {
  title: 'Marketing intern (unpaid)',
  employer: 'Acme Analytics',
  sector: 'Marketing',
  location: 'Leeds, West Yorkshire',
  remote: 'ON_SITE',
  type: 'INTERNSHIP',
  salary: null,
  description: 'Three months helping our marketing team with social media and events.',
} as const;
const REJECTED_REASON = 'We only advertise paid internships: add the pay (at least the minimum wage) and submit it again';

const DEMO_ALERT_MATCHES = [
  { title: 'Summer legal internship', reasons: 'keyword: legal', minutesAgo: 90, read: true },
  { title: 'Policy research volunteer', reasons: 'keyword: policy', minutesAgo: 30, read: false },
];

/**
 * Demo vacancies for the demo institution, so a newcomer sees search, alerts and approvals at work: three
 * published, one of Acme's waiting for staff's decision (it matches the demo student's alert: approving it
 * notifies her), one of Acme's rejected with a reason. The demo student's alert "Law and policy" with its
 * matches of two published ones. Run once, after identity's demo seed; written directly (no events). Returns
 * the notifications that go with it (the student's matches, staff's vacancy to decide, the employer's rejection).
 */
export async function seedDemoVacancies(db: DataSource, people: DemoPerson[]): Promise<DemoNotice[]> {
  const staff = people.find((p) => p.role === Role.STAFF);
  const student = people.find((p) => p.role === Role.STUDENT);
  const employer = people.find((p) => p.role === Role.EMPLOYER);
  if (!staff?.institutionId || !student) return [];
  const notices: DemoNotice[] = [];
  await db.transaction(async (tx) => {
    const insert = async (
      v: { title: string; employer: string; sector: string; location: string; remote: string; type: string; salary: readonly [number, number] | null; description: string },
      status: 'PUBLISHED' | 'PENDING_APPROVAL' | 'REJECTED',
      fromAcme: boolean,
    ): Promise<string> => {
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO vacancy (organisation_id, employer_name, title, description, description_html, sector, location, remote, type,
                              salary_min, salary_max, salary_currency, closes_at, expires_at, apply_url, status, created_by, poster_institution_id, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now() + interval '30 days', now() + interval '60 days',
                 'https://jobs.example.com/demo', $15::vacancy_status, $13, $14, CASE WHEN $15::vacancy_status = 'PUBLISHED' THEN now() END) RETURNING id`,
        [
          fromAcme ? employer!.organisationId : null,
          v.employer,
          v.title,
          v.description,
          renderMarkdown(v.description),
          v.sector,
          v.location,
          v.remote,
          v.type,
          v.salary?.[0] ?? null,
          v.salary?.[1] ?? null,
          v.salary ? 'GBP' : null,
          fromAcme ? employer!.id : staff.id,
          fromAcme ? null : staff.institutionId,
          status,
        ],
      );
      return id;
    };
    const ids = new Map<string, string>();
    for (const v of DEMO_VACANCIES) {
      const fromAcme = v.employer === 'Acme Analytics' && !!employer?.organisationId;
      const id = await insert(v, 'PUBLISHED', fromAcme);
      ids.set(v.title, id);
      await tx.query(
        `INSERT INTO vacancy_target (vacancy_id, institution_id, decision, decided_by, decided_at) VALUES ($1, $2, 'APPROVED', $3, now())`,
        [id, staff.institutionId, staff.id],
      );
    }
    if (employer?.organisationId) {
      const pending = await insert(PENDING_VACANCY, 'PENDING_APPROVAL', true);
      await tx.query(`INSERT INTO vacancy_target (vacancy_id, institution_id, decision) VALUES ($1, $2, 'PENDING')`, [pending, staff.institutionId]);
      notices.push({
        userId: staff.id,
        kind: 'vacancy-awaiting-approval',
        title: `Awaiting your decision: ${PENDING_VACANCY.title} from Acme Analytics`,
        body: "This vacancy waits for your careers service's approval before your students can see it. In your vacancy approvals, approve it for your students, or reject it with a reason the employer will see.",
        link: `/approvals/vacancies#${pending}`,
        minutesAgo: 45,
      });
      const rejected = await insert(REJECTED_VACANCY, 'REJECTED', true);
      await tx.query(
        `INSERT INTO vacancy_target (vacancy_id, institution_id, decision, reason, decided_by, decided_at) VALUES ($1, $2, 'REJECTED', $3, $4, now() - interval '1 day')`,
        [rejected, staff.institutionId, REJECTED_REASON, staff.id],
      );
      notices.push({
        userId: employer.id,
        kind: 'vacancy-decided',
        title: `Vacancy not approved: ${REJECTED_VACANCY.title}`,
        body: `Careers staff gave this reason: ${REJECTED_REASON}. Edit the vacancy and submit it again.`,
        link: `/vacancies/${rejected}`,
        minutesAgo: 24 * 60,
      });
    }
    const [{ id: alertId }]: { id: string }[] = await tx.query(
      `INSERT INTO alert_subscription (user_id, institution_id, name, keywords, keyword_queries, keyword_lexemes, sector, feed_token)
       VALUES ($1, $2, 'Law and policy', ARRAY['legal', 'policy'], ARRAY[phraseto_tsquery('careers', 'legal')::text, phraseto_tsquery('careers', 'policy')::text],
               tsvector_to_array(to_tsvector('careers', 'legal policy')), NULL, $3) RETURNING id`,
      [student.id, student.institutionId, randomBytes(24).toString('base64url')],
    );
    for (const match of DEMO_ALERT_MATCHES) {
      const vacancyId = ids.get(match.title)!;
      const v = DEMO_VACANCIES.find((d) => d.title === match.title)!;
      await tx.query(
        `INSERT INTO alert_match (user_id, vacancy_id, subscription_id, organisation_key, reasons, in_app, email_pending, emailed_at, matched_at)
         SELECT $1, $2, $3, coalesce(organisation_id::text, careers_fold(employer_name)), $4, true, false, now() - make_interval(mins => $5), now() - make_interval(mins => $5)
         FROM vacancy WHERE id = $2`,
        [student.id, vacancyId, alertId, match.reasons, match.minutesAgo],
      );
      notices.push({
        userId: student.id,
        kind: 'vacancy-alert',
        title: `New vacancy: ${v.title} at ${v.employer}`,
        body: `Why: ${match.reasons}`,
        link: `/vacancies/${vacancyId}`,
        read: match.read,
        minutesAgo: match.minutesAgo,
      });
    }
  });
  return notices;
}
