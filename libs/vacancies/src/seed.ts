import { randomBytes } from 'node:crypto';
import { type DemoPerson, Role } from '@careers/contracts';
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

/**
 * Demo vacancies published for the demo institution, and an alert for the
 * demo student, so a newcomer sees search and alerts at work. Run once, after
 * identity's demo seed; written directly (no events: nothing to notify yet).
 */
export async function seedDemoVacancies(db: DataSource, people: DemoPerson[]): Promise<void> {
  const staff = people.find((p) => p.role === Role.STAFF);
  const student = people.find((p) => p.role === Role.STUDENT);
  const employer = people.find((p) => p.role === Role.EMPLOYER);
  if (!staff?.institutionId || !student) return;
  await db.transaction(async (tx) => {
    for (const v of DEMO_VACANCIES) {
      const fromAcme = v.employer === 'Acme Analytics' && employer?.organisationId;
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO vacancy (organisation_id, employer_name, title, description, description_html, sector, location, remote, type,
                              salary_min, salary_max, salary_currency, closes_at, expires_at, apply_url, status, created_by, poster_institution_id, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now() + interval '30 days', now() + interval '60 days',
                 'https://jobs.example.com/demo', 'PUBLISHED', $13, $14, now()) RETURNING id`,
        [
          fromAcme ? employer.organisationId : null,
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
          fromAcme ? employer.id : staff.id,
          fromAcme ? null : staff.institutionId,
        ],
      );
      await tx.query(
        `INSERT INTO vacancy_target (vacancy_id, institution_id, decision, decided_by, decided_at) VALUES ($1, $2, 'APPROVED', $3, now())`,
        [id, staff.institutionId, staff.id],
      );
    }
    await tx.query(
      `INSERT INTO alert_subscription (user_id, institution_id, name, keywords, keyword_queries, keyword_lexemes, sector, feed_token)
       VALUES ($1, $2, 'Law and policy', ARRAY['legal', 'policy'], ARRAY[phraseto_tsquery('careers', 'legal')::text, phraseto_tsquery('careers', 'policy')::text],
               tsvector_to_array(to_tsvector('careers', 'legal policy')), NULL, $3)`,
      [student.id, student.institutionId, randomBytes(24).toString('base64url')],
    );
  });
}
