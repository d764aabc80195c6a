// The ceiling for mentoring's read paths: a bare node:http server doing only the work the api cannot
// avoid. Per request it parses the JSON body and verifies the bearer JWT as AccessTokens does (jose,
// HS256, issuer careers-network, the same JWT_SECRET); then, on a pg Pool, with the built repositories
// themselves (the same SQL text and parameters, whatever the statements become), after the caller's
// network (MentoringAudienceRepository.networkOf), as the api reads it:
//   - `mentorSuggestions(first)`: the student's profile read with the statement of identity's
//     PeopleDirectory.interestsOf, MentorSuggestionsRepository.rank, reasons by mentoring's reasonsOf;
//     answers `mentorSuggestions { score reasons mentor { id displayName placesFree } }`;
//   - `questions(first)` (any other query): QuestionRepository.feedPage and the authors' names with the
//     statement of PeopleDirectory.peopleOf; answers `questions { edges { cursor node { id title tags
//     answerCount createdAt author { id displayName } } } pageInfo { hasNextPage endCursor } }`.
// Bodies have the api's shape and field order. No framework, no GraphQL.
//
// Prints one JSON line {"port": N} once listening; stops when its stdin closes or on SIGTERM.
import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { createServer } from 'node:http';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { MentoringAudienceRepository } from '../../libs/mentoring/dist/audience/mentoring-audience.repository.js';
import { reasonsOf } from '../../libs/mentoring/dist/mentors/mentor-match.js';
import { MentorSuggestionsRepository } from '../../libs/mentoring/dist/mentors/mentor-suggestions.repository.js';
import { QuestionRepository } from '../../libs/mentoring/dist/questions/question.repository.js';
import { encodeCursor } from '@careers/platform';

const key = createSecretKey(Buffer.from(process.env.JWT_SECRET, 'utf8'));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), application_name: 'careers-bench-bare' });
/** What rank() needs of an EntityManager: query(sql, params) → rows. */
const manager = { query: async (sql, params) => (await pool.query(sql, params)).rows };
const ranking = new MentorSuggestionsRepository();
// The caller's network (their institution's mentoring audience), read on every request as the api does.
const audience = new MentoringAudienceRepository();
const questions = new QuestionRepository();

// identity's PeopleDirectoryRepository.interestsOf, for one user.
const INTERESTS_SQL = `SELECT u.id AS "userId", p.course, p.graduation_year AS "graduationYear",
              coalesce(p.sectors, '{}') AS sectors, coalesce(p.skills, '{}') AS skills, coalesce(p.interests, '{}') AS interests
       FROM user_account u LEFT JOIN profile p ON p.user_id = u.id
       WHERE u.id = ANY($1::uuid[])`;

// identity's PeopleDirectoryRepository.peopleOf.
const PEOPLE_SQL = `SELECT u.id AS "userId", u.display_name AS "displayName", u.role, u.institution_id AS "institutionId",
              u.organisation_id AS "organisationId", p.graduation_year AS "graduationYear", p.course
       FROM user_account u LEFT JOIN profile p ON p.user_id = u.id
       WHERE u.id = ANY($1::uuid[])`;

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function answer(req, raw) {
  const { query, variables } = JSON.parse(raw);
  const token = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7).trim() : undefined;
  let payload;
  try {
    ({ payload } = await jwtVerify(token ?? '', key, { issuer: 'careers-network', algorithms: ['HS256'] }));
  } catch {
    return { errors: [{ message: 'The access token is not valid. Sign in again.', extensions: { code: 'UNAUTHENTICATED' } }], data: null };
  }
  if (!query.includes('mentorSuggestions')) return feed(payload, variables);
  if (payload.role !== 'STUDENT') return { errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }], data: null };
  const first = variables?.first ?? 10;
  if (!payload.inst) return { data: { mentorSuggestions: [] } };
  const { rows } = await pool.query(INTERESTS_SQL, [[payload.sub]]);
  const profile = rows[0];
  if (!profile) return { data: { mentorSuggestions: [] } };
  const ranked = await ranking.rank(
    manager,
    { userId: payload.sub, institutionId: payload.inst, course: profile.course, sectors: profile.sectors, skills: profile.skills, interests: profile.interests },
    await audience.networkOf(manager, payload.inst),
    first,
  );
  return {
    data: {
      mentorSuggestions: ranked.map((r) => ({
        score: r.score,
        reasons: reasonsOf({
          sameSectors: r.same_sectors,
          course: r.course,
          sameCourse: r.same_course,
          sharedInterests: r.shared_interests,
          sharedSkills: r.shared_skills,
          languages: r.spoken,
          fillsGaps: r.fills_gaps,
          placesFree: r.places_free,
          capacity: r.capacity,
        }),
        mentor: { id: r.user_id, displayName: r.display_name, placesFree: r.places_free },
      })),
    },
  };
}

async function feed(payload, variables) {
  const first = variables?.first ?? 20;
  const caller = { id: payload.sub, role: payload.role, institutionId: payload.inst ?? null, organisationId: payload.org ?? null };
  const network = caller.institutionId ? await audience.networkOf(manager, caller.institutionId) : undefined;
  const rows = await questions.feedPage(manager, caller, network, { unanswered: false, mine: false, first });
  const ids = [...new Set(rows.flatMap((r) => (r.mentor_id ? [r.asker_id, r.mentor_id] : [r.asker_id])))];
  const names = new Map(ids.length ? (await pool.query(PEOPLE_SQL, [ids])).rows.map((p) => [p.userId, p.displayName]) : []);
  const edges = rows.slice(0, first).map((r) => ({
    cursor: encodeCursor(`${r.score}|${r.created_at.toISOString()}`, r.id),
    node: {
      id: r.id,
      title: r.title,
      tags: r.tags,
      answerCount: r.answer_count,
      createdAt: r.created_at.toISOString(),
      author: { id: r.asker_id, displayName: names.get(r.asker_id) ?? 'A former member' },
    },
  }));
  return { data: { questions: { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } } } };
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { error: 'not found' });
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    answer(req, Buffer.concat(chunks).toString('utf8')).then(
      (body) => send(res, 200, body),
      (error) => send(res, 500, { errors: [{ message: String(error?.message ?? error), extensions: { code: 'INTERNAL' } }] }),
    );
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 3000).unref();
  server.close();
  server.closeAllConnections?.();
  pool.end().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
