// `npm run bench:vacancies`: vacancy alerts at scale.
//
//   1. matching: one published vacancy against 100k and then 1M alert
//      subscriptions. Per vacancy (VAC_VACANCIES of them, varied text), the
//      index-backed candidate query (MATCHING_SUBSCRIPTIONS, as AlertMatcher
//      runs it) next to a brute-force scan of the same predicate over every
//      subscription row (no index: every keyword's tsquery tested with @@),
//      alternating, each as `SELECT count(*) FROM (…)`. Both must return the
//      same subscription ids for every vacancy, or the bench fails.
//   2. fan-out: with the worker process running, a vacancy that 100k students
//      of one institution subscribed to is published (vacancy, approved
//      target and `vacancies.vacancy-published` committed through the Outbox
//      in one transaction, as VacanciesService does); timed until every
//      in-app `vacancy-alert` notification is stored and the outbox drained.
//
// Subscriptions are generated with set-based SQL (INSERT … SELECT FROM
// generate_series), keyword queries and lexemes computed in SQL as
// AlertsService does; the distribution is described in the results file.
// Settings (environment): VAC_SIZES (100000,1000000), VAC_VACANCIES (25),
// VAC_FANOUT (100000; 0 skips part 2), VAC_FANOUT_RUNS (3), VAC_KEEP (1 keeps
// the database afterwards, for EXPLAIN).
// Results: test/bench/results/vacancies.{json,md}.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { dataSourceOptions, Outbox } from '@careers/platform';
import { createTestEnvironment } from '@careers/testing';
import { MATCHING_SUBSCRIPTIONS } from '@careers/vacancies';
import { schemaParts } from '../../apps/api/dist/database.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const SIZES = (process.env.VAC_SIZES ?? '100000,1000000').split(',').map(Number);
const VACANCIES = Number(process.env.VAC_VACANCIES ?? 25);
const FANOUT = Number(process.env.VAC_FANOUT ?? 100_000);
const FANOUT_RUNS = Number(process.env.VAC_FANOUT_RUNS ?? 3);
const TARGETS = { 100_000: 50, 1_000_000: 500, fanOutSeconds: 30 };
const DEADLINE = setTimeout(() => {
  console.error('The vacancies benchmark ran past 15 minutes: giving up.');
  process.exit(1);
}, 900_000);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[xs.length >> 1];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const started = performance.now();
const log = (...a) => console.log(`[vacancies ${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

// ---------------------------------------------------------------- vocabulary

// A seeded PRNG: the same vacancies and vocabulary order on every run.
let seed = 42;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32;
  return seed / 2 ** 32;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
/** Rank 1..n, log-uniform: P(rank = r) ≈ 1 / (r · ln n), Zipf with s = 1. */
const zipf = (n) => Math.min(n, Math.floor((n + 1) ** rand()));
const shuffle = (xs) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

const FIELDS = (
  'software data marketing finance accounting engineering mechanical civil electrical chemical biomedical aerospace structural environmental ' +
  'sales audit tax legal research product design graphic web mobile cloud security network cyber operations logistics supply-chain ' +
  'procurement retail banking investment insurance actuarial policy communications media journalism publishing hr recruitment ' +
  'healthcare nursing pharmacy clinical laboratory teaching education charity fundraising events hospitality energy renewable sustainability ' +
  'construction architecture planning property manufacturing quality automotive rail transport consulting strategy risk compliance ' +
  'analytics statistics mathematics physics chemistry biology ecology geography history languages translation music theatre film games'
).split(' ');
const ROLES = (
  'engineer analyst assistant intern developer consultant manager coordinator officer scientist researcher designer associate trainee ' +
  'apprentice executive administrator technician specialist advisor writer editor producer teacher tutor volunteer graduate placement'
).split(' ');
const SINGLES = [
  ...FIELDS,
  ...ROLES,
  ...(
    'python java javascript typescript sql excel tableau aws azure kubernetes docker linux react node rust golang matlab autocad solidworks ' +
    'sap salesforce figma photoshop seo ppc crm erp blockchain ai robotics machine-learning nlp vision embedded firmware fpga verilog ' +
    'london manchester leeds bristol birmingham glasgow edinburgh cardiff belfast newcastle sheffield nottingham liverpool oxford cambridge ' +
    'remote hybrid summer spring winter internship insight scheme rotational fast-track bilingual french german spanish mandarin arabic ' +
    'startup fintech healthtech edtech agritech biotech pharma nhs civil-service government ngo ' +
    'sustainability diversity inclusion wellbeing mentoring leadership entrepreneurship innovation agile scrum devops testing qa ' +
    'sponsorship visa relocation bonus pension flexible part-time full-time weekend evening paid unpaid accredited chartered acca cima cfa'
  ).split(' '),
];
const PHRASES = [];
for (const f of FIELDS) for (const r of ROLES) PHRASES.push(`${f.replace('-', ' ')} ${r}`);
const SENIORITY = ['graduate', 'junior', 'trainee', 'summer', 'industrial placement'];
for (const s of SENIORITY) for (const f of FIELDS.slice(0, 40)) PHRASES.push(`${s} ${f.replace('-', ' ')} ${pick(ROLES)}`);
/** Up to 2,000 terms in popularity order: single words and phrases interleaved (one word, two phrases), then phrases. */
function vocabulary() {
  const singles = shuffle([...new Set(SINGLES.map((w) => w.replace('-', ' ')))]);
  const phrases = shuffle([...new Set(PHRASES)]);
  const out = [];
  while ((singles.length || phrases.length) && out.length < 2000) {
    if (singles.length) out.push(singles.shift());
    for (let k = 0; k < 2 && phrases.length; k++) out.push(phrases.shift());
  }
  return [...new Set(out)];
}

const SECTORS = ['Technology', 'Finance', 'Engineering', 'Healthcare', 'Law', 'Media', 'Public sector', 'Research', 'Retail', 'Energy', 'Education', 'Consulting'];
const CITIES = ['London', 'Manchester', 'Leeds', 'Bristol', 'Birmingham', 'Glasgow', 'Edinburgh', 'Cardiff', 'Belfast', 'Newcastle', 'Sheffield', 'Oxford'];
const FILLER = [
  'You will join a friendly team and learn from experienced colleagues from your first week.',
  'We offer a structured training programme, a mentor and regular feedback.',
  'Applications are reviewed on a rolling basis, so apply early.',
  'We welcome applications from all backgrounds and make adjustments at interview.',
  'The role includes time with customers and with other departments across the business.',
  'You should be organised, curious and comfortable working with numbers and people.',
  'Our offices are close to public transport, with a cycle scheme and a subsidised canteen.',
  'Tell us in your cover letter what you would like to learn with us.',
];

/**
 * A vacancy's text, about one job: a field and a role (the title), two related
 * fields, five skills or other single words, and four terms drawn from the
 * whole vocabulary (Zipf); sentences of 2–4 of these terms alternate with
 * ordinary sentences up to 150–250 words.
 */
function vacancyText(vocab) {
  const field = pick(FIELDS).replace('-', ' ');
  const role = pick(ROLES);
  const others = [pick(FIELDS), pick(FIELDS)].map((f) => f.replace('-', ' '));
  const singles = vocab.filter((t) => !t.includes(' '));
  const pool = [
    `${field} ${role}`,
    field,
    role,
    ...others.map((f) => `${f} ${role}`),
    ...others,
    ...Array.from({ length: 5 }, () => pick(singles)),
    ...Array.from({ length: 4 }, () => vocab[zipf(vocab.length) - 1]),
  ];
  const title = `${pick(['Graduate', 'Junior', 'Trainee', 'Summer', ''])} ${field} ${role}`.trim().replace(/\b\w/g, (c) => c.toUpperCase());
  const parts = [];
  let words = 0;
  const target = 150 + Math.floor(rand() * 100);
  while (words < target) {
    const terms = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(pool));
    const s = `${pick(['Experience of', 'You will work on', 'Knowledge of', 'Our team covers', 'Useful:', 'You will learn'])} ${terms.join(', ')}. ${pick(FILLER)}`;
    parts.push(s);
    words += s.split(' ').length;
  }
  return { title, description: parts.join(' ') };
}

// ---------------------------------------------------------------- SQL

/** The same predicate as MATCHING_SUBSCRIPTIONS, tested on every row: no candidate index, every keyword query run with @@. */
const BRUTE_FORCE = `
  WITH v AS (
    SELECT search, sector_key, location_keys, remote, type, salary_max, salary_currency FROM vacancy WHERE id = $1 AND status = 'PUBLISHED'
  )
  SELECT s.id FROM alert_subscription s, v
  WHERE NOT s.paused AND s.institution_id = ANY($2::uuid[])
    AND (s.sector_key IS NULL OR s.sector_key = v.sector_key)
    AND (s.location_key IS NULL OR s.location_key = ANY(v.location_keys))
    AND (cardinality(s.remote) = 0 OR v.remote = ANY(s.remote))
    AND (cardinality(s.types) = 0 OR v.type = ANY(s.types))
    AND (s.salary_min IS NULL OR (v.salary_currency = s.salary_currency AND v.salary_max >= s.salary_min))
    AND (cardinality(s.keywords) = 0 OR EXISTS (SELECT 1 FROM unnest(s.keyword_queries) AS q WHERE v.search @@ q::tsquery))`;

/**
 * Subscriptions numbered $1..$2, generated in SQL. Per row: 0–3 keywords
 * (10% / 40% / 30% / 20%), each drawn Zipf-like from the vocabulary ($3 terms,
 * $4 their phraseto_tsquery texts, $5 their lexemes space-separated); sector
 * 30%, location 20%, remote 15%, types 15%, salary 10%, paused 5%;
 * institutions ($6) weighted 40/25/15/12/8%.
 */
const GENERATE = `
  INSERT INTO alert_subscription (user_id, institution_id, name, keywords, keyword_queries, keyword_lexemes, sector, location, remote, types,
                                  salary_min, salary_currency, frequency, paused, feed_token)
  SELECT gen_random_uuid(),
         ($6::uuid[])[CASE WHEN r.i < 0.40 THEN 1 WHEN r.i < 0.65 THEN 2 WHEN r.i < 0.80 THEN 3 WHEN r.i < 0.92 THEN 4 ELSE 5 END],
         'Alert ' || r.n,
         array(SELECT ($3::text[])[k] FROM unnest(r.ranks) WITH ORDINALITY AS x(k, o) ORDER BY o),
         array(SELECT ($4::text[])[k] FROM unnest(r.ranks) WITH ORDINALITY AS x(k, o) ORDER BY o),
         array(SELECT DISTINCT l FROM unnest(r.ranks) AS k, unnest(string_to_array(($5::text[])[k], ' ')) AS l),
         CASE WHEN r.sector < 0.30 THEN ($7::text[])[1 + floor(r.sector / 0.30 * cardinality($7::text[]))::int] END,
         CASE WHEN r.location < 0.20 THEN ($8::text[])[1 + floor(r.location / 0.20 * cardinality($8::text[]))::int] END,
         CASE WHEN r.remote < 0.05 THEN '{REMOTE}' WHEN r.remote < 0.15 THEN '{HYBRID,REMOTE}' ELSE '{}' END::remote_policy[],
         CASE WHEN r.types < 0.06 THEN '{INTERNSHIP}' WHEN r.types < 0.12 THEN '{GRADUATE_JOB}' WHEN r.types < 0.15 THEN '{PLACEMENT,INTERNSHIP}' ELSE '{}' END::vacancy_type[],
         CASE WHEN r.salary < 0.10 THEN 18000 + 1000 * floor(r.salary * 200)::int END,
         CASE WHEN r.salary < 0.10 THEN 'GBP' END,
         (CASE WHEN r.freq < 0.5 THEN 'INSTANT' WHEN r.freq < 0.8 THEN 'DAILY' ELSE 'WEEKLY' END)::alert_frequency,
         r.paused < 0.05,
         'bench-' || r.n
  FROM (
    SELECT g.n, random() AS i, random() AS sector, random() AS location, random() AS remote, random() AS types, random() AS salary, random() AS paused, random() AS freq,
           array(SELECT DISTINCT floor(power(cardinality($3::text[]) + 1, random()))::int
                 FROM generate_series(1, CASE WHEN g.u < 0.10 THEN 0 WHEN g.u < 0.50 THEN 1 WHEN g.u < 0.80 THEN 2 ELSE 3 END)) AS ranks
    FROM (SELECT n, random() AS u FROM generate_series($1::int, $2::int) AS n) g
  ) r`;

const VACANCY_INSERT = `
  INSERT INTO vacancy (organisation_id, employer_name, title, description, description_html, sector, location, remote, type,
                       salary_min, salary_max, salary_currency, closes_at, expires_at, apply_url, status, created_by, published_at)
  VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, now() + interval '30 days', now() + interval '60 days',
          'https://example.com/apply', 'PUBLISHED', $12, now())
  RETURNING id`;

// ---------------------------------------------------------------- main

const environment = await createTestEnvironment(schemaParts, here('../../.data'));
Object.assign(process.env, environment.env, { LOG_LEVEL: 'warn' });
const db = await new DataSource(
  dataSourceOptions(process.env.DATABASE_URL, schemaParts, { applicationName: 'careers-bench-vacancies', poolSize: 4 }),
).initialize();
let worker = null;
const one = async (sql, params) => (await db.query(sql, params))[0];

/** Runs `fn` on one connection of its own (session settings stay with it). */
async function session(fn) {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    return await fn((sql, params) => runner.query(sql, params));
  } finally {
    await runner.query('RESET ALL').catch(() => undefined);
    await runner.release();
  }
}

/** The indexes of alert_subscription besides its primary key, as CREATE statements. */
const secondaryIndexes = async () =>
  (await db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'alert_subscription' AND indexname <> 'alert_subscription_pkey'`)).filter(
    (r) => !r.indexdef.includes('UNIQUE'),
  );

/** Loads subscriptions from..to (indexes dropped during the load and built again after, then VACUUM ANALYZE). */
async function load(vocab, institutions, from, to) {
  const indexes = await secondaryIndexes();
  const t0 = performance.now();
  await session(async (q) => {
    await q(`SET synchronous_commit = off`);
    await q(`SET maintenance_work_mem = '256MB'`);
    await q(`SELECT setseed($1)`, [from / 1e7]);
    for (const ix of indexes) await q(`DROP INDEX ${ix.indexname}`);
    const step = 250_000;
    for (let a = from; a <= to; a += step) {
      await q(GENERATE, [a, Math.min(to, a + step - 1), vocab.terms, vocab.queries, vocab.lexemes, institutions, SECTORS, CITIES]);
    }
    const inserted = performance.now();
    for (const ix of indexes) await q(ix.indexdef);
    const indexed = performance.now();
    await q(`VACUUM ANALYZE alert_subscription`);
    log(
      `loaded subscriptions ${from}..${to}: insert ${round((inserted - t0) / 1000)} s, indexes ${round((indexed - inserted) / 1000)} s, ` +
        `vacuum analyze ${round((performance.now() - indexed) / 1000)} s`,
    );
  });
  return (performance.now() - t0) / 1000;
}

async function distribution() {
  return one(`
    SELECT count(*)::int AS total,
           round(100.0 * count(*) FILTER (WHERE cardinality(keywords) = 0) / count(*), 1)::float AS "noKeywordsPct",
           round(avg(cardinality(keywords)), 2)::float AS "keywordsAvg",
           round(100.0 * count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest(keywords) k WHERE k LIKE '% %')) / count(*), 1)::float AS "withPhrasePct",
           round(100.0 * count(*) FILTER (WHERE sector IS NOT NULL) / count(*), 1)::float AS "sectorPct",
           round(100.0 * count(*) FILTER (WHERE location IS NOT NULL) / count(*), 1)::float AS "locationPct",
           round(100.0 * count(*) FILTER (WHERE cardinality(remote) > 0) / count(*), 1)::float AS "remotePct",
           round(100.0 * count(*) FILTER (WHERE cardinality(types) > 0) / count(*), 1)::float AS "typesPct",
           round(100.0 * count(*) FILTER (WHERE salary_min IS NOT NULL) / count(*), 1)::float AS "salaryPct",
           round(100.0 * count(*) FILTER (WHERE paused) / count(*), 1)::float AS "pausedPct",
           pg_size_pretty(pg_total_relation_size('alert_subscription')) AS "tableAndIndexes",
           (SELECT string_agg(indexrelname || ' ' || pg_size_pretty(pg_relation_size(indexrelid)), ', ' ORDER BY indexrelname)
            FROM pg_stat_user_indexes WHERE relname = 'alert_subscription') AS indexes
    FROM alert_subscription`);
}

/**
 * Times `sql` as `SELECT count(*) FROM (sql)`; `brute` turns index and bitmap
 * scans off for it, otherwise JIT is off, as AlertMatcher.match sets it.
 */
async function timeCount(sql, params, brute) {
  return session(async (q) => {
    await q(brute ? `SET enable_indexscan = off; SET enable_bitmapscan = off` : `SET jit = off`);
    const t0 = performance.now();
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM (${sql}) m`, params);
    return { ms: performance.now() - t0, n };
  });
}

async function ids(sql, params, brute) {
  return session(async (q) => {
    await q(brute ? `SET enable_indexscan = off; SET enable_bitmapscan = off` : `SET jit = off`);
    return (await q(`SELECT m.id FROM (${sql}) m`, params)).map((r) => r.id).sort();
  });
}

async function matching(size, vacancies) {
  // Warm-up: one of each, so both find the table in shared buffers or the OS cache alike.
  await timeCount(MATCHING_SUBSCRIPTIONS, [vacancies[0].id, vacancies[0].institutions]);
  await timeCount(BRUTE_FORCE, [vacancies[0].id, vacancies[0].institutions], true);
  const rows = [];
  for (const [i, v] of vacancies.entries()) {
    const params = [v.id, v.institutions];
    // Alternate which goes first, so drift on the machine hits both alike.
    const first = i % 2 ? await timeCount(BRUTE_FORCE, params, true) : await timeCount(MATCHING_SUBSCRIPTIONS, params);
    const second = i % 2 ? await timeCount(MATCHING_SUBSCRIPTIONS, params) : await timeCount(BRUTE_FORCE, params, true);
    const [indexed, brute] = i % 2 ? [second, first] : [first, second];
    const [a, b] = [await ids(MATCHING_SUBSCRIPTIONS, params), await ids(BRUTE_FORCE, params, true)];
    if (a.length !== b.length || a.some((id, k) => id !== b[k]) || indexed.n !== a.length || brute.n !== b.length) {
      const onlyA = a.filter((x) => !b.includes(x)).slice(0, 5);
      const onlyB = b.filter((x) => !a.includes(x)).slice(0, 5);
      throw new Error(`Vacancy ${v.id} at ${size}: indexed ${a.length} ids, brute force ${b.length}; only indexed: ${onlyA}; only brute: ${onlyB}`);
    }
    rows.push({ vacancy: v.id, title: v.title, institutions: v.institutions.length, matched: a.length, indexedMs: round(indexed.ms, 2), bruteMs: round(brute.ms, 2) });
  }
  const indexedMs = rows.map((r) => r.indexedMs);
  const bruteMs = rows.map((r) => r.bruteMs);
  const ratios = rows.map((r) => r.bruteMs / r.indexedMs);
  const result = {
    subscriptions: size,
    vacancies: rows.length,
    indexed: { medianMs: round(median(indexedMs), 2), p95Ms: round(p95(indexedMs), 2), maxMs: round(Math.max(...indexedMs), 2) },
    bruteForce: { medianMs: round(median(bruteMs), 2), p95Ms: round(p95(bruteMs), 2), maxMs: round(Math.max(...bruteMs), 2) },
    bruteOverIndexed: { ofMedians: round(median(bruteMs) / median(indexedMs), 1), medianPerVacancy: round(median(ratios), 1) },
    matched: { median: median(rows.map((r) => r.matched)), min: Math.min(...rows.map((r) => r.matched)), max: Math.max(...rows.map((r) => r.matched)) },
    targetMs: TARGETS[size] ?? null,
    rows,
  };
  result.targetMet = result.targetMs === null ? null : { median: result.indexed.medianMs < result.targetMs, p95: result.indexed.p95Ms < result.targetMs };
  log(
    `${size} subscriptions: indexed median ${result.indexed.medianMs} ms (p95 ${result.indexed.p95Ms}), brute force median ${result.bruteForce.medianMs} ms ` +
      `(p95 ${result.bruteForce.p95Ms}), ×${result.bruteOverIndexed.ofMedians}; matched median ${result.matched.median}; ids agree for all ${rows.length} vacancies`,
  );
  return result;
}

/** The plan of the candidate query for the vacancy with the median time, for the results. */
async function plan(vacancy) {
  return session(async (q) => {
    await q(`SET jit = off`);
    const rows = await q(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (${MATCHING_SUBSCRIPTIONS}) m`, [vacancy.vacancy, vacancy.institutionIds]);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/** Part 2: one vacancy, FANOUT students of one institution subscribed to it; publish → every in-app alert stored. */
async function fanOut() {
  const institution = randomUUID();
  const text = {
    title: 'Graduate Software Engineer',
    description: 'Join our graduate software engineer scheme in Leeds: Python, cloud and data engineering, with a mentor and a structured training programme. ' + FILLER.join(' '),
  };
  const fields = { employer: 'Bench Systems Ltd', sector: 'Technology', location: 'Leeds', remote: 'HYBRID', type: 'GRADUATE_JOB', salaryMin: 30000, salaryMax: 34000 };
  // Every one matches: 30% without keywords (half of them with the vacancy's sector), the rest with 1–3 of the vacancy's terms,
  // some with its location, its remote policy, its type or a salary floor below its maximum.
  await session(async (q) => {
    await q(`SET synchronous_commit = off`);
    await q(`SELECT setseed(0.7)`);
    await q(
      `INSERT INTO alert_subscription (user_id, institution_id, name, keywords, keyword_queries, keyword_lexemes, sector, location, remote, types,
                                       salary_min, salary_currency, feed_token)
       SELECT gen_random_uuid(), $1, 'Alert ' || n, k.terms, k.queries, k.lexemes,
              CASE WHEN u < 0.45 THEN 'Technology' END, CASE WHEN u BETWEEN 0.5 AND 0.6 THEN 'leeds' END,
              CASE WHEN u BETWEEN 0.6 AND 0.7 THEN '{HYBRID,REMOTE}' ELSE '{}' END::remote_policy[],
              CASE WHEN u BETWEEN 0.7 AND 0.8 THEN '{GRADUATE_JOB}' ELSE '{}' END::vacancy_type[],
              CASE WHEN u > 0.9 THEN 25000 END, CASE WHEN u > 0.9 THEN 'GBP' END,
              'fanout-' || n
       FROM (SELECT n, random() AS u, random() AS w FROM generate_series(1, $2::int) AS n) g
       CROSS JOIN LATERAL (
         SELECT coalesce(array_agg(t.term), '{}') AS terms, coalesce(array_agg(phraseto_tsquery('careers', t.term)::text), '{}') AS queries,
                array(SELECT DISTINCT l FROM unnest(array_agg(t.term)) AS x, unnest(tsvector_to_array(to_tsvector('careers', x))) AS l) AS lexemes
         FROM (SELECT term FROM unnest('{software engineer,python,graduate,cloud,data engineering,Leeds}'::text[]) WITH ORDINALITY AS t(term, o)
               WHERE g.u >= 0.3 AND (o = 1 + floor(g.w * 6)::int OR o = 1 + floor(g.u * 60)::int % 6 OR o = 1 + floor(g.w * 600)::int % 6)) t
       ) k`,
      [institution, FANOUT],
    );
    await q(`VACUUM ANALYZE alert_subscription`);
  });
  const [{ n: fixture }] = await db.query(`SELECT count(DISTINCT user_id)::int AS n FROM alert_subscription WHERE institution_id = $1`, [institution]);

  const outbox = new Outbox();
  const count = async () => (await one(`SELECT count(*)::int AS n FROM notification WHERE kind = 'vacancy-alert'`)).n;
  const runs = [];
  for (let r = 0; r <= FANOUT_RUNS; r++) {
    const warmUp = r === 0;
    const before = await count();
    const t0 = performance.now();
    let vacancyId;
    await db.transaction(async (tx) => {
      vacancyId = await createVacancyIn(tx, text, fields, [institution]);
      await outbox.append(tx, { type: 'vacancies.vacancy-published', aggregateType: 'vacancy', aggregateId: vacancyId, payload: { vacancyId, institutionIds: [institution] } });
    });
    const committed = performance.now();
    let matchedAt = null;
    for (;;) {
      if (matchedAt === null && (await one(`SELECT EXISTS (SELECT 1 FROM alert_match WHERE vacancy_id = $1) AS x`, [vacancyId])).x) {
        matchedAt = performance.now();
      }
      const stored = (await count()) - before;
      const open = (await one(`SELECT count(*)::int AS n FROM outbox_event WHERE completed_at IS NULL`)).n;
      if (stored >= fixture && open === 0) break;
      if (performance.now() - t0 > 120_000) throw new Error(`Fan-out run ${r}: ${stored} of ${fixture} notifications after 120 s`);
      await new Promise((res) => setTimeout(res, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    const [{ matches, events }] = await db.query(
      `SELECT (SELECT count(*)::int FROM alert_match WHERE vacancy_id = $1) AS matches,
              (SELECT count(*)::int FROM outbox_event WHERE type = 'vacancies.alerts-matched' AND aggregate_id = $1::text) AS events`,
      [vacancyId],
    );
    const run = { vacancyId, seconds: round(seconds, 2), matchStoredSeconds: round((matchedAt - committed) / 1000, 2), matches, alertsMatchedEvents: events, perSecond: Math.round(fixture / seconds) };
    if (matches !== fixture) throw new Error(`Fan-out: ${matches} matches for ${fixture} subscribed students`);
    log(`fan-out ${warmUp ? 'warm-up' : `run ${r}/${FANOUT_RUNS}`}: ${run.seconds} s (matches stored after ${run.matchStoredSeconds} s; ${events} alerts-matched events)`);
    if (!warmUp) runs.push(run);
  }
  return {
    students: fixture,
    runs,
    medianSeconds: median(runs.map((x) => x.seconds)),
    medianMatchStoredSeconds: median(runs.map((x) => x.matchStoredSeconds)),
    medianPerSecond: median(runs.map((x) => x.perSecond)),
    targetSeconds: TARGETS.fanOutSeconds,
    targetMet: median(runs.map((x) => x.seconds)) < TARGETS.fanOutSeconds,
  };
}

async function createVacancyIn(tx, text, fields, institutions) {
  const [{ id }] = await tx.query(VACANCY_INSERT, [
    randomUUID(),
    fields.employer,
    text.title,
    text.description,
    fields.sector,
    fields.location,
    fields.remote,
    fields.type,
    fields.salaryMin,
    fields.salaryMax,
    fields.salaryMin === null ? null : 'GBP',
    randomUUID(),
  ]);
  await tx.query(`INSERT INTO vacancy_target (vacancy_id, institution_id, decision, decided_at) SELECT $1, unnest($2::uuid[]), 'APPROVED', now()`, [id, institutions]);
  return id;
}

function markdown(report) {
  const m = report.matching;
  const d = report.distribution;
  const yes = (x) => (x === null ? 'n/a' : x ? '**met**' : '**missed**');
  const medianP95 = (x) => (x === null ? 'n/a' : `median ${yes(x.median)}, p95 ${yes(x.p95)}`);
  return [
    `## Vacancies benchmark — ${report.date}`,
    '',
    `Node ${report.node}, ${report.cpus} × ${report.cpuModel}, ${report.memoryGiB} GiB, ${report.postgres}; PostgreSQL, Redis, the worker and this process ` +
      `share the machine with other work (load average ${report.loadAverage.join(' ')} at the start).`,
    '',
    '### 1. Matching one published vacancy',
    '',
    `${report.vacancies} published vacancies, each about one job (titles like "${report.sampleTitles.join('", "')}"; descriptions of 150–250 words: sentences naming its field and role, ` +
      `two related fields, five other single words of the vocabulary and four terms drawn from the whole vocabulary the Zipf way, between ordinary sentences; ` +
      `sector, city, remote policy, type and salary varied; each for 1–3 of the 5 institutions). Each is matched against every subscription by:`,
    '',
    '- **indexed**: `MATCHING_SUBSCRIPTIONS` (`@careers/vacancies`), as `AlertMatcher` runs it (with `jit = off`): candidates through the GIN index on the subscriptions\' keywords and the partial index for those without keywords;',
    '- **brute force**: the same predicate on every row (sequential scan, index and bitmap scans off, the server\'s JIT setting; each of a subscription\'s keyword queries tested with `@@`).',
    '',
    'Both timed as `SELECT count(*) FROM (…)` from this process, alternating which runs first; then both fetched as ids and compared: ' +
      `they agreed for every vacancy at every size (the bench fails otherwise).`,
    '',
    '| subscriptions | indexed median ms | indexed p95 ms | brute force median ms | brute force p95 ms | brute / indexed (medians) | brute / indexed (median per vacancy) | matched per vacancy: median (min–max) | target | |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...m.map(
      (x) =>
        `| ${x.subscriptions.toLocaleString('en')} | ${x.indexed.medianMs} | ${x.indexed.p95Ms} | ${x.bruteForce.medianMs} | ${x.bruteForce.p95Ms} | ` +
        `${x.bruteOverIndexed.ofMedians}× | ${x.bruteOverIndexed.medianPerVacancy}× | ${x.matched.median} (${x.matched.min}–${x.matched.max}) | ` +
        `< ${x.targetMs ?? 'n/a'} ms | ${medianP95(x.targetMet)} |`,
    ),
    '',
    `Generated (set-based SQL, \`INSERT … SELECT FROM generate_series\`; keyword queries and lexemes computed in SQL as AlertsService does: ` +
      "`phraseto_tsquery('careers', term)::text` and `tsvector_to_array(to_tsvector('careers', term))`):",
    '',
    `- a vocabulary of ${report.vocabulary.terms} terms (${report.vocabulary.phrases} of them phrases of 2–4 words, e.g. "${report.vocabulary.sample.join('", "')}"), ` +
      'ranked: single words and phrases interleaved (one word, two phrases);',
    '- 0–3 keywords per subscription (10% none, 40% one, 30% two, 20% three; repeats dropped), each of rank r with probability ≈ 1/(r·ln 2001) (Zipf, s = 1);',
    '- filters: sector 30% (one of 12), location 20% (one of 12 cities), remote 15%, types 15%, salary floor 10% (GBP 18k–38k), paused 5%; ' +
      'institutions weighted 40/25/15/12/8%; frequency INSTANT 50%, DAILY 30%, WEEKLY 20%.',
    `- measured at ${report.matching.map((x) => x.subscriptions.toLocaleString('en')).join(' and ')}: ` +
      `without keywords ${d.noKeywordsPct}%, keywords per subscription ${d.keywordsAvg}, with a phrase ${d.withPhrasePct}%, sector ${d.sectorPct}%, ` +
      `location ${d.locationPct}%, remote ${d.remotePct}%, types ${d.typesPct}%, salary ${d.salaryPct}%, paused ${d.pausedPct}%; ` +
      `table with indexes ${d.tableAndIndexes} (indexes: ${d.indexes}).`,
    '',
    `Loading: in one session with \`synchronous_commit = off\` and \`maintenance_work_mem = 256MB\`; alert_subscription's secondary indexes dropped before ` +
      `the insert and built again after it (the same definitions, read from pg_indexes), then \`VACUUM ANALYZE\`. ` +
      `The 1M set is the 100k set plus 900k more. Load times: ${report.loadSeconds.map((s, i) => `${m[i]?.subscriptions.toLocaleString('en')}: ${round(s)} s`).join(', ')}.`,
    '',
    '### 2. Publish → every in-app alert stored',
    '',
    report.fanOut
      ? [
          `${report.fanOut.students.toLocaleString('en')} students of one institution, one subscription each, all matching one vacancy (30% without keywords, ` +
            'the rest with 1–3 of its terms; some with its sector, location, remote policy, type or a salary floor); the 1M matching set removed first. ' +
            'A run commits a fresh vacancy, its approved target and `vacancies.vacancy-published` through the Outbox in one transaction (what VacanciesService ' +
            'does on approval) and ends when every `vacancy-alert` notification is stored and the outbox is drained. The worker process ' +
            '(`apps/worker/dist/main.js`, OUTBOX_POLL_INTERVAL=0.5) matches (one transaction: an alert_match row per student and one `vacancies.alerts-matched` event ' +
            'per 1,000 recipients), then notifications stores each chunk (reading only notification_preference for IN_APP; no user rows are needed). ' +
            `One warm-up run, then ${report.fanOut.runs.length} measured.`,
          '',
          '| | median | runs |',
          '|---|---:|---|',
          `| publish → ${report.fanOut.students.toLocaleString('en')} in-app alerts stored, outbox drained | ${report.fanOut.medianSeconds} s | ${report.fanOut.runs.map((x) => x.seconds).join(', ')} s |`,
          `| of which: matches stored (alert_match committed) | ${report.fanOut.medianMatchStoredSeconds} s | ${report.fanOut.runs.map((x) => x.matchStoredSeconds).join(', ')} s |`,
          `| alerts per second | ${report.fanOut.medianPerSecond} | |`,
          '',
          `Target: under ${report.fanOut.targetSeconds} s: ${yes(report.fanOut.targetMet)}.`,
        ].join('\n')
      : 'Skipped (VAC_FANOUT=0).',
    '',
    '### Reproduce',
    '',
    '`npm ci && npm run bench:vacancies` (PostgreSQL and Redis local, or an embedded PostgreSQL; a fresh database is created and dropped). ' +
      'Settings: `VAC_SIZES=100000,1000000 VAC_VACANCIES=25 VAC_FANOUT=100000 VAC_FANOUT_RUNS=3`. ' +
      `This run took ${report.totalSeconds} s.`,
    '',
    '<details><summary>Plan of the indexed query at the largest size (the vacancy with the median time)</summary>',
    '',
    '```',
    report.plan,
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
}

try {
  const institutions = Array.from({ length: 5 }, randomUUID);
  const vocabTerms = vocabulary();
  const vocabRows = await db.query(
    `SELECT term, phraseto_tsquery('careers', term)::text AS query, array_to_string(tsvector_to_array(to_tsvector('careers', term)), ' ') AS lexemes
     FROM unnest($1::text[]) WITH ORDINALITY AS k(term, n) ORDER BY n`,
    [vocabTerms],
  );
  const usable = vocabRows.filter((r) => r.lexemes !== '');
  const vocab = { terms: usable.map((r) => r.term), queries: usable.map((r) => r.query), lexemes: usable.map((r) => r.lexemes) };
  log(`vocabulary: ${vocab.terms.length} terms (${vocab.terms.filter((t) => t.includes(' ')).length} phrases)`);

  const vacancies = [];
  for (let i = 0; i < VACANCIES; i++) {
    const text = vacancyText(vocab.terms);
    const salary = rand() < 0.7 ? 20000 + 1000 * Math.floor(rand() * 20) : null;
    const targets = shuffle(institutions).slice(0, 1 + Math.floor(rand() * 3));
    const fields = {
      employer: `${pick(['Acme', 'Northwind', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli'])} ${pick(['Ltd', 'plc', 'LLP', 'Group'])}`,
      sector: pick(SECTORS),
      location: rand() < 0.2 ? `${pick(CITIES)}, ${pick(CITIES)}` : pick(CITIES),
      remote: pick(['ON_SITE', 'HYBRID', 'REMOTE']),
      type: pick(['INTERNSHIP', 'PLACEMENT', 'GRADUATE_JOB', 'PART_TIME', 'VOLUNTEERING']),
      salaryMin: salary,
      salaryMax: salary === null ? null : salary + 1000 * Math.floor(rand() * 10),
    };
    vacancies.push({ id: await createVacancyIn(db, text, fields, targets), title: text.title, institutions: targets });
  }
  await db.query(`ANALYZE vacancy`);

  const matchingResults = [];
  const loadSeconds = [];
  let loaded = 0;
  let distributionAtLargest = null;
  for (const size of SIZES) {
    loadSeconds.push(await load(vocab, institutions, loaded + 1, size));
    loaded = size;
    distributionAtLargest = await distribution();
    matchingResults.push(await matching(size, vacancies));
  }
  const largest = matchingResults.at(-1);
  const medianRow = [...largest.rows].sort((a, b) => a.indexedMs - b.indexedMs)[largest.rows.length >> 1];
  const medianPlan = await plan({ vacancy: medianRow.vacancy, institutionIds: vacancies.find((v) => v.id === medianRow.vacancy).institutions });

  let fanOutResult = null;
  if (FANOUT > 0) {
    await db.query(`TRUNCATE alert_match, alert_webhook_delivery, alert_subscription`);
    worker = spawn(process.execPath, [here('../../apps/worker/dist/main.js')], {
      env: { ...process.env, OUTBOX_POLL_INTERVAL: '0.5' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await new Promise((r) => setTimeout(r, 3000)); // the worker starts
    fanOutResult = await fanOut();
  }

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => round(x, 2)),
    postgres: `PostgreSQL ${(await one('SHOW server_version')).server_version}`,
    vacancies: vacancies.length,
    sampleTitles: vacancies.slice(0, 3).map((v) => v.title),
    vocabulary: { terms: vocab.terms.length, phrases: vocab.terms.filter((t) => t.includes(' ')).length, sample: vocab.terms.slice(0, 6) },
    distribution: distributionAtLargest,
    loadSeconds: loadSeconds.map((s) => round(s)),
    matching: matchingResults,
    fanOut: fanOutResult,
    plan: medianPlan,
    totalSeconds: Math.round((performance.now() - started) / 1000),
  };
  const md = markdown(report);
  mkdirSync(here('./results'), { recursive: true });
  writeFileSync(here('./results/vacancies.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(here('./results/vacancies.md'), md);
  console.log(`\n${md}`);
} finally {
  if (worker) {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
  }
  await db.destroy();
  // VAC_KEEP=1 keeps the database for EXPLAIN (drop it yourself afterwards).
  if (process.env.VAC_KEEP === '1') log(`kept ${process.env.DATABASE_URL}`);
  else await environment.teardown();
  clearTimeout(DEADLINE);
}
