// `npm run bench:mentoring`: mentoring's read paths at scale.
//
//   a. `mentorSuggestions(first: 10)` on the api, MENTORING_CONNECTIONS connections, every request
//      with the next of MENTORING_TOKENS students' bearer tokens (rotating, across the institutions);
//   b. its ceiling: a bare node:http server (mentoring-bare-server.mjs) doing the same JWT check, the
//      same profile read and the same ranking statement (MentorSuggestionsRepository.rank itself), loaded like (a);
//   c. a page of the questions feed (`questions(first: 20)` with answer counts and authors) on the api,
//      when the questions tables exist (libs/mentoring/src/questions); skipped, and said so, otherwise;
//   d. SQL statements per request, counted on an api started in this process (countStatements of
//      @careers/testing) for suggestions of 5, 10 and 20 and feed pages of 10, 20 and 50: they must be
//      equal across page sizes, or the bench fails.
//
// Data (set-based SQL, INSERT … SELECT FROM generate_series): MENTORING_STUDENTS students (accounts and
// identity profiles with course, sectors, skills and interests drawn Zipf-like from vocabularies of
// 30 courses, 20 sectors, 60 skills and 40 topics), MENTORING_MENTORS alumni mentors (mentor_profile rows
// with sectors, skills, organisations, languages, topics, offers and capacities), ACTIVE mentorships
// using part of their capacity (some full), ended ones as history; four institutions weighted 40/30/20/10%;
// and, with the questions tables, MENTORING_QUESTIONS questions with answers.
//
// A fresh database (createTestEnvironment), the api and the bare server in child processes, autocannon
// here. Each scenario: a warm-up, then BENCH_RUNS runs of BENCH_SECONDS, api and bare alternating;
// figures are medians over the runs; the ratio api / bare is the one to compare across machines.
// Results: test/bench/results/mentoring.{json,md}.
//
// Settings (environment): MENTORING_STUDENTS (50000), MENTORING_MENTORS (5000), MENTORING_QUESTIONS
// (200000), MENTORING_TOKENS (1000), MENTORING_CONNECTIONS (16), BENCH_SECONDS (8), BENCH_RUNS (3),
// BENCH_WARMUP (2), BENCH_TIMEOUT (seconds; 600 by default), MENTORING_KEEP (1 keeps the database, for EXPLAIN).
import 'reflect-metadata';
import { createSecretKey, randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import pg from 'pg';
import { countStatements, createTestEnvironment } from '@careers/testing';
import { schemaParts } from '../../apps/api/dist/database.js';
import { MentorSuggestionsRepository } from '../../libs/mentoring/dist/mentors/mentor-suggestions.repository.js';
import { childProcesses, formatRun, idleMachinePercent, intSetting, load, median, round, summarise } from './bench-kit.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('../../');
const RESULTS = here('./results/');

const settings = {
  students: intSetting('MENTORING_STUDENTS', 50_000),
  mentors: intSetting('MENTORING_MENTORS', 5_000),
  questions: intSetting('MENTORING_QUESTIONS', 200_000, 0),
  tokens: intSetting('MENTORING_TOKENS', 1_000),
  connections: intSetting('MENTORING_CONNECTIONS', 16),
  seconds: intSetting('BENCH_SECONDS', 8),
  runs: intSetting('BENCH_RUNS', 3),
  warmupSeconds: intSetting('BENCH_WARMUP', 2, 0),
  databasePoolSize: 20,
  suggestionsFirst: 10,
  feedFirst: 20,
};
const TARGETS = { suggestionsP99Ms: 100, feedP99Ms: 50 };
const SUGGESTION_SIZES = [5, 10, 20];
const FEED_SIZES = [10, 20, 50];
const deadlineMs = intSetting('BENCH_TIMEOUT', 600) * 1000;

const SUGGEST = 'query S($first: Int) { mentorSuggestions(first: $first) { score reasons mentor { id displayName placesFree } } }';
// The feed as docs/mentoring.md ("Questions and answers") describes it: a Relay connection with answer counts and authors.
const FEED = `query F($first: Int, $after: String) { questions(first: $first, after: $after) {
  edges { cursor node { id title tags answerCount createdAt author { id displayName } } } pageInfo { hasNextPage endCursor } } }`;

const started = performance.now();
const log = (...args) => console.log(`[mentoring ${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...args);

// ---------------------------------------------------------------- vocabularies (popularity order: first is commonest)

const SECTORS = [
  'Technology', 'Finance', 'Law', 'Healthcare', 'Engineering', 'Education', 'Public sector', 'Consulting', 'Media', 'Research',
  'Marketing', 'Accounting', 'Charity', 'Energy', 'Retail', 'Pharmaceuticals', 'Architecture', 'Journalism', 'Hospitality', 'Transport',
];
const COURSES = [
  'Computer science', 'Economics', 'Law', 'History', 'Psychology', 'Business management', 'English literature', 'Mathematics',
  'Mechanical engineering', 'Biology', 'Politics', 'Medicine', 'Accounting and finance', 'Chemistry', 'Physics', 'Geography',
  'Civil engineering', 'Sociology', 'Nursing', 'Electrical engineering', 'Philosophy', 'Modern languages', 'Pharmacy', 'Architecture',
  'Journalism', 'Marketing', 'Biomedical science', 'Chemical engineering', 'Music', 'Film studies',
];
const SKILLS = [
  'Excel', 'Python', 'Data analysis', 'Public speaking', 'Writing', 'Research', 'Project management', 'SQL', 'Teamwork', 'Leadership',
  'Presentations', 'Java', 'JavaScript', 'Statistics', 'Negotiation', 'Financial modelling', 'Legal research', 'Marketing', 'Social media',
  'Design', 'Customer service', 'Interviews', 'Machine learning', 'Accounting', 'Contract law', 'Copywriting', 'Sales', 'Policy analysis',
  'Laboratory skills', 'Clinical skills', 'Teaching', 'Tutoring', 'Translation', 'Photography', 'Video editing', 'R', 'MATLAB', 'AutoCAD',
  'Cloud computing', 'Cyber security', 'UX research', 'Product management', 'Agile', 'Bookkeeping', 'Audit', 'Tax', 'Procurement',
  'Logistics', 'Event planning', 'Editing', 'Fundraising', 'Coaching', 'Networking', 'Problem solving', 'Time management',
  'Critical thinking', 'CAD', 'Embedded systems', 'Spanish', 'French',
];
const TOPICS = [
  'Graduate schemes', 'Internships', 'CV writing', 'Assessment centres', 'Changing careers', 'Interviews', 'Postgraduate study',
  'Training contracts', 'Starting a business', 'Working abroad', 'Public policy', 'Artificial intelligence', 'Sustainability',
  'Salary negotiation', 'Work-life balance', 'Cover letters', 'Climate change', 'Diversity in the workplace', 'Remote work', 'Fintech',
  'PhD applications', 'Investment banking', 'Consulting careers', 'Civil service', 'Freelancing', 'Volunteering', 'Creative industries',
  'Healthcare innovation', 'Teaching careers', 'Journalism careers', 'Research careers', 'Engineering chartership', 'Law conversion',
  'Apprenticeships', 'Mental health at work', 'Entrepreneurship', 'Social mobility', 'Charity work', 'Leadership', 'Moving from history to law',
];
const LANGUAGES = ['English', 'Welsh', 'French', 'Spanish', 'German', 'Mandarin', 'Arabic', 'Urdu', 'Polish', 'Italian', 'Portuguese', 'Hindi'];
const ORGANISATIONS = [
  'NHS', 'Civil Service', 'Deloitte', 'PwC', 'KPMG', 'EY', 'BBC', 'Barclays', 'HSBC', 'Lloyds Banking Group', 'Arup', 'Atkins', 'Rolls-Royce',
  'BAE Systems', 'GSK', 'AstraZeneca', 'Unilever', 'Tesco', 'John Lewis', 'Google', 'Microsoft', 'Amazon', 'IBM', 'Accenture', 'Clifford Chance',
  'Linklaters', 'Allen & Overy', 'Slaughter and May', 'Leeds Law Centre', 'Oxfam', 'Save the Children', 'British Council', 'Network Rail',
  'National Grid', 'Ofgem', 'Bank of England', 'The Guardian', 'Reuters', 'Channel 4', 'Local council', 'a start-up', 'a secondary school',
];
const INSTITUTION_WEIGHTS = [0.4, 0.3, 0.2, 0.1];

/** `k` distinct entries of the vocabulary in parameter `$p`, each of rank r with probability ≈ 1/(r·ln(n+1)) (Zipf, s = 1); `k` must refer to the row (so that it runs per row). */
const zipfTags = (p, k) => `array(SELECT DISTINCT (${p}::text[])[floor(power(cardinality(${p}::text[]) + 1, random()))::int] FROM generate_series(1, ${k}))`;
/** An institution id of $1 (uuid[]) for the uniform draw `u`, weighted as INSTITUTION_WEIGHTS. */
const institutionOf = (u) => `($1::uuid[])[CASE WHEN ${u} < 0.4 THEN 1 WHEN ${u} < 0.7 THEN 2 WHEN ${u} < 0.9 THEN 3 ELSE 4 END]`;

const STUDENT_ACCOUNTS = `
  INSERT INTO user_account (email, password_hash, display_name, role, institution_id, created_at)
  SELECT 'student-' || n || '@bench.ac.uk', 'x', 'Student ' || n, 'STUDENT', ${institutionOf('u')}, now() - n * interval '1 minute'
  FROM (SELECT n, random() AS u FROM generate_series(1, $2::int) AS n) g`;

// Per student: a course (95%), 0–3 sectors, 0–6 skills, 0–4 interests (topics); 8% name nothing at all;
// 10% name a language other than English among their interests.
const STUDENT_PROFILES = `
  INSERT INTO profile (user_id, headline, course, graduation_year, sectors, skills, interests)
  SELECT r.id, 'Student at Bench University',
         CASE WHEN r.empty < 0.08 THEN NULL WHEN r.c < 0.95 THEN ($1::text[])[floor(power(cardinality($1::text[]) + 1, r.c / 0.95))::int] END,
         2026 + floor(r.c * 4)::int,
         CASE WHEN r.empty < 0.08 THEN '{}' ELSE ${zipfTags('$2', 'r.ns')} END,
         CASE WHEN r.empty < 0.08 THEN '{}' ELSE ${zipfTags('$3', 'r.nk')} END,
         CASE WHEN r.empty < 0.08 THEN '{}' ELSE ${zipfTags('$4', 'r.ni')} || CASE WHEN r.lang < 0.10 THEN ARRAY[($5::text[])[2 + floor(r.lang * 10 * (cardinality($5::text[]) - 1))::int]] ELSE '{}' END END
  FROM (SELECT u.id, random() AS empty, random() AS c, random() AS lang,
               floor(random() * 4)::int AS ns, floor(random() * 7)::int AS nk, floor(random() * 5)::int AS ni
        FROM user_account u WHERE u.role = 'STUDENT') r`;

const MENTOR_ACCOUNTS = `
  INSERT INTO user_account (email, password_hash, display_name, role, institution_id, created_at)
  SELECT 'alumnus-' || n || '@bench.example', 'x', 'Alumnus ' || n, 'ALUMNUS', ${institutionOf('u')}, now() - n * interval '1 hour'
  FROM (SELECT n, random() AS u FROM generate_series(1, $2::int) AS n) g`;

// Per mentor: a course, graduation 1990–2024, 1–3 sectors, 2–8 skills, 1–3 organisations, English and 0–2
// more languages (30%), 1–5 topics, 1–4 offers, capacity 1–10 (mostly 1–5), an "about" of two sentences;
// 6% paused, 3% opted out.
const MENTOR_PROFILES = `
  INSERT INTO mentor_profile (user_id, institution_id, display_name, course, graduation_year, about, sectors, skills, organisations, languages,
                              topics, offers, capacity, accepting_requests, opted_out_at, created_at)
  SELECT r.id, r.institution_id, r.display_name,
         ($1::text[])[floor(power(cardinality($1::text[]) + 1, r.c))::int], 1990 + floor(r.y * 35)::int,
         'I studied at Bench University and now work in ' || (r.sectors)[1] || '. Ask me about ' || lower((r.topics)[1]) || '.',
         r.sectors, ${zipfTags('$3', '2 + r.nk')}, ${zipfTags('$6', '1 + r.no')},
         ARRAY['English'] || CASE WHEN r.l < 0.30 THEN array(SELECT DISTINCT ($5::text[])[2 + floor(random() * (cardinality($5::text[]) - 1))::int] FROM generate_series(0, floor(r.l * 6)::int)) ELSE '{}' END,
         r.topics,
         array(SELECT o FROM unnest('{QUESTION,CONVERSATION,CV_FEEDBACK,MENTORSHIP}'::mentor_offer[]) WITH ORDINALITY AS x(o, i) WHERE i = 1 + floor(r.o * 4)::int OR random() < 0.4),
         CASE WHEN r.cap < 0.85 THEN 1 + floor(r.cap / 0.85 * 5)::int ELSE 6 + floor((r.cap - 0.85) / 0.15 * 5)::int END,
         r.paused >= 0.06, CASE WHEN r.out < 0.03 THEN now() - interval '30 days' END, u_created
  FROM (SELECT u.id, u.institution_id, u.display_name, u.created_at AS u_created, random() AS c, random() AS y, random() AS l, random() AS o,
               random() AS cap, random() AS paused, random() AS out,
               floor(random() * 7)::int AS nk, floor(random() * 3)::int AS no,
               ${zipfTags('$2', '1 + floor(random() * 3)::int + (u.created_at IS NULL)::int')} AS sectors,
               ${zipfTags('$4', '1 + floor(random() * 5)::int + (u.created_at IS NULL)::int')} AS topics
        FROM user_account u WHERE u.role = 'ALUMNUS') r`;

// ACTIVE mentorships: 60% of mentors have some, a quarter of those are full; mentees are random students
// (found by their numbered e-mail addresses, $1 of them). Then ended ones as history (one per two mentors).
const MENTORSHIPS = `
  INSERT INTO mentorship (mentor_id, mentee_id, status, created_at, started_at)
  SELECT x.user_id, u.id, 'ACTIVE', now() - interval '60 days', now() - interval '50 days'
  FROM (SELECT r.user_id, 1 + floor(random() * $1::int)::int AS pick
        FROM (SELECT user_id, CASE WHEN random() < 0.25 THEN capacity ELSE floor(random() * capacity)::int END AS active
              FROM mentor_profile WHERE random() < 0.6) r
        CROSS JOIN LATERAL generate_series(1, r.active) AS k) x
  JOIN user_account u ON u.email = 'student-' || x.pick || '@bench.ac.uk'
  ON CONFLICT DO NOTHING`;
const ENDED_MENTORSHIPS = `
  INSERT INTO mentorship (mentor_id, mentee_id, status, created_at, started_at, ended_at)
  SELECT x.user_id, u.id, 'ENDED', now() - interval '400 days', now() - interval '390 days', now() - interval '200 days'
  FROM (SELECT user_id, 1 + floor(random() * $1::int)::int AS pick FROM mentor_profile WHERE random() < 0.5) x
  JOIN user_account u ON u.email = 'student-' || x.pick || '@bench.ac.uk'`;

async function seedMentoring(db) {
  const institutions = [];
  for (let i = 1; i <= INSTITUTION_WEIGHTS.length; i++) {
    const { rows } = await db.query(`INSERT INTO institution (name, email_domains) VALUES ($1, $2) RETURNING id`, [`Bench University ${i}`, [`bench${i}.ac.uk`]]);
    institutions.push(rows[0].id);
  }
  const timed = async (label, sql, params) => {
    const t = performance.now();
    const r = await db.query(sql, params);
    log(`seed: ${label}: ${r.rowCount} rows in ${round((performance.now() - t) / 1000)} s`);
    return r.rowCount;
  };
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SELECT setseed(0.42)`);
  await timed('student accounts', STUDENT_ACCOUNTS, [institutions, settings.students]);
  await timed('student profiles', STUDENT_PROFILES, [COURSES, SECTORS, SKILLS, TOPICS, LANGUAGES]);
  await timed('alumni accounts', MENTOR_ACCOUNTS, [institutions, settings.mentors]);
  await timed('mentor profiles', MENTOR_PROFILES, [COURSES, SECTORS, SKILLS, TOPICS, LANGUAGES, ORGANISATIONS]);
  await timed('active mentorships', MENTORSHIPS, [settings.students]);
  await timed('ended mentorships', ENDED_MENTORSHIPS, [settings.students]);
  await db.query(`VACUUM ANALYZE user_account, profile, mentor_profile, mentorship`);
  const questions = !(await hasQuestions(db)) ? null : settings.questions === 0 ? 'MENTORING_QUESTIONS=0' : await seedQuestions(db, timed);
  return { institutions, questions };
}

/** What the seeded data looks like, for the results file. */
async function describeMentoring(db) {
  const one = async (sql) => (await db.query(sql)).rows[0];
  const students = await one(`
    SELECT count(*)::int AS students,
           round(100.0 * count(*) FILTER (WHERE p.course IS NULL AND cardinality(p.sectors) + cardinality(p.skills) + cardinality(p.interests) = 0) / count(*), 1)::float AS "emptyPct",
           round(avg(cardinality(p.sectors)), 2)::float AS "sectorsAvg", round(avg(cardinality(p.skills)), 2)::float AS "skillsAvg",
           round(avg(cardinality(p.interests)), 2)::float AS "interestsAvg"
    FROM user_account u JOIN profile p ON p.user_id = u.id WHERE u.role = 'STUDENT'`);
  const mentors = await one(`
    SELECT count(*)::int AS mentors,
           count(*) FILTER (WHERE accepting_requests AND opted_out_at IS NULL)::int AS listed,
           count(*) FILTER (WHERE NOT accepting_requests)::int AS paused, count(*) FILTER (WHERE opted_out_at IS NOT NULL)::int AS "optedOut",
           round(avg(cardinality(sectors)), 2)::float AS "sectorsAvg", round(avg(cardinality(skills)), 2)::float AS "skillsAvg",
           round(avg(cardinality(languages)), 2)::float AS "languagesAvg", round(avg(cardinality(topics)), 2)::float AS "topicsAvg",
           round(avg(capacity), 2)::float AS "capacityAvg",
           count(*) FILTER (WHERE (SELECT count(*) FROM mentorship s WHERE s.mentor_id = m.user_id AND s.status = 'ACTIVE') >= capacity)::int AS full
    FROM mentor_profile m`);
  const mentorships = await one(`SELECT count(*) FILTER (WHERE status = 'ACTIVE')::int AS active, count(*) FILTER (WHERE status = 'ENDED')::int AS ended FROM mentorship`);
  const perInstitution = (
    await db.query(`SELECT i.name, (SELECT count(*)::int FROM user_account u WHERE u.institution_id = i.id AND u.role = 'STUDENT') AS students,
                           (SELECT count(*)::int FROM mentor_profile m WHERE m.institution_id = i.id) AS mentors
                    FROM institution i ORDER BY i.name`)
  ).rows;
  return { students, mentors, mentorships, perInstitution };
}

// ---------------------------------------------------------------- questions (when this build has them)

const TITLES = [
  'How do I get into %?', 'Is it worth doing a masters before %?', 'What did you wish you knew about %?', 'Any advice on %?',
  'How competitive is % really?', 'What does a first year in % look like?', 'Where do I start with %?', 'Can I move into % from my course?',
];

/**
 * Questions $2 of them, asked by random students ($1 of them, found by their numbered addresses) of the
 * student's institution: 1–3 tags (topics, folded) drawn Zipf-like, a title about the first, a body of about
 * 400 characters; 25% of askers chose a mentor ($3 alumni) and, when that mentor is of their institution, ask
 * privately (about 7%). Answer counts: 25% none, else 1–5; views 0–200; one question every 2 minutes back in time.
 */
const QUESTIONS = `
  INSERT INTO question (institution_id, asker_id, visibility, mentor_id, title, body, tags, answer_count, view_count, created_at)
  SELECT s.institution_id, s.id, CASE WHEN mp.user_id IS NULL THEN 'COMMUNITY' ELSE 'PRIVATE' END::question_visibility, mp.user_id,
         replace(($4::text[])[1 + floor(x.t * cardinality($4::text[]))::int], '%', lower(x.tags[1])),
         'I am a student of ' || coalesce(p.course, 'an undecided course') || ' and would like to know more about ' || lower(x.tags[1]) ||
           '. I have looked at the careers pages and spoken to a few people, but I am not sure where to start, what employers look for, ' ||
           'or whether my experience so far (a summer job and a society role) counts. What would you do in my place, and what should I read first?',
         x.tags, x.answers, x.views, now() - x.n * interval '2 minutes' - x.t * interval '1 minute'
  FROM (SELECT n, random() AS t, 1 + floor(random() * $1::int)::int AS pick,
               CASE WHEN random() < 0.25 THEN 1 + floor(random() * $3::int)::int END AS mpick,
               CASE WHEN random() < 0.25 THEN 0 ELSE 1 + floor(power(random(), 2) * 5)::int END AS answers,
               floor(random() * 200)::int AS views,
               array(SELECT DISTINCT lower(($5::text[])[floor(power(cardinality($5::text[]) + 1, random()))::int]) FROM generate_series(0, floor(random() * 3)::int + 0 * n)) AS tags
        FROM generate_series(1, $2::int) AS n) x
  JOIN user_account s ON s.email = 'student-' || x.pick || '@bench.ac.uk'
  LEFT JOIN profile p ON p.user_id = s.id
  LEFT JOIN user_account a ON a.email = 'alumnus-' || x.mpick || '@bench.example'
  LEFT JOIN mentor_profile mp ON mp.user_id = a.id AND mp.institution_id = s.institution_id`;

/** Each question's answer_count answers, by random alumni ($1 of them), a few hours apart; scores 0–4. */
const ANSWERS = `
  INSERT INTO answer (question_id, author_id, body, score, created_at)
  SELECT x.id, a.id,
         'I was in the same place a few years ago. Talk to people who do the job, look at the graduate schemes early, and do not worry if ' ||
           'your course does not match: employers look at what you did with it. Happy to say more if you message me.',
         floor(random() * 5)::int, x.created_at + x.k * interval '3 hours'
  FROM (SELECT q.id, q.created_at, k, 1 + floor(random() * $1::int)::int AS pick
        FROM question q CROSS JOIN LATERAL generate_series(1, q.answer_count) AS k) x
  JOIN user_account a ON a.email = 'alumnus-' || x.pick || '@bench.example'`;

/** The questions tables, if this build has them (libs/mentoring/src/questions); false otherwise. */
async function hasQuestions(db) {
  const { rows } = await db.query(`SELECT to_regclass('question') IS NOT NULL AND to_regclass('answer') IS NOT NULL AS yes`);
  return rows[0].yes;
}

/** Loads the questions and answers (their secondary indexes dropped during the load, built again after); returns a description. */
async function seedQuestions(db, timed) {
  const { rows: indexes } = await db.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('question', 'answer') AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
  );
  await db.query(`SET maintenance_work_mem = '256MB'`);
  for (const ix of indexes) await db.query(`DROP INDEX ${ix.indexname}`);
  await timed('questions', QUESTIONS, [settings.students, settings.questions, settings.mentors, TITLES, TOPICS]);
  await timed('answers', ANSWERS, [settings.mentors]);
  const t = performance.now();
  for (const ix of indexes) await db.query(ix.indexdef);
  log(`seed: ${indexes.length} indexes of question and answer built in ${round((performance.now() - t) / 1000)} s`);
  await db.query(`RESET maintenance_work_mem`);
  await db.query(`VACUUM ANALYZE question, answer`);
  const { rows } = await db.query(
    `SELECT count(*)::int AS questions, count(*) FILTER (WHERE visibility = 'PRIVATE')::int AS private,
            count(*) FILTER (WHERE answer_count = 0)::int AS unanswered, round(avg(cardinality(tags)), 2)::float AS "tagsAvg",
            (SELECT count(*)::int FROM answer) AS answers
     FROM question`,
  );
  const q = rows[0];
  return (
    `${q.questions.toLocaleString('en')} questions (${q.private.toLocaleString('en')} private to one mentor, ${q.unanswered.toLocaleString('en')} unanswered; ` +
    `1–3 of ${TOPICS.length} topics as tags, mean ${q.tagsAvg}, Zipf-like; one every 2 minutes back in time) by random students of their institution, ` +
    `and ${q.answers.toLocaleString('en')} answers by random alumni (0 for 25% of questions, else 1–5).`
  );
}

// ---------------------------------------------------------------- tokens

/** Access tokens for `students` signed as AccessTokens signs them (no sign-in, no argon2 for a thousand people). */
function signTokens(secret, students) {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return Promise.all(
    students.map((s) =>
      new SignJWT({ role: s.role, inst: s.institution_id, org: null, trust: 'NEW', sid: randomUUID() })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(s.id)
        .setIssuer('careers-network')
        .setIssuedAt()
        .setExpirationTime('3h')
        .sign(key),
    ),
  );
}

// ---------------------------------------------------------------- HTTP

async function gql(url, query, variables, token) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text);
  if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 40)}… failed (${res.status}): ${JSON.stringify(body.errors)}`);
  return { data: body.data, text };
}

/** Statements per request for each page size (on an api in this process), over `samples` of (token, variables). */
async function statementsPerRequest(app, url, query, sizes, tokens) {
  const { DataSource } = await import('typeorm');
  const db = app.get(DataSource);
  const out = {};
  for (const first of sizes) {
    const counts = [];
    const returned = [];
    for (const token of tokens) {
      const { result, statements } = await countStatements(db, () => gql(url, query, { first }, token));
      counts.push(statements.length);
      const data = Object.values(result.data)[0];
      returned.push(Array.isArray(data) ? data.length : data.edges.length);
    }
    out[first] = { statements: [...new Set(counts)], returnedMedian: median(returned), returnedMax: Math.max(...returned) };
  }
  return out;
}

// ---------------------------------------------------------------- report

function markdown(report) {
  const { settings: s, scenarios: sc, data: d } = report;
  const na = (v, unit = '') => (v === null || v === undefined ? 'n/a' : `${v}${unit}`);
  const yes = (x) => (x === null || x === undefined ? 'n/a' : x ? '**met**' : '**missed**');
  const row = (label, x) =>
    `| ${label} | ${x.connections} | ${round(x.median.rps)} | ${x.median.p50} | ${x.median.p99} | ${na(x.median.serverCpuMicrosPerRequest)} | ` +
    `${na(x.median.postgresCpuMicrosPerRequest)} | ${na(x.median.machineCpuPercent, '%')} | ${x.failedRequests} / ${x.totalRequests} |`;
  const counts = (c) =>
    Object.entries(c)
      .map(([first, v]) => `first ${first}: ${v.statements.join('/')} (rows returned: median ${v.returnedMedian}, max ${v.returnedMax})`)
      .join('; ');
  const st = d.students;
  const m = d.mentors;
  return [
    `## Mentoring benchmark — ${report.date}`,
    '',
    `Node ${report.node}, ${report.cpus} × ${report.cpuModel}, ${report.memoryGiB} GiB, ${report.postgres}. The api, the bare server, PostgreSQL, ` +
      `Redis and autocannon share the machine; before the runs, with the servers idle, the machine was ${na(report.background.idleMachineCpuPercent, '%')} busy ` +
      `(of ${report.cpus * 100}%; load average ${report.background.loadAverage.join(' ')})${report.background.noisy ? ': **other work was running, so the figures are noisy**' : ''}.`,
    `${s.runs} runs × ${s.seconds} s per scenario after a ${s.warmupSeconds} s warm-up, api and bare alternating; medians over the runs. ` +
      `${s.connections} connections; every request carries the next of ${s.tokens} students' tokens (across the four institutions, students whose profile names something). ` +
      `api DATABASE_POOL_SIZE=${s.databasePoolSize}, LOG_LEVEL=silent, NODE_ENV=test.`,
    '',
    '| scenario | connections | req/s | p50 ms | p99 ms | server CPU µs/req | PostgreSQL CPU µs/req | machine CPU | failed / total |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    row(`api \`mentorSuggestions(first: ${s.suggestionsFirst})\``, sc.apiSuggestions),
    row('bare (node:http + jose + pg: same profile read, same ranking statement)', sc.bareSuggestions),
    ...(sc.apiFeed
      ? [row(`api \`questions(first: ${s.feedFirst})\` (answer counts, authors)`, sc.apiFeed), row('bare (same feed statement, same names statement)', sc.bareFeed)]
      : []),
    '',
    `**Suggestions p99 ${sc.apiSuggestions.median.p99} ms: target < ${TARGETS.suggestionsP99Ms} ms ${yes(report.targets.suggestions)}.** ` +
      `api / bare: throughput ${report.ratio.suggestionsRps}, p99 ${report.ratio.suggestionsP99}× ` +
      `(bare p50 ${sc.bareSuggestions.median.p50} ms, p99 ${sc.bareSuggestions.median.p99} ms). ` +
      `The ranking statement alone, timed in PostgreSQL over the same students: median ${report.rankingSql.medianMs} ms, p99 ${report.rankingSql.p99Ms} ms ` +
      `(${report.rankingSql.samples} students, one at a time).`,
    '',
    sc.apiFeed
      ? `**Feed page p99 ${sc.apiFeed.median.p99} ms: target < ${TARGETS.feedP99Ms} ms ${yes(report.targets.feed)}.** ` +
        `api / bare: throughput ${report.ratio.feedRps}, p99 ${report.ratio.feedP99}× (bare p50 ${sc.bareFeed.median.p50} ms, p99 ${sc.bareFeed.median.p99} ms). ` +
        'The page: the newest community questions of the student\'s institution and their own private ones, 20 a page, each with its answer count and its author\'s name.'
      : `**Feed page: skipped** — ${report.feedSkipped}.`,
    '',
    '### SQL statements per request',
    '',
    'Counted on an api started in this process (`countStatements` of `@careers/testing`: every statement TypeORM sends), for ' +
      `${report.statementSamples} students each; the bench fails unless they are equal across page sizes.`,
    '',
    `- \`mentorSuggestions\`: ${counts(report.statements.suggestions)}.`,
    `- \`questions\` feed: ${report.statements.feed ? counts(report.statements.feed) : 'skipped (no questions tables in this build)'}.`,
    '',
    '### Data',
    '',
    `Generated with set-based SQL (\`INSERT … SELECT FROM generate_series\`, \`setseed(0.42)\`) in ${report.seedSeconds} s:`,
    '',
    `- ${st.students.toLocaleString('en')} students (accounts and identity profiles): a course of ${COURSES.length} (95%), 0–3 of ${SECTORS.length} sectors ` +
      `(mean ${st.sectorsAvg}), 0–6 of ${SKILLS.length} skills (mean ${st.skillsAvg}), 0–4 of ${TOPICS.length} topics as interests (mean ${st.interestsAvg}), ` +
      `each drawn Zipf-like (rank r with probability ≈ 1/(r·ln(n+1))); 10% also name a language other than English; ${st.emptyPct}% name nothing.`,
    `- ${m.mentors.toLocaleString('en')} alumni mentors: a course, 1–3 sectors (mean ${m.sectorsAvg}), 2–8 skills (mean ${m.skillsAvg}), 1–3 of ` +
      `${ORGANISATIONS.length} organisations, English and 0–2 more languages (mean ${m.languagesAvg}), 1–5 topics (mean ${m.topicsAvg}), 1–4 offers, ` +
      `capacity 1–10 (mean ${m.capacityAvg}); ${m.paused} paused, ${m.optedOut} opted out, ${m.listed.toLocaleString('en')} taking requests; ${m.full} full.`,
    `- ${d.mentorships.active.toLocaleString('en')} ACTIVE mentorships (60% of mentors have some, a quarter of those are full) and ` +
      `${d.mentorships.ended.toLocaleString('en')} ENDED ones.`,
    `- Institutions: ${d.perInstitution.map((i) => `${i.name}: ${i.students.toLocaleString('en')} students, ${i.mentors.toLocaleString('en')} mentors`).join('; ')}.`,
    ...(d.questions ? [`- ${d.questions}`] : []),
    '',
    '### Reproduce',
    '',
    '`npm run bench:mentoring` (PostgreSQL and Redis local; a fresh database is created and dropped). Settings: ' +
      '`MENTORING_STUDENTS=50000 MENTORING_MENTORS=5000 MENTORING_QUESTIONS=200000 MENTORING_TOKENS=1000 MENTORING_CONNECTIONS=16 ' +
      `BENCH_SECONDS=8 BENCH_RUNS=3 BENCH_WARMUP=2\`. This run took ${report.totalSeconds} s.`,
    '',
    `<details><summary>Plan of the ranking statement for a student of the largest institution (EXPLAIN ANALYZE, BUFFERS)</summary>`,
    '',
    '```',
    report.rankingPlan,
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
}

function writeAtomically(file, text) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

// ---------------------------------------------------------------- main

const children = childProcesses(log);
let environment;
let monitor;
let inProcess;
let cleaning;
async function cleanUp() {
  cleaning ??= (async () => {
    await inProcess?.close().catch(() => undefined);
    await monitor?.end().catch(() => undefined);
    await children.stop();
    if (process.env.MENTORING_KEEP === '1' && environment) log(`kept ${process.env.DATABASE_URL}`);
    else if (environment) await environment.teardown().catch((error) => console.error('Teardown failed:', error));
  })();
  return cleaning;
}
const watchdog = setTimeout(async () => {
  console.error(`The mentoring benchmark did not finish within ${deadlineMs / 1000} s; stopping.`);
  await Promise.race([cleanUp(), new Promise((r) => setTimeout(r, 15_000))]);
  process.exit(1);
}, deadlineMs);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await Promise.race([cleanUp(), new Promise((r) => setTimeout(r, 15_000))]);
    process.exit(130);
  });
}

/** The ranking statement as rank() sends it, run through `q` (for timing and EXPLAIN). */
async function rankDirect(q, student, first) {
  const [profile] = (
    await q(
      `SELECT p.course, coalesce(p.sectors, '{}') AS sectors, coalesce(p.skills, '{}') AS skills, coalesce(p.interests, '{}') AS interests
       FROM profile p WHERE p.user_id = $1`,
      [student.id],
    )
  ).rows;
  let captured;
  await new MentorSuggestionsRepository().rank(
    { query: async (sql, params) => ((captured = { sql, params }), []) },
    { userId: student.id, institutionId: student.institution_id, ...profile },
    [student.institution_id], // the bench's institutions keep to themselves: the network is the student's own
    first,
  );
  return captured;
}

async function main() {
  log(`settings: ${JSON.stringify(settings)}; hard limit ${deadlineMs / 1000} s`);
  environment = await createTestEnvironment(schemaParts, `${ROOT}.data`);
  Object.assign(process.env, environment.env, {
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: String(settings.databasePoolSize),
    ACCESS_TOKEN_TTL: '3600',
    MIGRATIONS_RUN: 'false',
  });
  log(`database ready: ${new URL(process.env.DATABASE_URL).pathname.slice(1)}`);
  monitor = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: 'careers-bench-monitor' });
  await monitor.connect();

  const t0 = performance.now();
  const { institutions, questions } = await seedMentoring(monitor);
  let feedSkipped = null;
  if (questions === null) feedSkipped = 'this build has no questions tables (libs/mentoring/src/questions), so no questions were seeded and the feed was not measured';
  else if (settings.questions === 0) feedSkipped = 'MENTORING_QUESTIONS=0';
  const withFeed = feedSkipped === null;
  const seedSeconds = round((performance.now() - t0) / 1000);
  await monitor.query(`RESET synchronous_commit`);
  const data = { ...(await describeMentoring(monitor)), questions: withFeed ? questions : null };
  log(`seeded in ${seedSeconds} s: ${JSON.stringify(data)}`);

  // Students who name something, spread over the institutions as the students are.
  const students = (
    await monitor.query(
      `SELECT u.id, u.institution_id, u.role FROM user_account u JOIN profile p ON p.user_id = u.id
       WHERE u.role = 'STUDENT' AND cardinality(p.sectors) + cardinality(p.skills) + cardinality(p.interests) > 0
       ORDER BY md5(u.id::text) LIMIT $1`,
      [settings.tokens],
    )
  ).rows;
  const tokens = await signTokens(process.env.JWT_SECRET, students);

  const [api, bare] = await Promise.all([
    children.start('api', './serve-api.mjs', { ...process.env }),
    children.start('bare', './mentoring-bare-server.mjs', { ...process.env }),
  ]);
  log(`api at ${api.url} (pid ${api.child.pid}), bare server at ${bare.url} (pid ${bare.child.pid})`);

  // Both must give the same answer before their speed means anything.
  for (const i of [0, 1, 2, students.length >> 1, students.length - 1]) {
    const a = await gql(api.url, SUGGEST, { first: settings.suggestionsFirst }, tokens[i]);
    const b = await gql(bare.url, SUGGEST, { first: settings.suggestionsFirst }, tokens[i]);
    if (JSON.stringify(a.data) !== JSON.stringify(b.data)) {
      throw new Error(`The api and the bare server disagree on mentorSuggestions:\n api:  ${a.text}\n bare: ${b.text}`);
    }
    if (i === 0) log(`student 0's first suggestion: ${JSON.stringify(a.data.mentorSuggestions[0])}`);
  }
  log('api and bare server answer mentorSuggestions identically');
  if (withFeed) {
    for (const i of [0, students.length >> 1]) {
      const a = await gql(api.url, FEED, { first: settings.feedFirst }, tokens[i]);
      const b = await gql(bare.url, FEED, { first: settings.feedFirst }, tokens[i]);
      if (JSON.stringify(a.data) !== JSON.stringify(b.data)) throw new Error(`The api and the bare server disagree on questions:\n api:  ${a.text}\n bare: ${b.text}`);
      if (a.data.questions.edges.length !== settings.feedFirst) throw new Error(`A feed page of ${a.data.questions.edges.length} questions, not ${settings.feedFirst}`);
    }
    log('api and bare server answer the questions feed identically');
  }

  const idleMachineCpuPercent = await idleMachinePercent();
  const loadAverage = os.loadavg().map((x) => round(x, 2));
  const noisy = idleMachineCpuPercent !== null && idleMachineCpuPercent > 20;
  log(`machine CPU with the servers idle: ${idleMachineCpuPercent ?? 'n/a'}% of ${os.cpus().length * 100}%; load average ${loadAverage.join(' ')}`);
  if (noisy) log('warning: something else is using the CPU; the figures will be lower and noisier than on a quiet machine');

  const suggestBody = JSON.stringify({ query: SUGGEST, variables: { first: settings.suggestionsFirst } });
  const requestsOf = (body) => tokens.map((t) => ({ headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` }, body }));
  const suggestRequests = requestsOf(suggestBody);
  const suggestOk = (body) => body.startsWith('{"data":{"mentorSuggestions":[') && !body.includes('"errors"');
  const on = (server, requests, verifyBody, seconds) =>
    load({ url: server.url, connections: settings.connections, seconds, requests, verifyBody, serverPid: server.child.pid, monitor });

  if (settings.warmupSeconds) {
    log(`warm-up: ${settings.warmupSeconds} s on each server`);
    await on(api, suggestRequests, suggestOk, settings.warmupSeconds);
    await on(bare, suggestRequests, suggestOk, settings.warmupSeconds);
  }
  const apiRuns = [];
  const bareRuns = [];
  for (let i = 1; i <= settings.runs; i++) {
    apiRuns.push(await on(api, suggestRequests, suggestOk, settings.seconds));
    log(`suggestions api  run ${i}/${settings.runs}: ${formatRun(apiRuns.at(-1))}`);
    bareRuns.push(await on(bare, suggestRequests, suggestOk, settings.seconds));
    log(`suggestions bare run ${i}/${settings.runs}: ${formatRun(bareRuns.at(-1))}`);
  }

  const feedOk = (body) => body.startsWith('{"data":{"questions":{"edges":[{') && !body.includes('"errors"');
  const feedRequests = requestsOf(JSON.stringify({ query: FEED, variables: { first: settings.feedFirst } }));
  const apiFeedRuns = [];
  const bareFeedRuns = [];
  if (withFeed) {
    if (settings.warmupSeconds) {
      log(`warm-up: ${settings.warmupSeconds} s of the feed on each server`);
      await on(api, feedRequests, feedOk, settings.warmupSeconds);
      await on(bare, feedRequests, feedOk, settings.warmupSeconds);
    }
    for (let i = 1; i <= settings.runs; i++) {
      apiFeedRuns.push(await on(api, feedRequests, feedOk, settings.seconds));
      log(`feed api  run ${i}/${settings.runs}: ${formatRun(apiFeedRuns.at(-1))}`);
      bareFeedRuns.push(await on(bare, feedRequests, feedOk, settings.seconds));
      log(`feed bare run ${i}/${settings.runs}: ${formatRun(bareFeedRuns.at(-1))}`);
    }
  }

  // The ranking statement alone, in PostgreSQL, one student at a time; and the plan for a student of the largest institution.
  const rankTimes = [];
  const sample = students.slice(0, 200);
  for (const s of sample) {
    const { sql, params } = await rankDirect((q, p) => monitor.query(q, p), s, settings.suggestionsFirst);
    const t = performance.now();
    await monitor.query(sql, params);
    rankTimes.push(performance.now() - t);
  }
  rankTimes.sort((a, b) => a - b);
  const rankingSql = {
    samples: rankTimes.length,
    medianMs: round(median(rankTimes)),
    p99Ms: round(rankTimes[Math.min(rankTimes.length - 1, Math.ceil(rankTimes.length * 0.99) - 1)]),
  };
  log(`ranking statement alone: median ${rankingSql.medianMs} ms, p99 ${rankingSql.p99Ms} ms`);
  const largest = students.find((s) => s.institution_id === institutions[0]);
  const { sql: planSql, params: planParams } = await rankDirect((q, p) => monitor.query(q, p), largest, settings.suggestionsFirst);
  const rankingPlan = (await monitor.query(`EXPLAIN (ANALYZE, BUFFERS) ${planSql}`, planParams)).rows.map((r) => r['QUERY PLAN']).join('\n');

  // Statements per request, on an api in this process (what countStatements can see).
  const { createApiApp } = await import('../../apps/api/dist/app.js');
  inProcess = await createApiApp();
  await inProcess.listen(0, '127.0.0.1');
  const inProcessUrl = `http://127.0.0.1:${inProcess.getHttpServer().address().port}`;
  const statementSamples = 5;
  const statements = {
    suggestions: await statementsPerRequest(inProcess, inProcessUrl, SUGGEST, SUGGESTION_SIZES, tokens.slice(0, statementSamples)),
    feed: withFeed ? await statementsPerRequest(inProcess, inProcessUrl, FEED, FEED_SIZES, tokens.slice(0, statementSamples)) : null,
  };
  log(`statements per request: ${JSON.stringify(statements)}`);

  const scenarios = {
    apiSuggestions: summarise('api mentorSuggestions', settings.connections, apiRuns),
    bareSuggestions: summarise('bare mentorSuggestions', settings.connections, bareRuns),
    apiFeed: withFeed ? summarise('api questions feed', settings.connections, apiFeedRuns) : null,
    bareFeed: withFeed ? summarise('bare questions feed', settings.connections, bareFeedRuns) : null,
  };
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30),
    postgres: `PostgreSQL ${(await monitor.query('SHOW server_version')).rows[0].server_version}`,
    settings,
    background: { idleMachineCpuPercent, loadAverage, noisy },
    queries: { suggestions: SUGGEST, feed: FEED },
    data,
    seedSeconds,
    scenarios,
    feedSkipped,
    statementSamples,
    statements,
    rankingSql,
    rankingPlan,
    targets: {
      suggestions: scenarios.apiSuggestions.median.p99 < TARGETS.suggestionsP99Ms,
      feed: scenarios.apiFeed ? scenarios.apiFeed.median.p99 < TARGETS.feedP99Ms : null,
    },
    ratio: {
      suggestionsRps: round(scenarios.apiSuggestions.median.rps / scenarios.bareSuggestions.median.rps, 2),
      suggestionsP99: round(scenarios.apiSuggestions.median.p99 / scenarios.bareSuggestions.median.p99, 2),
      feedRps: withFeed ? round(scenarios.apiFeed.median.rps / scenarios.bareFeed.median.rps, 2) : null,
      feedP99: withFeed ? round(scenarios.apiFeed.median.p99 / scenarios.bareFeed.median.p99, 2) : null,
    },
    totalSeconds: Math.round((performance.now() - started) / 1000),
  };
  const md = markdown(report);
  mkdirSync(RESULTS, { recursive: true });
  writeAtomically(`${RESULTS}mentoring.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeAtomically(`${RESULTS}mentoring.md`, md);
  console.log(`\n${md}`);
  log('written test/bench/results/mentoring.json and mentoring.md');

  const problems = [];
  for (const [name, counts] of Object.entries(statements)) {
    if (!counts) continue;
    const all = new Set(Object.values(counts).flatMap((c) => c.statements));
    if (all.size !== 1) problems.push(`${name}: SQL statements per request differ across page sizes (${JSON.stringify(counts)})`);
  }
  for (const x of Object.values(scenarios)) {
    if (x && x.failedRequests > x.totalRequests * 0.001) problems.push(`too many failed requests in ${x.name} (${x.failedRequests}/${x.totalRequests})`);
  }
  if (problems.length) throw new Error(problems.join('; '));
}

let code = 0;
try {
  await main();
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
process.exit(code);
