// The ceiling for the `me` query: a bare node:http server that does only the
// work the api cannot avoid. For each request it reads and parses the JSON
// body, verifies the bearer JWT as AccessTokens does (jose, HS256, issuer
// careers-network, the same JWT_SECRET), runs the statement TypeORM sends
// for `me { … profile { … } }` (same SQL text, on a pg
// Pool of DATABASE_POOL_SIZE connections) and answers with a body of the same
// shape as the api's. No framework, no GraphQL, no logging.
//
// Prints one JSON line {"port": N} once listening; stops when its stdin closes
// or on SIGTERM.
import { createServer } from 'node:http';
import { createSecretKey } from 'node:crypto';
import { jwtVerify } from 'jose';
import pg from 'pg';

const ISSUER = 'careers-network';
const key = createSecretKey(Buffer.from(process.env.JWT_SECRET, 'utf8')); // as AccessTokens does: imported once
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  application_name: 'careers-bench-bare',
});

// Exactly what TypeORM issues for UsersService.me (the user with its profile, one join).
const ME_SQL =
  'SELECT "u"."id" AS "u_id", "u"."email" AS "u_email", "u"."password_hash" AS "u_password_hash", "u"."display_name" AS "u_display_name", ' +
  '"u"."role" AS "u_role", "u"."institution_id" AS "u_institution_id", "u"."organisation_id" AS "u_organisation_id", ' +
  '"u"."trust_level" AS "u_trust_level", "u"."created_at" AS "u_created_at", "u"."updated_at" AS "u_updated_at", ' +
  '"p"."user_id" AS "p_user_id", "p"."headline" AS "p_headline", "p"."bio" AS "p_bio", "p"."course" AS "p_course", ' +
  '"p"."graduation_year" AS "p_graduation_year", "p"."sectors" AS "p_sectors", "p"."skills" AS "p_skills", ' +
  '"p"."interests" AS "p_interests", "p"."links" AS "p_links", "p"."visibility" AS "p_visibility", "p"."updated_at" AS "p_updated_at" ' +
  'FROM "user_account" "u" LEFT JOIN "profile" "p" ON "p"."user_id" = "u"."id" WHERE "u"."id" = $1';

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const unauthenticated = (message) => ({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }], data: null });

async function me(req, raw) {
  JSON.parse(raw); // the api parses the body; so does the ceiling
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (!token) return [200, unauthenticated('Sign in first.')];
  let sub;
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
    sub = payload.sub;
  } catch {
    return [200, unauthenticated('The access token is not valid. Sign in again.')];
  }
  const { rows } = await pool.query(ME_SQL, [sub]);
  const row = rows[0];
  if (!row) return [200, { errors: [{ message: 'Your account was not found.', extensions: { code: 'NOT_FOUND' } }], data: null }];
  return [
    200,
    {
      data: {
        me: {
          id: row.u_id,
          displayName: row.u_display_name,
          role: row.u_role,
          email: row.u_email,
          profile: row.p_user_id ? { headline: row.p_headline, bio: row.p_bio, sectors: row.p_sectors } : null,
        },
      },
    },
  ];
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { error: 'not found' });
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    me(req, Buffer.concat(chunks).toString('utf8')).then(
      ([status, body]) => send(res, status, body),
      (error) => send(res, 500, { errors: [{ message: String(error?.message ?? error), extensions: { code: 'INTERNAL' } }] }),
    );
  });
});
// As Node's defaults, which Express (the api) keeps too.
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

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
